// The page's WebSocket client (the renderer's own code, run under Node's WebSocket and fetch)
// against a real server: events written by another connection to the database reach it, and
// when the server goes away and comes back (with a new token or the same one) it reconnects,
// says "reconnecting" meanwhile, and delivers what was written meanwhile exactly once, in order.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { createWebSocketClient } from '../../../src/renderer/client/websocket-client.ts';
import type { OrchestronEvent } from '../../../src/shared/events/event-types.ts';
import type { FeedState } from '../../../src/shared/protocol/feed-status.ts';
import type { ProtocolClient } from '../../../src/shared/protocol/protocol-client.ts';
import { greet, startSocketFixture, type SocketFixture } from './ws-test-kit.ts';

let fixture: SocketFixture;
/** Another connection to the same database file, as the CLI or an agent's process would open. */
let elsewhere: Orchestrator;
const cli = { actor: 'cli:alice' };

before(async () => {
  fixture = await startSocketFixture();
  elsewhere = new Orchestrator({ databasePath: fixture.databasePath, watchIntervalMs: false });
});
after(async () => {
  elsewhere.dispose();
  await fixture.dispose();
});

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}.`);
    await delay(5);
  }
}

async function allEventIds(): Promise<number[]> {
  const ids: number[] = [];
  for (let afterId = 0; ;) {
    const page = await elsewhere.call('list_events', { after_id: afterId, limit: 500 }, cli);
    ids.push(...page.events.map((event) => event.id));
    if (page.events.length < 500) return ids;
    afterId = page.next_after_id;
  }
}

function watch(client: ProtocolClient) {
  const events: OrchestronEvent[] = [];
  const states: FeedState[] = [];
  client.onStateChange(() => states.push(client.state));
  client.subscribe((event) => events.push(event));
  return { events, states };
}

describe('events from another process', () => {
  it('pushes an event written by another connection to the database file', async () => {
    const conversation = await greet(fixture.url, fixture.server.token);
    const { task } = await elsewhere.call('create_task', { title: 'From the CLI' }, cli);
    const message = await conversation.next();
    assert.equal(message.type, 'event');
    const { event } = message as { event: OrchestronEvent };
    assert.equal(event.type, 'task.created');
    assert.equal(event.task_id, task.id);
    assert.equal(event.actor, 'cli:alice');
    conversation.close();
  });

  it('pushes only events after the last_event_id of the hello', async () => {
    // committed just before the hello: the server's watch may deliver it after the subscription
    await elsewhere.call('create_task', { title: 'Already held' }, cli);
    const held = (await allEventIds()).at(-1)!;
    const conversation = await greet(fixture.url, fixture.server.token, held);
    const { task } = await elsewhere.call('create_task', { title: 'New' }, cli);
    const message = await conversation.next();
    assert.equal(message.type, 'event');
    const { event } = message as { event: OrchestronEvent };
    assert.equal(event.task_id, task.id, 'the held event was not pushed again');
    assert.ok(event.id > held);
    conversation.close();
  });
});

describe('the page client over the socket', () => {
  let client: ProtocolClient;
  after(() => client?.dispose());

  it('calls with types from the registry and follows other processes live', async () => {
    client = createWebSocketClient(fixture.url);
    const { events } = watch(client);
    const { task } = await client.call('create_task', { title: 'From the page' });
    assert.equal(task.created_by, 'human:web');
    await client.whenLive();
    await elsewhere.call('update_task', { task_id: task.id, title: 'Renamed by the CLI' }, cli);
    await until(
      () => events.some((event) => event.type === 'task.updated' && event.task_id === task.id),
      'the rename',
    );
  });

  for (const restart of ['a new token', 'the same token'] as const) {
    it(`reconnects after the server went away and came back with ${restart}, missing nothing`, async () => {
      client?.dispose();
      client = createWebSocketClient(fixture.url);
      const { events, states } = watch(client);
      await client.whenLive();
      await elsewhere.call('create_task', { title: 'Before the cut' }, cli);
      await until(() => events.length === 1, 'the first event');

      const token = fixture.server.token;
      await fixture.stop();
      await until(() => client.state === 'reconnecting', 'reconnecting');
      for (const title of ['While down 1', 'While down 2', 'While down 3'])
        await elsewhere.call('create_task', { title }, cli);
      await delay(300); // a failed attempt or two
      await fixture.start(restart === 'the same token' ? token : undefined);
      await client.whenLive();
      await elsewhere.call('create_task', { title: 'After' }, cli);

      const ids = (await allEventIds()).filter((id) => id >= events[0]!.id);
      await until(() => events.length === ids.length, `${ids.length} events`);
      await delay(100); // nothing arrives twice later either
      assert.deepEqual(
        events.map((event) => event.id),
        ids,
        'every event once, in order',
      );
      assert.deepEqual(states.slice(0, 3), ['connecting', 'live', 'reconnecting']);
      assert.equal(client.state, 'live');
      assert.equal(
        (await client.call('get_task', { task_id: events.at(-1)!.task_id! })).task.title,
        'After',
      );
    });
  }
});
