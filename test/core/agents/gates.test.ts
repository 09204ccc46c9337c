// Approval gates on a task and on a whole project: an agent's completion stops in review and
// asks the person; a person's completion goes through; only a person lifts a gate or moves a
// task on from review.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import {
  AGENT_ACTOR,
  asAgent,
  asPerson,
  eventsOf,
  notificationsOf,
  refused,
} from './gate-helpers.ts';

let core: TestCore;
beforeEach(() => {
  core = openTestCore();
});
afterEach(() => core.dispose());

async function gatedPair() {
  const gated = await asPerson(core, 'create_task', {
    title: 'Write API',
    requires_approval: true,
  });
  const docs = await asPerson(core, 'create_task', {
    title: 'Document API',
    dependencies: [gated.task.id],
  });
  return { id: gated.task.id, dependent: docs.task.id };
}

describe('a task-level gate', () => {
  test("an agent's completion moves the task to review, says so, and asks the person", async () => {
    const { id, dependent } = await gatedPair();
    await asAgent(core, 'update_task_status', { task_id: id, status: 'in_progress' });
    const result = await asAgent(core, 'update_task_status', { task_id: id, status: 'done' });
    assert.equal(result.task.status, 'review');
    assert.match(result.message, /not completed: the task requires a person's approval/);
    assert.match(
      result.message,
      new RegExp(`#${id} is waiting for a person's approval; you will be notified`),
    );
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /not completed yet/);
    assert.deepEqual(result.became_ready, []);
    assert.equal((await core.call('get_task', { task_id: dependent })).task.ready, false);

    const [requested] = eventsOf(core, id, 'task.review_requested');
    assert.equal(requested!.actor, AGENT_ACTOR);
    assert.deepEqual(JSON.parse(requested!.after), {
      status: 'review',
      version: 3,
      gate: 'task',
      submitted_by: AGENT_ACTOR,
      requested: 'completed',
    });
    const [asked] = notificationsOf(core, 'review_requested');
    assert.equal(asked!.recipient, null, 'the person is the recipient');
    assert.match(asked!.message, /claude asks for approval of #1 "Write API"/);
  });

  test("the person's approval completes it and only then readies its dependents", async () => {
    const { id, dependent } = await gatedPair();
    await asAgent(core, 'update_task_status', { task_id: id, status: 'in_progress' });
    await asAgent(core, 'update_task_status', { task_id: id, status: 'completed' });
    const approved = await asPerson(core, 'approve_task', { task_id: id, note: 'Looks right' });
    assert.equal(approved.task.status, 'completed');
    assert.deepEqual(
      approved.became_ready.map((ref) => ref.id),
      [dependent],
    );
    assert.match(
      approved.message,
      /Approved #1 "Write API": completed\. 1 dependent task\(s\) became ready/,
    );
    assert.equal((await core.call('get_task', { task_id: dependent })).task.ready, true);
    const [event] = eventsOf(core, id, 'task.approved');
    assert.equal(event!.actor, 'human:alice', 'records who approved');
    assert.deepEqual(JSON.parse(event!.after), {
      status: 'completed',
      version: 4,
      gate: 'task',
      submitted_by: AGENT_ACTOR,
      note: 'Looks right',
    });
    const moves = eventsOf(core, id, 'task.status_changed').map((e) => JSON.parse(e.after).status);
    assert.deepEqual(moves, ['in_progress', 'review', 'completed']);
    const [told] = notificationsOf(core, 'approved');
    assert.equal(told!.recipient, 'claude');
    assert.match(told!.message, /approved by alice and is completed: Looks right/);
  });

  test('an agent completing a pending gated task starts it, then submits it', async () => {
    const { id } = await gatedPair();
    const result = await asAgent(core, 'update_task_status', { task_id: id, status: 'completed' });
    assert.equal(result.task.status, 'review');
    assert.match(result.message, /moved from pending to review, not completed/);
    assert.notEqual(result.task.started_at, null);
  });

  test('a person completes a gated task directly', async () => {
    const { id, dependent } = await gatedPair();
    const result = await asPerson(core, 'update_task_status', { task_id: id, status: 'completed' });
    assert.equal(result.task.status, 'completed');
    assert.deepEqual(
      result.became_ready.map((ref) => ref.id),
      [dependent],
    );
    assert.deepEqual(eventsOf(core, id, 'task.review_requested'), []);
  });

  test('an ungated task is completed by an agent as asked', async () => {
    const task = await asPerson(core, 'create_task', { title: 'Free' });
    const result = await asAgent(core, 'update_task_status', {
      task_id: task.task.id,
      status: 'completed',
    });
    assert.equal(result.task.status, 'completed');
    assert.equal(result.task.requires_approval, false);
  });

  test('an agent asking for review itself asks the person too', async () => {
    const task = await asPerson(core, 'create_task', { title: 'Free' });
    await asAgent(core, 'update_task_status', { task_id: task.task.id, status: 'in_progress' });
    const result = await asAgent(core, 'update_task_status', {
      task_id: task.task.id,
      status: 'review',
    });
    assert.equal(result.task.status, 'review');
    assert.deepEqual(result.warnings, []);
    assert.equal(
      JSON.parse(eventsOf(core, task.task.id, 'task.review_requested')[0]!.after).gate,
      null,
    );
    assert.equal(notificationsOf(core, 'review_requested').length, 1);
  });

  test('an agent may not move a task out of review, whatever it asks for', async () => {
    const { id } = await gatedPair();
    await asAgent(core, 'update_task_status', { task_id: id, status: 'completed' });
    for (const status of ['completed', 'in_progress', 'cancelled', 'failed']) {
      const message = await refused(core, 'FORBIDDEN', () =>
        asAgent(core, 'update_task_status', { task_id: id, status }),
      );
      assert.match(message, /#1 "Write API" is waiting for approval/);
    }
    const again = await asAgent(core, 'update_task_status', { task_id: id, status: 'review' });
    assert.match(again.message, /already review; nothing changed/);
  });

  test('refusals of the status machine still come first and change nothing', async () => {
    const { dependent } = await gatedPair();
    await asPerson(core, 'update_task', { task_id: dependent, requires_approval: true });
    const message = await refused(core, 'FORBIDDEN', () =>
      asAgent(core, 'update_task_status', { task_id: dependent, status: 'completed' }),
    );
    assert.match(message, /depends on #1/);
  });
});

describe('a project-level gate', () => {
  test("gates every task of the project, and the response names the project's gate", async () => {
    const set = await asPerson(core, 'set_approval_gate', { project_id: 'default' });
    assert.equal(set.changed, true);
    assert.equal(set.project?.requires_approval, true);
    assert.match(set.message, /Project "default" now requires a person's approval for every task/);
    const task = await asPerson(core, 'create_task', { title: 'Ship it' });
    assert.equal(task.task.requires_approval, false, 'the flag stays on the project');
    const result = await asAgent(core, 'update_task_status', {
      task_id: task.task.id,
      status: 'completed',
    });
    assert.equal(result.task.status, 'review');
    assert.match(result.message, /project "default" requires a person's approval for every task/);
    const event = JSON.parse(eventsOf(core, task.task.id, 'task.review_requested')[0]!.after);
    assert.equal(event.gate, 'project');
    const shown = await core.call('get_current_project', {});
    assert.equal(shown.project.requires_approval, true);
  });

  test('update_project sets it too, and a project.gate_changed event records set_approval_gate', async () => {
    const updated = await asPerson(core, 'update_project', {
      project_id: 1,
      requires_approval: true,
    });
    assert.deepEqual(updated.changed, ['requires_approval']);
    const lifted = await asPerson(core, 'set_approval_gate', { project_id: 1, required: false });
    assert.equal(lifted.project?.requires_approval, false);
    const events = core.orchestrator.store.db
      .prepare("SELECT type, before, after FROM events WHERE type LIKE 'project.%' ORDER BY id")
      .all() as { type: string; before: string; after: string }[];
    assert.deepEqual(
      events.map((event) => [event.type, JSON.parse(event.before).requires_approval]),
      [
        ['project.updated', false],
        ['project.gate_changed', true],
      ],
    );
  });
});

describe('setting and lifting gates', () => {
  test('only a person lifts a gate; an agent may add one', async () => {
    const { id, dependent } = await gatedPair();
    await asPerson(core, 'set_approval_gate', { project_id: 1 });
    const calls = [
      () => asAgent(core, 'set_approval_gate', { task_id: id, required: false }),
      () => asAgent(core, 'update_task', { task_id: id, requires_approval: false }),
      () => asAgent(core, 'set_approval_gate', { project_id: 1, required: false }),
      () => asAgent(core, 'update_project', { project_id: 1, requires_approval: false }),
    ];
    for (const call of calls) {
      assert.match(
        await refused(core, 'FORBIDDEN', call),
        /Only a person can lift the approval gate/,
      );
    }
    const added = await asAgent(core, 'set_approval_gate', { task_id: dependent });
    assert.equal(added.task?.requires_approval, true);
    const [event] = eventsOf(core, dependent, 'task.gate_changed');
    assert.equal(event!.actor, AGENT_ACTOR);
    assert.deepEqual(JSON.parse(event!.before ?? 'null'), { requires_approval: false });
    assert.equal(JSON.parse(event!.after).requires_approval, true);
    const lifted = await asPerson(core, 'set_approval_gate', { task_id: id, required: false });
    assert.equal(lifted.task?.requires_approval, false);
    assert.equal(lifted.task?.version, 2);
  });

  test('setting the gate it already has changes nothing', async () => {
    const { id } = await gatedPair();
    const again = await asPerson(core, 'set_approval_gate', { task_id: id, required: true });
    assert.equal(again.changed, false);
    assert.match(again.message, /already requires a person's approval; nothing changed/);
    assert.deepEqual(eventsOf(core, id, 'task.gate_changed'), []);
  });

  test('a gate names one task or one project', async () => {
    await gatedPair();
    assert.match(
      await refused(core, 'VALIDATION', () => asPerson(core, 'set_approval_gate', {})),
      /give task_id for one task, or project_id/,
    );
    assert.match(
      await refused(core, 'VALIDATION', () =>
        asPerson(core, 'set_approval_gate', { task_id: 1, project_id: 1 }),
      ),
      /not both/,
    );
    await refused(core, 'NOT_FOUND', () => asPerson(core, 'set_approval_gate', { task_id: 99 }));
    await refused(core, 'NOT_FOUND', () =>
      asPerson(core, 'set_approval_gate', { project_id: 'nowhere' }),
    );
    await refused(core, 'VALIDATION', () =>
      asPerson(core, 'set_approval_gate', { task_id: 1, required: 'yes' }),
    );
  });

  test('the flag travels through export and import', async () => {
    await gatedPair();
    const exported = await core.call('export_project', { project_id: 1 });
    const gated = exported.document.tasks.find((task) => task.title === 'Write API');
    assert.equal(gated?.requires_approval, true);
    const imported = await core.call('import_project', {
      document: exported.document,
      name: 'copy',
    });
    const copies = await core.call('list_tasks', { project_id: imported.project.id });
    assert.deepEqual(
      copies.tasks.map((task) => ('requires_approval' in task ? task.requires_approval : null)),
      [true, false],
    );
  });
});
