// The client protocol without a wire, for tests: a ProtocolClient whose carrier hands each
// message (copied through JSON, as a socket would) to a ProtocolSession in the same process.
// The test can cut every connection and keep the core unreachable, to drive reconnects.
import type { Orchestrator } from '../../core/orchestrator.ts';
import { CLOSE_CODES } from '../../shared/protocol/close-codes.ts';
import {
  ProtocolClient,
  type Carrier,
  type ProtocolClientOptions,
} from '../../shared/protocol/protocol-client.ts';
import { ProtocolSession } from './protocol-session.ts';

/** What a dropped connection reports: 1006, "closed abnormally", as a socket that died would. */
const DROPPED = 1006;

export interface InProcessConnection {
  client: ProtocolClient;
  /** Ends every open connection from the core's side. */
  drop(): void;
  /** While false, every connection attempt fails at once. */
  setReachable(reachable: boolean): void;
  /** How many connections were opened so far. */
  readonly connections: number;
}

const copy = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

export function connectInProcess(
  orchestrator: Orchestrator,
  options: Partial<ProtocolClientOptions> & { actor?: string; token?: string } = {},
): InProcessConnection {
  const open = new Set<() => void>();
  let reachable = true;
  let connections = 0;
  const carrier: Carrier = (handlers) => {
    if (!reachable) {
      queueMicrotask(() => handlers.closed(DROPPED, 'unreachable'));
      return { send: () => {}, close: () => {} };
    }
    connections++;
    let live = true;
    const finish = (code: number, reason: string) => {
      if (!live) return;
      live = false;
      open.delete(drop);
      session.dispose();
      queueMicrotask(() => handlers.closed(code, reason));
    };
    const drop = () => finish(DROPPED, '');
    const session = new ProtocolSession({
      orchestrator,
      actor: options.actor ?? 'human:test',
      token: options.token,
      send: (message) => {
        const copied = copy(message);
        queueMicrotask(() => live && handlers.message(copied));
      },
      close: finish,
    });
    open.add(drop);
    queueMicrotask(() => live && handlers.open());
    return {
      send: (message) => {
        const copied = copy(message);
        queueMicrotask(() => live && session.receive(copied));
      },
      close: () => finish(CLOSE_CODES.goingAway, ''),
    };
  };
  const client = new ProtocolClient({
    capabilities: { nativeNotifications: false },
    backoff: { firstMs: 10, maxMs: 50 },
    ...options,
    token: options.token === undefined ? undefined : () => Promise.resolve(options.token),
    carrier,
  });
  return {
    client,
    drop: () => [...open].forEach((drop) => drop()),
    setReachable: (value) => void (reachable = value),
    get connections() {
      return connections;
    },
  };
}
