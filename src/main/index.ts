// Electron main, wiring only: one instance, one window on app://, the core in a supervised
// utilityProcess with a MessagePort per page, the tray count and notifications the core reports,
// the app menu, and the security policies. Every decision lives in a pure module beside this.
import { app, BrowserWindow, dialog, Menu, type WebContents } from 'electron';
import { join } from 'node:path';
import {
  IPC_CHANNELS,
  type CoreStatus,
  type FocusTarget,
} from '../shared/desktop/desktop-bridge.ts';
import { appMenuTemplate } from './app-menu.ts';
import { appLocation } from './app-origin.ts';
import { registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { AttentionTray } from './attention-tray.ts';
import { CoreHost } from './core-host.ts';
import { openIpcGateway } from './ipc-gateway.ts';
import { createMainWindow } from './main-window.ts';
import { lockDownWebContents } from './security.ts';
import { filesFromArgv, secondInstanceAction } from './single-instance.ts';
import { closeHidesWindow } from './tray-state.ts';

const OUT_DIR = join(import.meta.dirname, '..');
const PRELOAD_PATH = join(OUT_DIR, 'preload', 'index.cjs');
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const CORE_ENTRY = join(import.meta.dirname, 'core-process.cjs');
const RESOURCES_DIR = app.isPackaged ? process.resourcesPath : join(OUT_DIR, '..', 'resources');
const location = appLocation(app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']);

let window: BrowserWindow | null = null;
let tray: AttentionTray | null = null;
let quitting = false;
let coreStatus: CoreStatus = { state: 'restarting', attempt: 0, delayMs: 0, reason: 'starting' };
/** Files opened before the window could take them (a launch argument, macOS open-file). */
let pendingFiles: string[] = [];

const core = new CoreHost({
  entryPath: CORE_ENTRY,
  onStatus(status) {
    coreStatus = status;
    send(IPC_CHANNELS.coreStatus, status);
    if (status.state === 'failed') dialog.showErrorBox('Orchestron core stopped', status.message);
  },
  onMessage(message) {
    if (message.type === 'attention') tray?.setCount(message.count);
    else if (message.type === 'notice') tray?.notify(message.notice);
    else if (message.type === 'ready' && message.note)
      process.stderr.write(`orchestron: ${message.note}\n`);
  },
});

function send(channel: string, payload: unknown): void {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}

function openWindow(): void {
  window = createMainWindow(location.url, PRELOAD_PATH);
  const contents: WebContents = window.webContents;
  core.attach(contents);
  contents.on('did-finish-load', () => {
    send(IPC_CHANNELS.coreStatus, coreStatus);
    if (pendingFiles.length > 0) send(IPC_CHANNELS.filesOpened, pendingFiles);
    pendingFiles = [];
  });
  window.on('close', (event) => {
    if (closeHidesWindow({ platform: process.platform, hasTray: tray !== null, quitting })) {
      event.preventDefault();
      window?.hide();
    }
  });
  window.on('closed', () => (window = null));
}

function focus(target?: FocusTarget): void {
  if (!window) openWindow();
  const shown = window!;
  if (shown.isMinimized()) shown.restore();
  shown.show();
  shown.focus();
  if (target) send(IPC_CHANNELS.focus, target);
}

function openFiles(files: string[]): void {
  if (files.length === 0) return;
  if (window && !window.webContents.isLoading()) send(IPC_CHANNELS.filesOpened, files);
  else pendingFiles.push(...files);
}

function quit(): void {
  quitting = true;
  app.quit();
}

function failToStart(error: unknown): void {
  dialog.showErrorBox(
    'Orchestron could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const files = filesFromArgv(argv, cwd, [app.getAppPath()]);
    const action = secondInstanceAction(
      { exists: window !== null, minimized: window?.isMinimized() ?? false },
      files,
    );
    focus();
    openFiles(action.files);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  app.on('activate', () => focus());
  app.on('before-quit', () => (quitting = true));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && tray === null) app.quit();
  });
  app.on('will-quit', (event) => {
    event.preventDefault();
    app.removeAllListeners('will-quit');
    tray?.dispose();
    void core.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(() => {
      // the session and the protocol exist only once the app is ready, before the first window
      lockDownWebContents(location.origin);
      serveAppScheme(RENDERER_DIR);
      openIpcGateway(location.origin, () => window, {
        portRequest: (contents) => core.connect(contents),
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(appMenuTemplate(process.platform, !app.isPackaged, { focus, quit })),
      );
      tray = new AttentionTray({ resourcesDir: RESOURCES_DIR, window: () => window, focus, quit });
      core.start();
      openWindow();
      openFiles(filesFromArgv(process.argv, process.cwd(), [app.getAppPath()]));
    })
    .catch(failToStart);
}
