// The client protocol on one MessagePort from the desktop window: the carrier-independent
// ProtocolSession, fed by the port. Holding the port is the proof of identity (main hands ports
// only to its own window), so the hello needs no token.
import type { Orchestrator } from '../../core/orchestrator.ts';
import { ProtocolSession } from '../protocol/protocol-session.ts';
import type { CorePort } from './core-process.ts';

/** Recorded on every change made from the desktop window. */
export const DESKTOP_ACTOR = 'human:desktop';

export function servePortSession(port: CorePort, orchestrator: Orchestrator): { dispose(): void } {
  let open = true;
  const session = new ProtocolSession({
    orchestrator,
    actor: DESKTOP_ACTOR,
    send: (message) => port.postMessage(message),
    // a port carries no close code: closing it is the whole signal, and the page reconnects
    close: () => shut(),
  });
  const shut = () => {
    if (!open) return;
    open = false;
    session.dispose();
    port.close();
  };
  port.on('message', (message) => session.receive(message.data));
  port.on('close', () => {
    open = false;
    session.dispose();
  });
  port.start();
  return { dispose: shut };
}
