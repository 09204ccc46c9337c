// Steering a running workflow, with real processes: a pause lets the running task finish and
// starts nothing more until resume; a cancel stops the running command and starts nothing more;
// tasks an agent holds are left alone, also when claimed mid-run; a task that requires approval
// goes to review once its verification passes, and its dependents wait for the person.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { agent, openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import {
  bash,
  byTask,
  createTask,
  makeProject,
  sleep,
  taskMaker,
  waitFor,
} from './workflow-helpers.ts';

let core: TestCore;

before(() => {
  core = openTestCore();
});
after(() => core.dispose());

const claude = agent('claude', 's1');

/** The lines the commands appended to the project's ledger. */
function ledger(root: string): string[] {
  const path = join(root, 'ledger');
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
}

/** A command that writes `start name` and, unless it is stopped, `end name` to the ledger. */
const logged = (name: string, body = 'true') =>
  bash(`echo "start ${name}" >> ledger; ${body}; echo "end ${name}" >> ledger`);

async function statusOf(runId: number) {
  return core.call('workflow_status', { run_id: runId });
}

/** Processes whose command line contains `marker` (the commands run as processes of this machine). */
function processesWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', marker], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((line) => !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function linear(name: string) {
  const { projectId, root } = await makeProject(core, name);
  const make = taskMaker(core, projectId, logged);
  const long = await make('long', [], 'sleep 1');
  const next = await make('next', [long]);
  const other = await make('other', []);
  return { projectId, root, long, next, other };
}

test('a pause lets the running task finish, starts nothing more, and resume completes the run', async () => {
  const { projectId, root, long, next, other } = await linear('pause');
  const started = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 1,
    retries: 0,
  });
  assert.equal(started.resumed, false);
  assert.match(started.message, /runs in the background/);
  const runId = started.run.id;
  await waitFor('the long task to start', () => ledger(root).includes('start long') || undefined);
  const paused = await core.call('pause_workflow', { run_id: runId });
  assert.equal(paused.run.control, 'pause');
  assert.match(paused.message, /pauses once its running tasks finish/);

  const status = await waitFor('the run to pause', async () => {
    const current = await statusOf(runId);
    return current.run.status === 'paused' ? current : undefined;
  });
  // longer than the executor's control poll: had anything been going to start, it would have
  await sleep(500);
  assert.deepEqual(ledger(root), ['start long', 'end long']);
  const states = byTask(status.tasks);
  assert.deepEqual(
    [long, next, other].map((id) => states[id]!.state),
    ['passed', 'waiting', 'waiting'],
  );
  assert.equal(status.run.control, null);
  assert.equal(status.run.finished_at, null);
  assert.equal((await core.fails('pause_workflow', { run_id: runId })).code, 'CONFLICT');

  const resumed = await core.call('resume_workflow', { run_id: runId, wait: true });
  assert.equal(resumed.resumed, true);
  assert.equal(resumed.run.status, 'completed', resumed.summary);
  assert.deepEqual(ledger(root).slice(2).sort(), [
    'end next',
    'end other',
    'start next',
    'start other',
  ]);
  // the long task passed before the pause: it never ran again
  assert.equal(ledger(root).filter((line) => line === 'start long').length, 1);
  assert.equal(byTask(resumed.tasks)[long]!.attempts, 1);
  assert.equal((await core.fails('resume_workflow', { run_id: runId })).code, 'CONFLICT');
});

test('resuming before a requested pause took effect withdraws the pause', async () => {
  const { projectId, root } = await linear('pause-then-resume');
  const { run } = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 1,
    retries: 0,
  });
  await waitFor('the long task to start', () => ledger(root).includes('start long') || undefined);
  await core.call('pause_workflow', { run_id: run.id });
  const resumed = await core.call('resume_workflow', { run_id: run.id, wait: true });
  assert.equal(resumed.run.status, 'completed', resumed.summary);
  assert.equal(resumed.progress.done, 3);
});

