// The person's side of review: the list of what waits (who submitted it, when, a page at a
// time), approving and rejecting, the reason delivered to the agent, and every refusal.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import {
  AGENT_ACTOR,
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

/** A gated task an agent submitted for review; returns its id. */
async function submitted(title: string, project?: string): Promise<number> {
  const { task } = await asPerson(core, 'create_task', {
    title,
    requires_approval: true,
    ...(project ? { project_id: project } : {}),
  });
  await asAgent(core, 'update_task_status', { task_id: task.id, status: 'in_progress' });
  await asAgent(core, 'update_task_status', { task_id: task.id, status: 'completed' });
  return task.id;
}

describe('list_reviews', () => {
  test('lists what waits with who submitted it and when, a page at a time, in every project', async () => {
    await asPerson(core, 'create_project', { name: 'shop' });
    const first = await submitted('Write API');
    await asPerson(core, 'create_task', { title: 'Not submitted', requires_approval: true });
    const second = await submitted('Cart', 'shop');
    const page = await asPerson(core, 'list_reviews', { limit: 1 });
    assert.equal(page.count, 2);
    assert.equal(page.reviews.length, 1);
    const [row] = page.reviews;
    assert.equal(row!.id, first);
    assert.equal(row!.project, 'default');
    assert.equal(row!.submitted_by, AGENT_ACTOR);
    assert.match(row!.submitted_at ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.ok(page.next_cursor);
    const next = await asPerson(core, 'list_reviews', { limit: 1, cursor: page.next_cursor });
    assert.deepEqual(
      next.reviews.map((review) => [review.id, review.project]),
      [[second, 'shop']],
    );
    assert.equal(next.next_cursor, null);
    const shop = await asAgent(core, 'list_reviews', { project_id: 'shop' });
    assert.deepEqual(
      shop.reviews.map((review) => review.id),
      [second],
    );
    assert.equal(shop.count, 1);
  });

  test('a task a person moved to review shows who moved it', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Manual' });
    await asPerson(core, 'update_task_status', { task_id: task.id, status: 'in_progress' });
    await asPerson(core, 'update_task_status', { task_id: task.id, status: 'review' });
    const { reviews } = await asPerson(core, 'list_reviews', {});
    assert.equal(reviews[0]!.submitted_by, PERSON_ACTOR);
  });

  test('a cursor it did not issue is refused', async () => {
    await refused(core, 'VALIDATION', () => asPerson(core, 'list_reviews', { cursor: 'nope' }));
  });
});

