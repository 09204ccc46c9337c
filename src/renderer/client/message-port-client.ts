// The client for the desktop app: the client protocol over a MessagePort straight to the core's
// process. The contract with the desktop shell is src/shared/desktop/desktop-bridge.ts:
//   - the preload exposes window.orchestron (DesktopBridge, shell: 'desktop') with
//     requestCorePort(); main then gives one end of a new channel to the core (servePort,
//     src/host/protocol/serve-port.ts) and the preload posts the other end to this window as
//     { type: CORE_PORT_MESSAGE, generation } (a port cannot cross the context bridge);
//   - after the core restarts, a port with a higher generation arrives unasked: the client drops
//     the old one, says hello on the new one and catches up from the event log. Electron's
//     renderer ports also fire 'close' when the core's end goes away; the client then asks again.
import {
  CORE_PORT_MESSAGE,
  type CorePortMessage,
  type DesktopBridge,
} from '../../shared/desktop/desktop-bridge.ts';
import { ProtocolClient, type Carrier } from '../../shared/protocol/protocol-client.ts';
import { shellCapabilities } from './capabilities.ts';

const UNREACHABLE =
  'Cannot reach the Orchestron core; it is restarting. Retry in a moment, or restart the app.';
/** Close codes the carrier reports, as a WebSocket would. */
const CLOSED_BY_CLIENT = 1000;
const CORE_GONE = 1006;
const CORE_RESTARTED = 1012;

/** The part of a DOM MessagePort used here; Electron's renderer ports also fire 'close'. */
export interface CorePortEnd {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/** A window that receives the preload's port messages. */
export interface PortWindow {
  addEventListener(type: 'message', listener: (event: PortMessage) => void): void;
  removeEventListener(type: 'message', listener: (event: PortMessage) => void): void;
}

interface PortMessage {
  source: unknown;
  data: unknown;
  ports: readonly CorePortEnd[];
}

/** The ports the shell hands over, given out one at a time to the connections that wait. */
export class PortQueue {
  private latest: CorePortEnd | null = null;
  private readonly waiting: ((port: CorePortEnd) => void)[] = [];
  private readonly replacedListeners = new Set<() => void>();

  push(port: CorePortEnd): void {
    this.keep(port);
    for (const listener of [...this.replacedListeners]) listener();
  }

  /** Gives back a port a connection took but no longer wants (it ended meanwhile). */
  keep(port: CorePortEnd): void {
    const waiter = this.waiting.shift();
    if (waiter) return waiter(port);
    this.latest?.close();
    this.latest = port;
  }

  /** Whether a port arrived that no connection took yet. */
  hasPort(): boolean {
    return this.latest !== null;
  }

  next(): Promise<CorePortEnd> {
    const port = this.latest;
    this.latest = null;
    return port ? Promise.resolve(port) : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Called whenever a new port arrives; returns the function that stops listening. */
  onPush(listener: () => void): () => void {
    this.replacedListeners.add(listener);
    return () => this.replacedListeners.delete(listener);
  }
}

/** Each connection is one port; messages go as cloned objects. */
export function messagePortCarrier(ports: PortQueue, requestPort: () => void): Carrier {
  return (handlers) => {
    let port: CorePortEnd | null = null;
    let ended = false;
    const end = (code: number, reason: string) => {
      if (ended) return;
      ended = true;
      stopWatching();
      port?.close();
      handlers.closed(code, reason);
    };
    // a newer port means the core restarted: this one leads nowhere now
    const stopWatching = ports.onPush(() => port && end(CORE_RESTARTED, 'The core restarted.'));
    // a port the shell sent unasked (after a restart) is used; otherwise ask for one
    if (!ports.hasPort()) requestPort();
    void ports.next().then((arrived) => {
      if (ended) return ports.keep(arrived);
      port = arrived;
      port.addEventListener('message', (event) => handlers.message(event.data));
      port.addEventListener('close', () => end(CORE_GONE, 'The core stopped.'));
      port.start();
      handlers.open();
    });
    return {
      send: (message) => port?.postMessage(message),
      close: () => end(CLOSED_BY_CLIENT, ''),
    };
  };
}

function isCorePortMessage(data: unknown): data is CorePortMessage {
  const message = data as Partial<CorePortMessage> | null;
  return message?.type === CORE_PORT_MESSAGE && typeof message.generation === 'number';
}

/**
 * Takes the ports the preload posts to this window: from this window only (never a frame), in
 * the contract's shape, and never an older generation than one already taken.
 */
export function listenForCorePorts(target: PortWindow, ports: PortQueue): () => void {
  let generation = -Infinity;
  const onMessage = (event: PortMessage) => {
    const port = event.ports[0];
    if (event.source !== target || !isCorePortMessage(event.data) || !port) return;
    if (event.data.generation <= generation) return void port.close();
    generation = event.data.generation;
    ports.push(port);
  };
  target.addEventListener('message', onMessage);
  return () => target.removeEventListener('message', onMessage);
}

export function createMessagePortClient(
  bridge: Pick<DesktopBridge, 'requestCorePort'>,
  target: PortWindow,
): ProtocolClient {
  const ports = new PortQueue();
  listenForCorePorts(target, ports);
  return new ProtocolClient({
    carrier: messagePortCarrier(ports, () => bridge.requestCorePort()),
    capabilities: shellCapabilities(),
    unreachable: UNREACHABLE,
  });
}
