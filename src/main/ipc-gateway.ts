// The one place main listens to pages: every message is dropped unless it comes from the top
// frame of the app's own page in a window main created (navigation-policy.ts isTrustedSender).
import { ipcMain, type BrowserWindow, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/desktop/desktop-bridge.ts';
import { isTrustedSender } from './navigation-policy.ts';

export interface GatewayHandlers {
  /** The page (re)loaded and asks for a port to the core. */
  portRequest(contents: WebContents): void;
}

export function openIpcGateway(
  appOrigin: string,
  ourWindow: () => BrowserWindow | null,
  handlers: GatewayHandlers,
): () => void {
  const trusted = (event: IpcMainEvent): boolean => {
    const frame = event.senderFrame;
    const window = ourWindow();
    const fromOurWindow = window !== null && event.sender === window.webContents;
    return isTrustedSender(
      frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null,
      appOrigin,
      fromOurWindow,
    );
  };
  const onPortRequest = (event: IpcMainEvent) => {
    if (trusted(event)) handlers.portRequest(event.sender);
  };
  ipcMain.on(IPC_CHANNELS.portRequest, onPortRequest);
  return () => ipcMain.off(IPC_CHANNELS.portRequest, onPortRequest);
}
