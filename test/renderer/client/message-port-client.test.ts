// The desktop carrier without Electron: the renderer's MessagePort client and the core's
// servePort, joined by real MessageChannels (Node's, which behave like the renderer's and
// utilityProcess's ports). Calls, pushed events, and a core restart: the window gets a new port,
// reconnects and catches up with what was written while the core was down, exactly once.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import type { MessagePort as NodePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  servePort,
  type CorePort,
  type ServedPort,
} from '../../../src/host/protocol/serve-port.ts';
import {
  listenForCorePorts,
  messagePortCarrier,
  PortQueue,
  type CorePortEnd,
  type PortWindow,
} from '../../../src/renderer/client/message-port-client.ts';
import { AppError } from '../../../src/shared/errors.ts';
import type { OrchestronEvent } from '../../../src/shared/events/event-types.ts';
import type { FeedState } from '../../../src/shared/protocol/feed-status.ts';
import { ProtocolClient } from '../../../src/shared/protocol/protocol-client.ts';
import { CORE_PORT_MESSAGE } from '../../../src/shared/desktop/desktop-bridge.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

/** Node's port as Electron's MessagePortMain presents itself: 'message' listeners get { data }. */
function asPortMain(port: NodePort): CorePort {
  return {
    postMessage: (message) => port.postMessage(message),
    on: (event: 'message' | 'close', listener: (event: { data: unknown }) => void) =>
      event === 'message'
        ? port.on('message', (data: unknown) => listener({ data }))
        : port.on('close', () => (listener as () => void)()),
    start: () => port.start(),
    close: () => port.close(),
  } as CorePort;
}

/** Node's port has the DOM port's methods; only its typings differ from the web's. */
const rendererEnd = (port: object) => port as unknown as CorePortEnd;

let core: TestCore;
let served: ServedPort[];
let ports: PortQueue;
let client: ProtocolClient;
/** Whether the "main process" answers a port request now (false: the core is down). */
let coreUp: boolean;
let requests: number;

/** What main does on requestCorePort(): a new channel, one end served by the core. */
function providePort(): void {
  requests++;
  if (!coreUp) return;
  const { port1, port2 } = new MessageChannel();
  served.push(servePort(asPortMain(port1 as unknown as NodePort), core.orchestrator));
  ports.push(rendererEnd(port2));
}

beforeEach(() => {
  core = openTestCore();
  served = [];
  coreUp = true;
  requests = 0;
  ports = new PortQueue();
  client = new ProtocolClient({
    carrier: messagePortCarrier(ports, providePort),
    capabilities: { nativeNotifications: true },
    backoff: { firstMs: 10, maxMs: 50 },
  });
});
afterEach(() => {
  client.dispose();
  served.forEach((port) => port.dispose());
  core.dispose();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}.`);
    await delay(2);
  }
}

describe('the client protocol over a MessagePort', () => {
  it('answers calls as the desktop person and rejects failures with the AppError', async () => {
    const { task } = await client.call('create_task', { title: 'From the window' });
    assert.equal(task.created_by, 'human:desktop');
    const error = await client.call('get_task', { task_id: 404 }).catch((e) => e);
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(client.capabilities.nativeNotifications, true);
  });

  it('after the core restarts, reconnects on a new port and delivers what it missed once, in order', async () => {
    const events: OrchestronEvent[] = [];
    const states: FeedState[] = [];
    client.onStateChange(() => states.push(client.state));
    client.subscribe((event) => events.push(event));
    await client.whenLive();
    await core.call('create_task', { title: 'Before' });
    await until(() => events.length === 1, 'the first event');

    // the core's process dies: its end of the port closes, and main has no core to connect to
    coreUp = false;
    served.forEach((port) => port.dispose());
    await until(() => client.state === 'reconnecting', 'reconnecting');
    for (const title of ['While down 1', 'While down 2']) await core.call('create_task', { title });

    // the supervisor restarted it and sends the window a new port, unasked
    coreUp = true;
    const { port1, port2 } = new MessageChannel();
    served.push(servePort(asPortMain(port1 as unknown as NodePort), core.orchestrator));
    ports.push(rendererEnd(port2));
    await client.whenLive();
    await core.call('create_task', { title: 'After' });
    await until(() => events.length === 4, 'four events');
    await delay(20);
    assert.deepEqual(
      events.map((event) => event.type),
      ['task.created', 'task.created', 'task.created', 'task.created'],
    );
    const ids = events.map((event) => event.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, 4);
    assert.deepEqual(states, ['connecting', 'live', 'reconnecting', 'live']);
  });

  it('moves to a newer port the shell sends while connected', async () => {
    await client.call('list_projects', {});
    assert.equal(requests, 1);
    const { port1, port2 } = new MessageChannel();
    served.push(servePort(asPortMain(port1 as unknown as NodePort), core.orchestrator));
    ports.push(rendererEnd(port2));
    await delay(30);
    await client.whenLive();
    const { task } = await client.call('create_task', { title: 'On the new port' });
    assert.equal(task.title, 'On the new port');
    assert.equal(requests, 1, 'the port sent unasked was used, none requested');
  });

  it('closes the port with a reason when the first message is not a hello', async () => {
    const { port1, port2 } = new MessageChannel();
    servePort(asPortMain(port1 as unknown as NodePort), core.orchestrator);
    const received: unknown[] = [];
    port2.addEventListener('message', (event) => received.push((event as MessageEvent).data));
    const closed = new Promise<void>((resolve) => port2.addEventListener('close', () => resolve()));
    port2.start();
    port2.postMessage({ type: 'call', id: 1, name: 'list_tasks', input: {} });
    await closed;
    assert.match(JSON.stringify(received), /Send hello/);
  });
});

describe('listenForCorePorts', () => {
  it('takes ports the window itself posts in the contract shape, newer generations only', () => {
    let listener:
      ((event: { source: unknown; data: unknown; ports: readonly unknown[] }) => void) | undefined;
    const target = {
      addEventListener: (_type: 'message', handler: typeof listener) => (listener = handler),
      removeEventListener: () => (listener = undefined),
    } as unknown as PortWindow;
    const queue = new PortQueue();
    const stop = listenForCorePorts(target, queue);
    const port = () => new MessageChannel().port1;
    const message = (generation: number) => ({ type: CORE_PORT_MESSAGE, generation });
    listener!({ source: {}, data: message(1), ports: [port()] });
    listener!({ source: target, data: CORE_PORT_MESSAGE, ports: [port()] });
    listener!({ source: target, data: { type: 'other', generation: 1 }, ports: [port()] });
    assert.equal(queue.hasPort(), false, 'a frame, or another message, is ignored');
    listener!({ source: target, data: message(2), ports: [port()] });
    assert.equal(queue.hasPort(), true);
    const current = queue.next();
    listener!({ source: target, data: message(1), ports: [port()] });
    assert.equal(queue.hasPort(), false, 'an older generation is ignored');
    stop();
    assert.equal(listener, undefined);
    return current.then((taken) => taken.close());
  });
});
