// A person's clarifications of a task: kept, shown with the task to the agent (the last five
// and a count), announced to the agent it is assigned to, and refused from agents.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import {
  asAgent,
  asPerson,
  eventsOf,
  notificationsOf,
  PERSON_ACTOR,
  refused,
} from './gate-helpers.ts';

let core: TestCore;
beforeEach(() => {
  core = openTestCore();
});
afterEach(() => core.dispose());

describe('add_clarification', () => {
  test('is kept with the task, recorded, and announced to its assignee', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart', assignee: 'claude' });
    const text = 'Use the v2 endpoints;\nv1 is going away.';
    const result = await asPerson(core, 'add_clarification', { task_id: task.id, text });
    assert.equal(result.notified, 'claude');
    assert.equal(result.clarification.author, PERSON_ACTOR);
    assert.match(result.message, /Added a clarification to #1 "Cart"; claude was notified/);
    const read = await asAgent(core, 'get_task', { task_id: task.id });
    assert.deepEqual(read.clarifications, [result.clarification]);
    assert.equal(read.clarification_count, 1);
    assert.equal(read.last_rejection, null);
    const [event] = eventsOf(core, task.id, 'task.clarified');
    assert.equal(event!.actor, PERSON_ACTOR);
    assert.equal(JSON.parse(event!.after).text, text);
    const [told] = notificationsOf(core, 'clarification');
    assert.equal(told!.recipient, 'claude');
    assert.match(told!.message, /alice clarified #1 "Cart": Use the v2 endpoints/);
  });

  test('the agent holding the task is the one told, and the gated flow keeps its lease', async () => {
    const { task } = await asPerson(core, 'create_task', {
      title: 'Cart',
      requires_approval: true,
    });
    await asAgent(core, 'claim_task', { task_id: task.id });
    const result = await asPerson(core, 'add_clarification', { task_id: task.id, text: 'Hurry' });
    assert.equal(result.notified, 'claude');
    const submitted = await asAgent(core, 'update_task_status', {
      task_id: task.id,
      status: 'completed',
    });
    assert.equal(submitted.task.status, 'review');
    const rejected = await asPerson(core, 'reject_task', { task_id: task.id, reason: 'Not yet' });
    assert.equal(rejected.notified, 'claude');
    const again = await asAgent(core, 'update_task_status', { task_id: task.id, status: 'done' });
    assert.equal(again.task.status, 'review');
  });

  test('a task nobody works on keeps it without a notification', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart' });
    const result = await asPerson(core, 'add_clarification', { task_id: task.id, text: 'Soon' });
    assert.equal(result.notified, null);
    assert.deepEqual(notificationsOf(core, 'clarification'), []);
  });

  test('get_task shows the last five, oldest first, and counts them all', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart' });
    for (let n = 1; n <= 7; n++)
      await asPerson(core, 'add_clarification', { task_id: task.id, text: `note ${n}` });
    const read = await core.call('get_task', { task_id: task.id });
    assert.deepEqual(
      read.clarifications.map((c) => c.text),
      ['note 3', 'note 4', 'note 5', 'note 6', 'note 7'],
    );
    assert.equal(read.clarification_count, 7);
  });

  test('a long clarification is kept whole but cut in the notification', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart', assignee: 'claude' });
    const text = 'y'.repeat(4000);
    await asPerson(core, 'add_clarification', { task_id: task.id, text });
    const read = await core.call('get_task', { task_id: task.id });
    assert.equal(read.clarifications[0]!.text, text);
    const [told] = notificationsOf(core, 'clarification');
    assert.ok(told!.message.length < 700);
    assert.match(told!.message, /the whole text is on the task/);
  });

  test('they go with their task when it is deleted', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart' });
    await asPerson(core, 'add_clarification', { task_id: task.id, text: 'Soon' });
    await asPerson(core, 'delete_task', { task_id: task.id });
    const left = core.orchestrator.store.db
      .prepare('SELECT count(*) AS n FROM clarifications')
      .get() as { n: number };
    assert.equal(left.n, 0);
  });
});

describe('refusals', () => {
  test('an agent may not add one: its notes belong to its progress and context', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart' });
    assert.match(
      await refused(core, 'FORBIDDEN', () =>
        asAgent(core, 'add_clarification', { task_id: task.id, text: 'I decided X' }),
      ),
      /Only a person can clarify a task/,
    );
  });

  test('bad input is refused and changes nothing', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Cart' });
    await refused(core, 'NOT_FOUND', () =>
      asPerson(core, 'add_clarification', { task_id: 99, text: 'Hello' }),
    );
    assert.match(
      await refused(core, 'VALIDATION', () =>
        asPerson(core, 'add_clarification', { task_id: task.id, text: ' ' }),
      ),
      /text must not be empty/,
    );
    assert.match(
      await refused(core, 'VALIDATION', () =>
        asPerson(core, 'add_clarification', { task_id: task.id, text: 'z'.repeat(4001) }),
      ),
      /text must be at most 4000 characters/,
    );
    await refused(core, 'VALIDATION', () =>
      asPerson(core, 'add_clarification', { task_id: task.id, text: 'bad\u0000byte' }),
    );
    await refused(core, 'VALIDATION', () =>
      asPerson(core, 'add_clarification', { task_id: task.id }),
    );
  });
});
