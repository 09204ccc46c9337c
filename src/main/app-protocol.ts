// Serves the built page on app://orchestron/ (a privileged standard scheme: its own origin,
// secure context, fetch and workers allowed) with the desktop CSP on every HTML answer.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME, appRequestFile } from './app-origin.ts';
import { DESKTOP_CONTENT_SECURITY_POLICY } from './window-options.ts';

/** Must run before the app is ready: schemes are registered once, at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** After ready: answers app:// requests from `rendererDir`, 404 for anything outside it. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestFile(request.url, rendererDir);
    if (file === null || new URL(request.url).host !== APP_HOST)
      return new Response('Not found.', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    if (!response.ok) return new Response('Not found.', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (file.endsWith('.html'))
      headers.set('Content-Security-Policy', DESKTOP_CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: 200, headers });
  });
}
