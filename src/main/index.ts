// Electron main, thin for now: one instance, one window showing the page that the in-process
// core serves on loopback. Tray, notifications and the utilityProcess come with the desktop issue.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { startCoreHost, type CoreHost } from './core-host.ts';
import { createMainWindow } from './main-window.ts';
import { lockDownWebContents } from './security.ts';

const PRELOAD_PATH = join(import.meta.dirname, '..', 'preload', 'index.cjs');
const RENDERER_DIR = join(import.meta.dirname, '..', 'renderer');

let core: CoreHost | null = null;
let window: BrowserWindow | null = null;

async function openWindow(): Promise<void> {
  core ??= await startCoreHost(RENDERER_DIR);
  window = createMainWindow(core.url, PRELOAD_PATH);
  window.on('closed', () => (window = null));
}

function focusWindow(): void {
  if (!window) return void openWindow().catch(failToStart);
  if (window.isMinimized()) window.restore();
  window.focus();
}

function failToStart(error: unknown): void {
  dialog.showErrorBox(
    'Orchestron could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && focusWindow());
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.dispose().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(() => {
      // The session exists only once the app is ready, and before the first window opens.
      lockDownWebContents(() => (core ? new URL(core.url).origin : null));
      return openWindow();
    })
    .catch(failToStart);
}
