// The app window: built from window-options.ts, shown once its first paint is ready, and handed
// dropped files' paths by the preload (nothing to do here: the drop never navigates).
import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options.ts';

export function createMainWindow(url: string, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, process.platform));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
