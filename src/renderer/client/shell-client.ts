// Builds the one client of this window for the shell it runs in: a MessagePort to the core in
// the desktop app (its preload says so), else a WebSocket to the server that served the page.
import type { RendererClient } from './feed-status.ts';
import { shellBridge } from './capabilities.ts';
import { createMessagePortClient } from './message-port-client.ts';
import { createWebSocketClient } from './websocket-client.ts';

export function createShellClient(): RendererClient {
  const bridge = shellBridge();
  const requestCorePort = bridge?.shell === 'desktop' ? bridge.requestCorePort : undefined;
  return requestCorePort
    ? createMessagePortClient({ requestCorePort: () => requestCorePort() }, window)
    : createWebSocketClient(window.location.href);
}
