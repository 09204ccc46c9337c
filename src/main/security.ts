// Applies the navigation, window and permission policies (navigation-policy.ts) to every web
// contents the app creates, and denies webviews outright.
import { app, session, shell } from 'electron';
import { allowNavigation, permissionDecision, windowOpenDecision } from './navigation-policy.ts';

export function lockDownWebContents(appOrigin: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionDecision(permission, details.requestingUrl, appOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(permission, requestingOrigin, appOrigin),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!allowNavigation(url, appOrigin)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', (event) => guard(event, event.url));
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