test('a cancel stops the running command and starts nothing more', async () => {
  const { projectId, root } = await makeProject(core, 'cancel');
  const { task: slow } = await createTask(core, {
    project_id: projectId,
    title: 'slow',
    run_spec: logged('slow', 'sleep 31.7'),
  });
  const { task: dependent } = await createTask(core, {
    project_id: projectId,
    title: 'dependent',
    dependencies: [slow.id],
    run_spec: logged('dependent'),
  });
  const { run } = await core.call('run_workflow', { project_id: projectId, retries: 3 });
  await waitFor('the slow task to start', () => ledger(root).includes('start slow') || undefined);
  const cancelling = await core.call('cancel_workflow', { run_id: run.id });
  assert.match(cancelling.message, /being cancelled/);
  const status = await waitFor('the run to end', async () => {
    const current = await statusOf(run.id);
    return current.run.status === 'running' ? undefined : current;
  });
  assert.equal(status.run.status, 'cancelled', status.summary);
  assert.notEqual(status.run.finished_at, null);
  const states = byTask(status.tasks);
  assert.equal(states[slow.id]!.state, 'cancelled');
  assert.equal(states[slow.id]!.attempts, 1, 'a cancelled attempt is not retried');
  assert.equal(states[dependent.id]!.state, 'cancelled');
  assert.equal(states[dependent.id]!.attempts, 0);
  assert.deepEqual(ledger(root), ['start slow']);
  assert.deepEqual(processesWith('sleep 31.7'), []);

  const { task, executions } = await core.call('get_task', {
    task_id: slow.id,
    include_executions: true,
  });
  assert.equal(task.status, 'pending');
  assert.equal(executions?.length, 1);
  assert.equal(executions[0]!.status, 'cancelled');
  const attempts = core.orchestrator.store.workflows.attempts(run.id);
  assert.deepEqual(
    attempts.map((attempt) => attempt.status),
    ['cancelled'],
  );
  const unchanged = snapshot(core);
  assert.equal((await core.fails('cancel_workflow', { run_id: run.id })).code, 'CONFLICT');
  assert.equal((await core.fails('resume_workflow', { run_id: run.id })).code, 'CONFLICT');
  assert.equal((await core.fails('pause_workflow', { run_id: 4242 })).code, 'NOT_FOUND');
  assert.equal((await core.fails('cancel_workflow', { run_id: 0 })).code, 'VALIDATION');
  assert.equal(snapshot(core), unchanged);
});

test('a paused run can be cancelled: the tasks it had not started read as cancelled', async () => {
  const { projectId, root, long, next, other } = await linear('pause-cancel');
  const { run } = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 1,
    retries: 0,
  });
  await waitFor('the long task to start', () => ledger(root).includes('start long') || undefined);
  await core.call('pause_workflow', { run_id: run.id });
  await waitFor('the run to pause', async () =>
    (await statusOf(run.id)).run.status === 'paused' ? true : undefined,
  );
  const cancelled = await core.call('cancel_workflow', { run_id: run.id });
  assert.equal(cancelled.run.status, 'cancelled');
  const states = byTask((await statusOf(run.id)).tasks);
  assert.deepEqual(
    [long, next, other].map((id) => states[id]!.state),
    ['passed', 'cancelled', 'cancelled'],
  );
  assert.deepEqual(ledger(root), ['start long', 'end long']);
});

test('tasks an agent claimed are left alone, also when claimed while the run goes on', async () => {
  const { projectId, root } = await makeProject(core, 'claimed');
  const make = taskMaker(core, projectId, logged);
  const held = await make('held');
  const afterHeld = await make('after-held', [held]);
  const slow = await make('slow', [], 'sleep 0.8');
  const late = await make('late');
  await core.callAs(claude, 'claim_task', { task_id: held });

  const { run } = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 1,
    retries: 0,
  });
  await waitFor('the slow task to start', () => ledger(root).includes('start slow') || undefined);
  // `late` waits for the one slot; an agent takes it meanwhile
  await core.callAs(claude, 'claim_task', { task_id: late });
  const status = await waitFor('the run to end', async () => {
    const current = await statusOf(run.id);
    return current.run.status === 'running' ? undefined : current;
  });
  const states = byTask(status.tasks);
  assert.equal(states[held]!.state, 'claimed');
  assert.match(states[held]!.note!, /claimed by .*claude/);
  assert.equal(states[late]!.state, 'claimed');
  assert.equal(states[afterHeld]!.state, 'waiting');
  assert.equal(states[slow]!.state, 'passed');
  assert.equal(status.run.status, 'incomplete', status.summary);
  assert.deepEqual(ledger(root), ['start slow', 'end slow']);
  for (const id of [held, late]) {
    const { task } = await core.call('get_task', { task_id: id });
    assert.equal(task.status, 'in_progress');
    assert.match(String(task.lease_holder), /claude/);
  }
});

