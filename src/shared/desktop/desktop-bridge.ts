// The contract between the desktop shell (Electron main + preload) and the renderer: the IPC
// channel names (one list, used by main and preload alike), what the preload exposes on
// window.orchestron, and the window message that carries the MessagePort to the core.

/** Every IPC channel between main and the preload. Nothing else crosses. */
export const IPC_CHANNELS = {
  /** main -> preload: a fresh MessagePort to the core (first start and after every restart). */
  corePort: 'orchestron:core-port',
  /** main -> preload: how the core process is doing. */
  coreStatus: 'orchestron:core-status',
  /** main -> preload: bring this view forward (a notification was clicked). */
  focus: 'orchestron:focus',
  /** main -> preload: files opened with the app (a second launch's arguments, macOS open-file). */
  filesOpened: 'orchestron:files-opened',
  /** preload -> main: the page (re)loaded and wants a port to the core. */
  portRequest: 'orchestron:port-request',
} as const;

/**
 * A port cannot cross the context bridge, so the preload hands it to the page with
 * window.postMessage(message, location.origin, [port]); the page takes only messages whose
 * source is its own window and whose data is this shape.
 */
export const CORE_PORT_MESSAGE = 'orchestron:core-port';
export interface CorePortMessage {
  type: typeof CORE_PORT_MESSAGE;
  /** Counts the ports handed out; a higher one replaces any port held before. */
  generation: number;
}

/** What the window is told about the core process it talks to. */
export type CoreStatus =
  | { state: 'running' }
  /** It stopped unexpectedly; a new one starts after delayMs. The page shows it reconnecting. */
  | { state: 'restarting'; attempt: number; delayMs: number; reason: string }
  /** It crashed too often; the message says what to do. */
  | { state: 'failed'; message: string };

/** A place in the app a notification click leads to. */
export type FocusTarget =
  /** `key` names the inbox item ("question-Q-7", "review-12"), as the shared attention rules do. */
  | { view: 'inbox'; key?: string; ticket?: string }
  | { view: 'task'; taskId: number; projectId: number | null };

/** What the desktop preload exposes on window.orchestron (browser mode has no such object). */
export interface DesktopBridge {
  readonly shell: 'desktop';
  readonly capabilities: { nativeNotifications: boolean };
  /** Asks for the port to the core; it arrives as a CorePortMessage (again after a restart). */
  requestCorePort(): void;
  onCoreStatus(listener: (status: CoreStatus) => void): () => void;
  onFocus(listener: (target: FocusTarget) => void): () => void;
  /** Absolute paths of files dropped on the window or opened with the app. */
  onFilesDropped(listener: (paths: string[]) => void): () => void;
}
