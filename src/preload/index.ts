// The desktop window's preload (sandboxed, CommonJS). Exposes window.orchestron (DesktopBridge):
// the shell's capabilities, listeners for core status, focus requests and dropped files, and a
// way to ask for the MessagePort to the core, which reaches the page by window.postMessage
// because a port cannot cross the context bridge.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  CORE_PORT_MESSAGE,
  IPC_CHANNELS,
  type CorePortMessage,
  type CoreStatus,
  type DesktopBridge,
  type FocusTarget,
} from '../shared/desktop/desktop-bridge.ts';

type CorePort = IpcRendererEvent['ports'][number];

/**
 * The page's window, as far as the preload touches it. The preload type-checks with the Node
 * code (no DOM library there, on purpose), so the few DOM members it uses are declared here.
 */
interface PageWindow {
  readonly location: { readonly origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: CorePort[]): void;
  addEventListener(type: 'dragover' | 'drop', listener: (event: DropEvent) => void): void;
}
interface DropEvent {
  preventDefault(): void;
  readonly dataTransfer: { readonly files: ArrayLike<unknown> } | null;
}
const page = globalThis as unknown as PageWindow;

/** The latest port main sent, kept until the page asks for it (it may not listen yet). */
let heldPort: { port: CorePort; generation: number } | null = null;
let pageAsked = false;

function handOver(): void {
  if (!pageAsked || !heldPort) return;
  const message: CorePortMessage = { type: CORE_PORT_MESSAGE, generation: heldPort.generation };
  page.postMessage(message, page.location.origin, [heldPort.port]);
  heldPort = null;
}

ipcRenderer.on(
  IPC_CHANNELS.corePort,
  (event: IpcRendererEvent, payload: { generation?: unknown }) => {
    const port = event.ports[0];
    if (!port || typeof payload?.generation !== 'number') return;
    heldPort?.port.close();
    heldPort = { port, generation: payload.generation };
    handOver();
  },
);

/** Subscribes a page listener to one main -> page channel; returns the unsubscribe. */
function listen<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => void ipcRenderer.off(channel, handler);
}

const dropListeners = new Set<(paths: string[]) => void>();

function emitFiles(paths: string[]): void {
  const clean = paths.filter((path) => typeof path === 'string' && path !== '');
  if (clean.length > 0) for (const listener of dropListeners) listener(clean);
}

// A file dropped on the window goes to the page as paths, never as a navigation to file://
page.addEventListener('dragover', (event) => event.preventDefault());
page.addEventListener('drop', (event) => {
  event.preventDefault();
  const files = Array.from(event.dataTransfer?.files ?? []) as File[];
  // an empty path: a file that exists only in the page (dragged from another web page)
  emitFiles(files.map((file) => webUtils.getPathForFile(file)));
});
ipcRenderer.on(IPC_CHANNELS.filesOpened, (_event, paths: unknown) => {
  if (Array.isArray(paths)) emitFiles(paths.filter((p): p is string => typeof p === 'string'));
});

const bridge: DesktopBridge = {
  shell: 'desktop',
  capabilities: { nativeNotifications: true },
  requestCorePort() {
    pageAsked = true;
    if (heldPort) handOver();
    else ipcRenderer.send(IPC_CHANNELS.portRequest);
  },
  onCoreStatus: (listener) => listen<CoreStatus>(IPC_CHANNELS.coreStatus, listener),
  onFocus: (listener) => listen<FocusTarget>(IPC_CHANNELS.focus, listener),
  onFilesDropped(listener) {
    dropListeners.add(listener);
    return () => void dropListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('orchestron', bridge);