describe('reject_task', () => {
  test('sends it back to in_progress and delivers the reason to the agent', async () => {
    const id = await submitted('Write API');
    const reason = 'The tests fail on empty input;\nhandle it and resubmit.';
    const result = await asPerson(core, 'reject_task', { task_id: id, reason });
    assert.equal(result.task.status, 'in_progress');
    assert.equal(result.notified, 'claude');
    assert.match(result.message, /Rejected #1 "Write API": back in progress; claude was told why/);
    const [event] = eventsOf(core, id, 'task.rejected');
    assert.equal(event!.actor, PERSON_ACTOR);
    assert.equal(JSON.parse(event!.after).reason, reason);
    const [told] = notificationsOf(core, 'rejected');
    assert.equal(told!.recipient, 'claude');
    assert.equal(told!.task_id, id);
    assert.ok(told!.message.endsWith(`Reason: ${reason}`), told!.message);
    const read = await asAgent(core, 'get_task', { task_id: id });
    assert.equal(read.last_rejection?.reason, reason);
    assert.equal(read.last_rejection?.by, PERSON_ACTOR);
    assert.match(read.last_rejection?.at ?? '', /^\d{4}-/);
  });

  test('the agent fixes and resubmits; approval then readies the dependents', async () => {
    const id = await submitted('Write API');
    const { task: docs } = await asPerson(core, 'create_task', {
      title: 'Docs',
      dependencies: [id],
    });
    await asPerson(core, 'reject_task', { task_id: id, reason: 'Missing tests' });
    assert.equal((await core.call('get_task', { task_id: docs.id })).task.ready, false);
    const again = await asAgent(core, 'update_task_status', { task_id: id, status: 'completed' });
    assert.equal(again.task.status, 'review');
    assert.equal((await core.call('get_task', { task_id: docs.id })).task.ready, false);
    const approved = await asPerson(core, 'approve_task', { task_id: id });
    assert.deepEqual(
      approved.became_ready.map((ref) => ref.id),
      [docs.id],
    );
  });

  test('the reason is required, 1..2000 characters', async () => {
    const id = await submitted('Write API');
    assert.match(
      await refused(core, 'VALIDATION', () => asPerson(core, 'reject_task', { task_id: id })),
      /reason/,
    );
    assert.match(
      await refused(core, 'VALIDATION', () =>
        asPerson(core, 'reject_task', { task_id: id, reason: '   ' }),
      ),
      /reason must not be empty/,
    );
    assert.match(
      await refused(core, 'VALIDATION', () =>
        asPerson(core, 'reject_task', { task_id: id, reason: 'x'.repeat(2001) }),
      ),
      /reason must be at most 2000 characters/,
    );
  });

  test('a task a person submitted notifies its assignee, or nobody', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Manual', assignee: 'codex' });
    await asPerson(core, 'update_task_status', { task_id: task.id, status: 'in_progress' });
    await asPerson(core, 'update_task_status', { task_id: task.id, status: 'review' });
    const result = await asPerson(core, 'reject_task', { task_id: task.id, reason: 'Redo' });
    assert.equal(result.notified, 'codex');
    const { task: other } = await asPerson(core, 'create_task', { title: 'Nobody' });
    await asPerson(core, 'update_task_status', { task_id: other.id, status: 'in_progress' });
    await asPerson(core, 'update_task_status', { task_id: other.id, status: 'review' });
    const quiet = await asPerson(core, 'reject_task', { task_id: other.id, reason: 'Redo' });
    assert.equal(quiet.notified, null);
    assert.match(quiet.message, /the reason is kept with the task/);
  });
});

describe('refusals', () => {
  test('an agent may neither approve nor reject', async () => {
    const id = await submitted('Write API');
    assert.match(
      await refused(core, 'FORBIDDEN', () => asAgent(core, 'approve_task', { task_id: id })),
      /Only a person can approve a task/,
    );
    assert.match(
      await refused(core, 'FORBIDDEN', () =>
        asAgent(core, 'reject_task', { task_id: id, reason: 'I changed my mind' }),
      ),
      /Only a person can reject a task/,
    );
  });

  test('approving or rejecting a task not in review names its status', async () => {
    const { task } = await asPerson(core, 'create_task', { title: 'Pending' });
    assert.match(
      await refused(core, 'VALIDATION', () => asPerson(core, 'approve_task', { task_id: task.id })),
      /Task 1 is pending, not in review; only a task waiting in review can be approved/,
    );
    await asPerson(core, 'update_task_status', { task_id: task.id, status: 'completed' });
    assert.match(
      await refused(core, 'VALIDATION', () =>
        asPerson(core, 'reject_task', { task_id: task.id, reason: 'No' }),
      ),
      /Task 1 is completed, not in review/,
    );
    await refused(core, 'NOT_FOUND', () => asPerson(core, 'approve_task', { task_id: 42 }));
    await refused(core, 'VALIDATION', () =>
      asPerson(core, 'approve_task', { task_id: task.id, extra: 1 }),
    );
  });

  test('approval still follows the status rules: a prerequisite reopened meanwhile blocks it', async () => {
    const { task: base } = await asPerson(core, 'create_task', { title: 'Base' });
    await asPerson(core, 'update_task_status', { task_id: base.id, status: 'completed' });
    const { task } = await asPerson(core, 'create_task', {
      title: 'On top',
      requires_approval: true,
      dependencies: [base.id],
    });
    await asAgent(core, 'update_task_status', { task_id: task.id, status: 'completed' });
    await asPerson(core, 'update_task_status', { task_id: base.id, status: 'pending' });
    assert.match(
      await refused(core, 'FORBIDDEN', () => asPerson(core, 'approve_task', { task_id: task.id })),
      /depends on #1 "Base" \(pending\)/,
    );
  });
});
