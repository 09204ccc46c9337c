// An agent's own notifications (seed 001): it reads only what is addressed to it (a person reads
// those addressed to nobody), in small rows, and acknowledges only its own.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Caller } from '../../../src/core/call-context.ts';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

const CLAUDE: Caller = { kind: 'agent', name: 'claude', session: 's1' };
const CODEX: Caller = { kind: 'agent', name: 'codex' };
const ALICE: Caller = { kind: 'person', name: 'alice' };
const TERMINAL: Caller = { kind: 'cli', name: 'alice' };

let core: TestCore;

/**
 * claude and codex each wait on a task that becomes ready when #1 completes; claude asked a
 * question that alice answered; the question codex asked is still open in the person's inbox.
 */
beforeEach(async () => {
  core = openTestCore();
  const { task: first } = await core.call('create_task', { title: 'Schema' });
  await core.call('create_task', { title: 'API', assignee: 'claude', dependencies: [first.id] });
  await core.call('create_task', { title: 'CLI', assignee: 'codex', dependencies: [first.id] });
  await core.call('update_task_status', { task_id: first.id, status: 'completed' });
  const { task: work } = await core.call('create_task', { title: 'Docs' });
  await core.call('update_task_status', { task_id: work.id, status: 'in_progress' });
  await core.callAs(CLAUDE, 'request_intervention', { task_id: work.id, question: 'Which tone?' });
  await core.callAs(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'plain' });
  await core.callAs(CODEX, 'request_intervention', { task_id: work.id, question: 'Which folder?' });
});
afterEach(() => core.dispose());

