// The desktop core process without Electron: a real orchestrator on a temp database, the parent
// port and the window's MessagePort played by Node MessageChannels. Proves the client protocol
// runs on a handed-over port, the tray count and a notice reach main, and shutdown stops it.
import assert from 'node:assert/strict';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, test } from 'node:test';
import type { CoreToMain } from '../../../src/host/desktop/core-messages.ts';
import {
  runCoreProcess,
  type CorePort,
  type ParentChannel,
} from '../../../src/host/desktop/core-process.ts';
import { servePortSession } from '../../../src/host/desktop/port-session.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

/** A Node port dressed as Electron's MessagePortMain (messages arrive as { data }). */
function asMainPort(port: MessagePort): CorePort {
  return {
    on(event: 'message' | 'close', listener: (message: { data: unknown }) => void) {
      if (event === 'message') port.on('message', (data: unknown) => listener({ data }));
      else port.on('close', () => (listener as () => void)());
      return this;
    },
    postMessage: (message) => port.postMessage(message),
    start: () => port.start(),
    close: () => port.close(),
  } as CorePort;
}

function fakeParent() {
  const sent: CoreToMain[] = [];
  let listener: ((message: { data: unknown; ports: CorePort[] }) => void) | null = null;
  const parent: ParentChannel = {
    on: (_event, handler) => (listener = handler),
    postMessage: (message) => sent.push(structuredClone(message)),
  };
  return {
    parent,
    sent,
    deliver: (data: unknown, ports: CorePort[] = []) => listener?.({ data, ports }),
  };
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolveTick) => setTimeout(resolveTick, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let core: TestCore;
afterEach(() => core?.dispose());

test('a handed-over port speaks the client protocol; main hears the count and a notice; shutdown stops', async () => {
  core = openTestCore();
  const { parent, sent, deliver } = fakeParent();
  let stopped = false;
  await runCoreProcess({
    parent,
    orchestrator: core.orchestrator,
    databasePath: core.databasePath,
    servePort: servePortSession,
    agentEndpoints: false,
    onStopped: () => (stopped = true),
  });
  assert.deepEqual(sent[0], {
    type: 'ready',
    database: core.databasePath,
    mcpUrl: null,
    mcpSocket: null,
    note: null,
  });
  await until(() => sent.find((m) => m.type === 'attention'), 'the first count');
  assert.deepEqual(
    sent.find((m) => m.type === 'attention'),
    { type: 'attention', count: 0 },
  );

  const { port1, port2 } = new MessageChannel();
  deliver({ type: 'connect', generation: 1 }, [asMainPort(port1)]);
  const replies: Array<Record<string, unknown>> = [];
  port2.on('message', (message: Record<string, unknown>) => replies.push(message));
  port2.postMessage({ type: 'hello', last_event_id: 0 });
  await until(() => replies.find((r) => r['type'] === 'ready'), 'ready');
  port2.postMessage({
    type: 'call',
    id: 1,
    name: 'create_task',
    input: { title: 'Pick a database' },
  });
  const result = await until(() => replies.find((r) => r['type'] === 'result'), 'the result');
  const taskId = (result['output'] as { task: { id: number } }).task.id;
  await until(() => replies.find((r) => r['type'] === 'event'), 'the task.created event');

  await core.call('update_task_status', { task_id: taskId, status: 'in_progress' });
  await core.orchestrator.call(
    'request_intervention',
    {
      task_id: taskId,
      question: 'Postgres or SQLite?',
      options: ['Postgres', 'SQLite'],
      urgency: 'critical',
    },
    { caller: { kind: 'agent', name: 'claude', session: 's1' } },
  );
  const notice = await until(() => sent.find((m) => m.type === 'notice'), 'the notice');
  assert.equal(notice.type === 'notice' && notice.notice.target.ticket, 'Q-1');
  assert.equal(notice.type === 'notice' && notice.notice.urgent, true);
  await until(() => sent.find((m) => m.type === 'attention' && m.count === 1), 'a count of 1');

  deliver({ type: 'nonsense' });
  deliver({ type: 'shutdown' });
  await until(() => (stopped ? true : undefined), 'the stop');
  port2.close();
});
