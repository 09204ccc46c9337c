// The client protocol's one client state machine against a real core, in process (each message
// copied through JSON as on a wire): typed calls and errors, pushed events, the feed state, and
// reconnection: what was committed while the connection was down arrives exactly once, in order.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  connectInProcess,
  type InProcessConnection,
} from '../../../src/host/protocol/in-process.ts';
import { AppError } from '../../../src/shared/errors.ts';
import type { OrchestronEvent } from '../../../src/shared/events/event-types.ts';
import type { FeedState } from '../../../src/shared/protocol/feed-status.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
let connection: InProcessConnection;

beforeEach(() => {
  core = openTestCore();
});
afterEach(() => {
  connection?.client.dispose();
  core.dispose();
});

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}.`);
    await delay(2);
  }
}

/** Every event the client delivers, and every feed state it passes through. */
function record(connected: InProcessConnection) {
  const events: OrchestronEvent[] = [];
  const states: FeedState[] = [];
  connected.client.onStateChange(() => states.push(connected.client.state));
  connected.client.subscribe((event) => events.push(event));
  return { events, states };
}

async function allEventIds(): Promise<number[]> {
  const ids: number[] = [];
  for (let afterId = 0; ;) {
    const page = await core.call('list_events', { after_id: afterId, limit: 500 });
    ids.push(...page.events.map((event) => event.id));
    if (page.events.length < 500) return ids;
    afterId = page.next_after_id;
  }
}

describe('calls', () => {
  it('answers a call with the typed output, recorded as the connection actor', async () => {
    connection = connectInProcess(core.orchestrator, { actor: 'human:web' });
    const { task } = await connection.client.call('create_task', { title: 'Write the parser' });
    assert.equal(task.title, 'Write the parser');
    assert.equal(task.created_by, 'human:web');
  });

  it('rejects a failed call with the AppError the core threw: code, message, hints, operation', async () => {
    connection = connectInProcess(core.orchestrator);
    const error = await connection.client.call('get_task', { task_id: 999 }).catch((e) => e);
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.operation, 'get_task');
    assert.match(error.message, /999/);
    const invalid = await connection.client.call('create_task', { title: ' ' }).catch((e) => e);
    assert.equal((invalid as AppError).code, 'VALIDATION');
  });

  it('runs many calls at once and matches each answer to its call', async () => {
    connection = connectInProcess(core.orchestrator);
    const titles = Array.from({ length: 20 }, (_, index) => `Task ${index}`);
    const created = await Promise.all(
      titles.map((title) => connection.client.call('create_task', { title })),
    );
    assert.deepEqual(
      created.map((result) => result.task.title),
      titles,
    );
  });

  it('fails a call whose answer was lost with the connection, and sends one made while down once back', async () => {
    connection = connectInProcess(core.orchestrator);
    await connection.client.call('list_projects', {});
    const lost = connection.client.call('create_task', { title: 'In flight' });
    connection.setReachable(false);
    connection.drop();
    const error = (await lost.catch((e) => e)) as AppError;
    assert.equal(error.code, 'TIMEOUT');
    assert.match(error.message, /may or may not have taken effect/);
    const later = connection.client.call('create_task', { title: 'Made while down' });
    await delay(30);
    connection.setReachable(true);
    assert.equal((await later).task.title, 'Made while down');
  });

  it('fails a call that found no connection in time with the shell wording', async () => {
    connection = connectInProcess(core.orchestrator, {
      callWaitMs: 50,
      unreachable: 'Start the core again.',
    });
    connection.setReachable(false);
    const error = (await connection.client.call('list_projects', {}).catch((e) => e)) as AppError;
    assert.equal(error.code, 'TIMEOUT');
    assert.equal(error.message, 'Start the core again.');
  });

  it('fails pending calls with CANCELLED when disposed, and goes idle', async () => {
    connection = connectInProcess(core.orchestrator);
    connection.setReachable(false);
    const pending = connection.client.call('list_projects', {});
    connection.client.dispose();
    assert.equal(((await pending.catch((e) => e)) as AppError).code, 'CANCELLED');
    assert.equal(connection.client.state, 'idle');
  });
});

describe('events and the feed', () => {
  it('goes connecting → live and delivers each event once', async () => {
    connection = connectInProcess(core.orchestrator);
    const { events, states } = record(connection);
    await connection.client.whenLive();
    await core.call('create_task', { title: 'A' });
    await core.call('create_task', { title: 'B' });
    await until(() => events.length === 2, 'two events');
    assert.deepEqual(states, ['connecting', 'live']);
    assert.deepEqual(
      events.map((event) => event.type),
      ['task.created', 'task.created'],
    );
  });

  it('reconnects after a drop and delivers what was committed meanwhile exactly once, in order', async () => {
    connection = connectInProcess(core.orchestrator);
    const { events, states } = record(connection);
    await connection.client.whenLive();
    await core.call('create_task', { title: 'Before' });
    await until(() => events.length === 1, 'the first event');

    connection.setReachable(false);
    connection.drop();
    await until(() => connection.client.state === 'reconnecting', 'reconnecting');
    for (const title of ['While down 1', 'While down 2', 'While down 3'])
      await core.call('create_task', { title });
    await delay(60); // a few failed attempts
    connection.setReachable(true);
    await connection.client.whenLive();
    await core.call('create_task', { title: 'After' });
    const ids = await allEventIds();
    await until(() => events.length === ids.length, 'every event');
    assert.deepEqual(
      events.map((event) => event.id),
      ids,
    );
    assert.deepEqual(states.slice(0, 3), ['connecting', 'live', 'reconnecting']);
    assert.equal(states.at(-1), 'live');
    assert.ok(connection.connections >= 2);
  });

  it('catches up over several pages when more than a page was missed', async () => {
    connection = connectInProcess(core.orchestrator);
    const { events } = record(connection);
    await connection.client.whenLive();
    await core.call('create_task', { title: 'First' });
    await until(() => events.length === 1, 'the first event');
    connection.setReachable(false);
    connection.drop();
    for (let index = 0; index < 1_100; index++)
      await core.call('create_task', { title: `T${index}` });
    connection.setReachable(true);
    const ids = await allEventIds();
    await until(() => events.length === ids.length, `${ids.length} events`, 20_000);
    assert.deepEqual(
      events.map((event) => event.id),
      ids,
    );
  });

  it('resumes after a snapshot read before the first connection, not from now', async () => {
    await core.call('create_task', { title: 'Old' });
    const before = (await allEventIds()).at(-1)!;
    await core.call('create_task', { title: 'After the snapshot' });
    connection = connectInProcess(core.orchestrator);
    connection.client.snapshotAt(before);
    const { events } = record(connection);
    await connection.client.whenLive();
    assert.deepEqual(
      events.map((event) => event.id),
      [before + 1],
    );
  });

  it('keeps delivering to other listeners when one throws', async (t) => {
    connection = connectInProcess(core.orchestrator);
    t.mock.method(console, 'error', () => {});
    connection.client.subscribe(() => {
      throw new Error('listener bug');
    });
    const { events } = record(connection);
    await connection.client.whenLive();
    await core.call('create_task', { title: 'A' });
    await until(() => events.length === 1, 'the event');
  });
});
