// The window's security switches, its CSP, and the navigation, window.open, permission and IPC
// sender policies, checked as data: no Electron needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_ORIGIN, appLocation, appRequestFile, originOf } from '../../src/main/app-origin.ts';
import {
  allowNavigation,
  isTrustedSender,
  permissionDecision,
  windowOpenDecision,
} from '../../src/main/navigation-policy.ts';
import {
  DESKTOP_CONTENT_SECURITY_POLICY,
  mainWindowOptions,
} from '../../src/main/window-options.ts';

describe('window options', () => {
  test('the page is isolated and sandboxed, with no Node, no webviews and web security on', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const prefs = mainWindowOptions('/app/out/preload/index.cjs', platform).webPreferences!;
      assert.equal(prefs.contextIsolation, true);
      assert.equal(prefs.sandbox, true);
      assert.equal(prefs.nodeIntegration, false);
      assert.equal(prefs.nodeIntegrationInWorker, false);
      assert.equal(prefs.nodeIntegrationInSubFrames, false);
      assert.equal(prefs.webSecurity, true);
      assert.equal(prefs.allowRunningInsecureContent, false);
      assert.equal(prefs.webviewTag, false);
      assert.equal(prefs.navigateOnDragDrop, false, 'a dropped file must not replace the page');
      assert.equal(prefs.preload, '/app/out/preload/index.cjs');
      assert.equal('experimentalFeatures' in prefs, false);
      assert.equal('enableBlinkFeatures' in prefs, false);
    }
  });

  test('the window waits for its first paint before showing', () => {
    assert.equal(mainWindowOptions('/p', 'linux').show, false);
  });

  test('the CSP allows only the app itself: no inline code, no eval, no remote hosts, no frames', () => {
    const directives = new Map(
      DESKTOP_CONTENT_SECURITY_POLICY.split('; ').map((part) => {
        const [name, ...values] = part.split(' ');
        return [name!, values];
      }),
    );
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(directives.get('base-uri'), ["'none'"]);
    assert.doesNotMatch(DESKTOP_CONTENT_SECURITY_POLICY, /unsafe-|https?:|wss?:|\*|blob:/);
  });
});

describe('the app origin', () => {
  test('a build loads app://orchestron; only a loopback http dev server replaces it', () => {
    assert.deepEqual(appLocation(undefined), {
      url: 'app://orchestron/index.html',
      origin: APP_ORIGIN,
    });
    assert.deepEqual(appLocation('http://localhost:5173/'), {
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    assert.equal(appLocation('https://evil.example/').origin, APP_ORIGIN);
    assert.equal(appLocation('http://192.168.1.9:5173/').origin, APP_ORIGIN);
  });

  test('app:// requests map into the renderer folder and nowhere else', () => {
    assert.equal(appRequestFile('app://orchestron/', '/r'), '/r/index.html');
    assert.equal(appRequestFile('app://orchestron/assets/a.js', '/r'), '/r/assets/a.js');
    // the URL parser drops dot segments first, so they can only ever land inside the folder
    assert.equal(
      appRequestFile('app://orchestron/%2e%2e/%2e%2e/etc/passwd', '/r'),
      '/r/etc/passwd',
    );
    assert.equal(appRequestFile('app://orchestron/..%2fsecret', '/r'), null);
    assert.equal(appRequestFile('app://other/index.html', '/r'), null);
    assert.equal(appRequestFile('file:///etc/passwd', '/r'), null);
    assert.equal(appRequestFile('not a url', '/r'), null);
  });

  test('origins of custom schemes are compared by scheme and host', () => {
    assert.equal(originOf('app://orchestron/x?y'), APP_ORIGIN);
    assert.notEqual(originOf('app://orchestron.evil/'), APP_ORIGIN);
    assert.equal(originOf('::'), null);
  });
});

describe('navigation, new windows and permissions', () => {
  test('navigation stays inside the app', () => {
    assert.equal(allowNavigation('app://orchestron/index.html#/inbox', APP_ORIGIN), true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'app://orchestron.evil/',
    ])
      assert.equal(allowNavigation(url, APP_ORIGIN), false, url);
  });

  test('window.open never opens a window; plain web links go to the system browser', () => {
    assert.deepEqual(windowOpenDecision('https://github.com/o/r/commit/abc'), {
      action: 'deny',
      openExternally: 'https://github.com/o/r/commit/abc',
    });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://orchestron/',
      'https://user:pw@example.com/',
      'nonsense',
    ])
      assert.deepEqual(windowOpenDecision(url), { action: 'deny', openExternally: null }, url);
  });

  test('every permission is denied except the clipboard write, and that only for the app', () => {
    assert.equal(
      permissionDecision('clipboard-sanitized-write', 'app://orchestron/index.html', APP_ORIGIN),
      true,
    );
    assert.equal(
      permissionDecision('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN),
      false,
    );
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ])
      assert.equal(
        permissionDecision(permission, 'app://orchestron/', APP_ORIGIN),
        false,
        permission,
      );
  });

  test('main listens only to the top frame of the app page in its own window', () => {
    const top = { url: 'app://orchestron/index.html', isMainFrame: true };
    assert.equal(isTrustedSender(top, APP_ORIGIN, true), true);
    assert.equal(isTrustedSender(top, APP_ORIGIN, false), false, 'a window main did not create');
    assert.equal(
      isTrustedSender({ ...top, isMainFrame: false }, APP_ORIGIN, true),
      false,
      'an iframe',
    );
    assert.equal(
      isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, APP_ORIGIN, true),
      false,
    );
    assert.equal(isTrustedSender(null, APP_ORIGIN, true), false, 'a frame already gone');
  });
});
