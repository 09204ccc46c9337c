// The client protocol over a MessagePort, core side: the desktop shell creates a channel, hands
// one end to its window and this end to servePort in the core's process. Holding the port is the
// proof of being the app's own window, so no token is asked for.
//
// API (for src/main, which must not make the core import electron):
//   const served = servePort(port, orchestrator, { actor?: 'human:desktop', workspace? });
//   served.dispose();  // on core shutdown: stops pushing events, aborts calls, closes the port
// `port` is Electron's MessagePortMain as it arrives (event.ports[0] in a utilityProcess's
// parentPort 'message' listener); messages are plain objects (structured clone), not JSON text.
// The renderer end is src/renderer/client/message-port-client.ts (contract: src/shared/desktop/
// desktop-bridge.ts). When the core restarts, main sends the window a new port; the client
// reconnects on it and catches up from the event log.
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { CLOSE_CODES } from '../../shared/protocol/close-codes.ts';
import { ProtocolSession } from './protocol-session.ts';

/** The part of Electron's MessagePortMain (and of a wrapped worker_threads port) used here. */
export interface CorePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

export interface ServePortOptions {
  /** Recorded on every change made through this port. */
  actor?: string;
  workspace?: Workspace;
}

export interface ServedPort {
  dispose(): void;
}

/** The actor of changes made in the desktop window. */
export const DESKTOP_ACTOR = 'human:desktop';

export function servePort(
  port: CorePort,
  orchestrator: Orchestrator,
  options: ServePortOptions = {},
): ServedPort {
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    session.dispose();
    port.close();
  };
  const session = new ProtocolSession({
    orchestrator,
    actor: options.actor ?? DESKTOP_ACTOR,
    workspace: options.workspace,
    send: (message) => port.postMessage(message),
    // a port carries no close code: the reason goes as a last error message, then the port closes
    close: (code, reason) => {
      if (code !== CLOSE_CODES.goingAway)
        port.postMessage({
          type: 'error',
          id: null,
          error: { code: 'VALIDATION', message: reason },
        });
      end();
    },
  });
  port.on('message', (event) => session.receive(event.data));
  port.on('close', end);
  port.start();
  return { dispose: end };
}