test('a task that requires approval goes to review once verified; its dependents wait', async () => {
  const { projectId, root } = await makeProject(core, 'approval');
  const { task: gated } = await createTask(core, {
    project_id: projectId,
    title: 'gated',
    requires_approval: true,
    run_spec: logged('gated', 'echo built'),
    verify_spec: { exit_code: 0, output_contains: 'built' },
  });
  const { task: dependent } = await createTask(core, {
    project_id: projectId,
    title: 'after',
    dependencies: [gated.id],
    run_spec: logged('after'),
  });
  const first = await core.call('run_workflow', { project_id: projectId, wait: true });
  const states = byTask(first.tasks);
  assert.equal(states[gated.id]!.state, 'review');
  assert.match(states[gated.id]!.note!, /approve/);
  assert.equal(states[dependent.id]!.state, 'waiting');
  assert.equal(first.run.status, 'incomplete', first.summary);
  assert.equal((await core.call('get_task', { task_id: gated.id })).task.status, 'review');
  assert.deepEqual(ledger(root), ['start gated', 'end gated']);

  // a person approves; the next run takes it as done and runs what waited for it
  await core.call('update_task_status', { task_id: gated.id, status: 'completed' });
  const second = await core.call('run_workflow', { project_id: projectId, wait: true });
  assert.equal(second.run.status, 'completed', second.summary);
  assert.equal(byTask(second.tasks)[gated.id]!.state, 'done_before');
  assert.deepEqual(ledger(root).slice(2), ['start after', 'end after']);
});

test('a project that requires approval sends every verified task to review', async () => {
  const { projectId } = await makeProject(core, 'gated-project');
  await core.call('update_project', { project_id: projectId, requires_approval: true });
  const { task } = await createTask(core, {
    project_id: projectId,
    title: 'any',
    run_spec: bash('true'),
  });
  const result = await core.call('run_workflow', { project_id: projectId, wait: true });
  assert.equal(byTask(result.tasks)[task.id]!.state, 'review');
  assert.match(byTask(result.tasks)[task.id]!.note!, /project gate/);
  assert.equal((await core.call('get_task', { task_id: task.id })).task.status, 'review');
});

test('a task whose status cannot move fails with the reason; the run and its host go on', async () => {
  const { projectId, root } = await makeProject(core, 'refused-move');
  const make = taskMaker(core, projectId, logged);
  const first = await make('first');
  const slow = await make('slow', [], 'sleep 0.8');
  const needsFirst = await make('needs-first', [first]);
  const { run } = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 1,
    retries: 0,
  });
  await waitFor('the slow task to start', () => ledger(root).includes('start slow') || undefined);
  // a person reopens the prerequisite that passed: its dependent may no longer start
  await core.call('update_task_status', { task_id: first, status: 'pending' });
  const status = await waitFor('the run to end', async () => {
    const current = await statusOf(run.id);
    return current.run.status === 'running' ? undefined : current;
  });
  assert.equal(status.run.status, 'failed', status.summary);
  const states = byTask(status.tasks);
  assert.equal(states[slow]!.state, 'passed');
  assert.equal(states[needsFirst]!.state, 'failed');
  assert.match(states[needsFirst]!.note!, /^could not run: .*depends on #\d+ "first"/);
  assert.ok(!ledger(root).includes('start needs-first'));
  const attempts = core.orchestrator.store.workflows
    .attempts(run.id)
    .filter((attempt) => attempt.task_id === needsFirst);
  assert.deepEqual(
    attempts.map((attempt) => attempt.status),
    ['failed'],
  );
  assert.match(attempts[0]!.error!, /depends on/);
});