describe('get_notifications', () => {
  test('an agent reads only its own: its prerequisite completed, its question answered', async () => {
    const mine = await core.callAs(CLAUDE, 'get_notifications', {});
    assert.deepEqual(
      mine.notifications.map((n) => [n.kind, n.task_id]),
      [
        ['task.ready', 2],
        ['answered', 4],
      ],
    );
    assert.match(mine.notifications[0]!.message, /Task #2 "API" is ready/);
    assert.equal(mine.unread, 2);
    assert.deepEqual(Object.keys(mine.notifications[0]!).sort(), [
      'created_at',
      'id',
      'kind',
      'message',
      'read_at',
      'task_id',
    ]);
    for (const note of mine.notifications) assert.ok(note.message.length <= 200);
    const theirs = await core.callAs(CODEX, 'get_notifications', {});
    assert.deepEqual(
      theirs.notifications.map((n) => n.kind),
      ['task.ready'],
    );
  });

  test('a person, in the page or the terminal, reads the notifications addressed to nobody: the inbox', async () => {
    for (const caller of [ALICE, TERMINAL]) {
      const inbox = await core.callAs(caller, 'get_notifications', {});
      assert.deepEqual(
        inbox.notifications.map((n) => [n.kind, n.task_id]),
        [['question', 4]],
      );
      assert.match(inbox.notifications[0]!.message, /^Q-2 \[normal\] codex asks about #4/);
    }
  });

  test('pages with after_id and limit; read ones come back with unread_only: false', async () => {
    const first = await core.callAs(CLAUDE, 'get_notifications', { limit: 1 });
    const second = await core.callAs(CLAUDE, 'get_notifications', {
      limit: 1,
      after_id: first.next_after_id,
    });
    assert.deepEqual(
      [...first.notifications, ...second.notifications].map((n) => n.kind),
      ['task.ready', 'answered'],
    );
    await core.callAs(CLAUDE, 'acknowledge_notifications', { ids: [first.notifications[0]!.id] });
    assert.equal((await core.callAs(CLAUDE, 'get_notifications', {})).notifications.length, 1);
    const all = await core.callAs(CLAUDE, 'get_notifications', { unread_only: false });
    assert.equal(all.notifications.length, 2);
    assert.ok(all.notifications[0]!.read_at);
    assert.equal(all.unread, 1);
  });
});

describe('acknowledge_notifications', () => {
  test('marks the named ones read, once', async () => {
    const { notifications } = await core.callAs(CLAUDE, 'get_notifications', {});
    const ids = notifications.map((n) => n.id);
    const first = await core.callAs(CLAUDE, 'acknowledge_notifications', { ids });
    assert.deepEqual(first, { acknowledged: 2, message: 'Acknowledged 2 notification(s).' });
    const again = await core.callAs(CLAUDE, 'acknowledge_notifications', { ids });
    assert.equal(again.acknowledged, 0);
    assert.match(again.message, /2 were already read/);
    const { events } = await core.call('list_events', { after_id: 0, limit: 500 });
    const reads = events.filter((e) => e.type === 'notifications.read');
    assert.deepEqual(
      reads.map((e) => e.actor),
      ['human:alice', 'agent:claude#s1'],
      "the person's question notification was cleared when answered, then claude's read",
    );
  });

  test("all: true marks every unread one of the caller's, and nobody else's", async () => {
    const done = await core.callAs(CLAUDE, 'acknowledge_notifications', { all: true });
    assert.equal(done.acknowledged, 2);
    assert.equal((await core.callAs(CLAUDE, 'get_notifications', {})).unread, 0);
    assert.equal((await core.callAs(CODEX, 'get_notifications', {})).unread, 1);
    assert.equal((await core.callAs(ALICE, 'get_notifications', {})).unread, 1);
    assert.equal(
      (await core.callAs(CLAUDE, 'acknowledge_notifications', { all: true })).acknowledged,
      0,
    );
  });

  test("someone else's ids are FORBIDDEN, unknown ones NOT_FOUND, and nothing changes", async () => {
    const theirs = (await core.callAs(CODEX, 'get_notifications', {})).notifications.map(
      (n) => n.id,
    );
    const mine = (await core.callAs(CLAUDE, 'get_notifications', {})).notifications.map(
      (n) => n.id,
    );
    const inbox = (await core.callAs(ALICE, 'get_notifications', {})).notifications.map(
      (n) => n.id,
    );
    const before = snapshot(core);
    const forbidden = await core.failsAs(CLAUDE, 'acknowledge_notifications', {
      ids: [...mine, ...theirs],
    });
    assert.equal(forbidden.code, 'FORBIDDEN');
    assert.match(
      forbidden.message,
      new RegExp(`Notification\\(s\\) ${theirs.join(', ')} are addressed to someone else`),
    );
    const person = await core.failsAs(ALICE, 'acknowledge_notifications', { ids: mine });
    assert.equal(person.code, 'FORBIDDEN');
    const agent = await core.failsAs(CLAUDE, 'acknowledge_notifications', { ids: inbox });
    assert.equal(agent.code, 'FORBIDDEN');
    const unknown = await core.failsAs(CLAUDE, 'acknowledge_notifications', { ids: [999] });
    assert.equal(unknown.code, 'NOT_FOUND');
    assert.match(unknown.message, /No notification with id 999.*get_notifications/);
    for (const input of [{}, { ids: mine, all: true }, { ids: [] }, { all: false }]) {
      const bad = await core.failsAs(CLAUDE, 'acknowledge_notifications', input);
      assert.equal(bad.code, 'VALIDATION', JSON.stringify(input));
    }
    assert.equal(snapshot(core), before);
  });
});

describe('the person-wide notification operations still work', () => {
  test('list_notifications lists every recipient and mark_notifications_read marks any', async () => {
    const { notifications } = await core.call('list_notifications', {});
    assert.deepEqual(
      notifications.map((n) => [n.kind, n.recipient]),
      [
        ['task.ready', 'claude'],
        ['task.ready', 'codex'],
        ['answered', 'claude'],
        ['question', null],
      ],
    );
    const marked = await core.call('mark_notifications_read', { ids: [notifications[1]!.id] });
    assert.equal(marked.marked, 1);
    assert.equal((await core.callAs(CODEX, 'get_notifications', {})).unread, 0);
  });
});
