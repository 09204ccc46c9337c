// The app window's options and its content security policy, as data: main passes them to
// BrowserWindow and to the app:// protocol, and tests check every security switch without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy.ts';

/** The page's policy, shared with the browser (src/shared/content-security-policy.ts). */
export const DESKTOP_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;

/** Big enough for the graph beside the inspector; small enough for a 1280x800 laptop screen. */
const DEFAULT_SIZE = { width: 1280, height: 800 };
/** Below this the graph, the list and the inspector stop fitting side by side. */
const MINIMUM_SIZE = { minWidth: 720, minHeight: 480 };

export function mainWindowOptions(
  preloadPath: string,
  platform: NodeJS.Platform,
): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    ...MINIMUM_SIZE,
    title: 'Orchestron',
    // shown on 'ready-to-show', so the window never flashes white before the first paint
    show: false,
    // the page paints its own background from the system theme; this only covers the first frame
    backgroundColor: '#00000000',
    autoHideMenuBar: platform !== 'darwin',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // no `experimentalFeatures`, no `enableBlinkFeatures`: only what ships enabled
    },
  };
}
