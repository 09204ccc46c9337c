// The executor on wider graphs, with real processes: a wide DAG never runs more commands at once
// than its concurrency (and does run several), a failure blocks exactly its transitive
// dependents while unrelated branches finish, fail_fast stops everything at the first failure,
// and retries wait with exponential backoff. Commands write what they did to files in the
// project's root; the assertions count and order those lines, never measure speed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { bash, byTask, createTask, makeProject, taskMaker } from './workflow-helpers.ts';

let core: TestCore;

before(() => {
  core = openTestCore();
});
after(() => core.dispose());

/** A command that logs its start and end (nanoseconds, one clock for all) around `body`. */
const traced = (name: string, body = 'true') =>
  bash(
    `echo "start ${name} $(date +%s%N)" >> trace.log; ${body}; s=$?; echo "end ${name} $(date +%s%N)" >> trace.log; exit $s`,
  );

interface Span {
  name: string;
  start: bigint;
  end: bigint;
}

function spans(root: string): Map<string, Span> {
  const found = new Map<string, Span>();
  const path = join(root, 'trace.log');
  if (!existsSync(path)) return found;
  for (const line of readFileSync(path, 'utf8').trim().split('\n')) {
    const [what, name, at] = line.split(' ') as [string, string, string];
    const span = found.get(name) ?? { name, start: -1n, end: -1n };
    if (what === 'start') span.start = BigInt(at);
    else span.end = BigInt(at);
    found.set(name, span);
  }
  return found;
}

/** The most spans open at one moment (an end before a start at the same instant). */
function mostAtOnce(all: Iterable<Span>): number {
  const points: [bigint, number][] = [];
  for (const span of all) points.push([span.start, 1], [span.end, -1]);
  points.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  let open = 0;
  let most = 0;
  for (const [, change] of points) most = Math.max(most, (open += change));
  return most;
}

test('a wide DAG runs at most `concurrency` commands at once, several of them, the sink last', async () => {
  const { projectId, root } = await makeProject(core, 'wide');
  const { task: source } = await createTask(core, {
    project_id: projectId,
    title: 'source',
    run_spec: traced('source'),
  });
  const middle: number[] = [];
  for (let index = 0; index < 24; index++) {
    const { task } = await createTask(core, {
      project_id: projectId,
      title: `middle ${index}`,
      dependencies: [source.id],
      run_spec: traced(`m${index}`, 'sleep 0.15'),
    });
    middle.push(task.id);
  }
  const { task: sink } = await createTask(core, {
    project_id: projectId,
    title: 'sink',
    dependencies: middle,
    run_spec: traced('sink'),
  });
  const result = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 4,
    retries: 0,
    wait: true,
  });
  assert.equal(result.run.status, 'completed', result.summary);
  assert.deepEqual(result.progress, { done: 26, total: 26, failed: 0, running: 0 });
  assert.ok(result.tasks.every((task) => task.state === 'passed' && task.attempts === 1));

  const traces = spans(root);
  assert.equal(traces.size, 26);
  for (const span of traces.values()) assert.ok(span.start > 0n && span.end >= span.start);
  const middles = [...traces.values()].filter((span) => span.name.startsWith('m'));
  const most = mostAtOnce(middles);
  assert.ok(most <= 4, `${most} commands ran at once with a concurrency of 4`);
  assert.ok(most > 1, 'the middle tasks never overlapped: nothing ran in parallel');
  const first = traces.get('source')!;
  const last = traces.get('sink')!;
  for (const span of middles) {
    assert.ok(first.end <= span.start, `${span.name} started before the source ended`);
    assert.ok(span.end <= last.start, `the sink started before ${span.name} ended`);
  }
  const sinkTask = await core.call('get_task', { task_id: sink.id });
  assert.equal(sinkTask.task.status, 'completed');
});

test('a failure blocks its transitive dependents; unrelated branches still complete', async () => {
  const { projectId, root } = await makeProject(core, 'propagation');
  const make = taskMaker(core, projectId, traced);
  //   a → b(fails) → c → d ;  e needs d and x ;  a → x → y ;  z alone
  const a = await make('a', []);
  const b = await make('b', [a], 'exit 3');
  const c = await make('c', [b]);
  const d = await make('d', [c]);
  const x = await make('x', [a], 'sleep 0.2');
  const e = await make('e', [d, x]);
  const y = await make('y', [x]);
  const z = await make('z', []);
  const result = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 3,
    retries: 0,
    fail_fast: false,
    wait: true,
  });
  assert.equal(result.run.status, 'failed', result.summary);
  const states = byTask(result.tasks);
  const stateOf = (id: number) => states[id]!.state;
  assert.deepEqual([a, b, c, d, e, x, y, z].map(stateOf), [
    'passed',
    'failed',
    'blocked',
    'blocked',
    'blocked',
    'passed',
    'passed',
    'passed',
  ]);
  assert.equal(states[c]!.note, `prerequisite #${b} failed`);
  assert.equal(states[d]!.note, `prerequisite #${c} blocked`);
  for (const id of [c, d, e]) assert.equal(states[id]!.attempts, 0);
  assert.deepEqual(result.progress, { done: 4, total: 8, failed: 1, running: 0 });

  const ran = [...spans(root).keys()].sort();
  assert.deepEqual(ran, ['a', 'b', 'x', 'y', 'z']);
  const failed = await core.call('get_task', { task_id: b });
  assert.equal(failed.task.status, 'failed');
  for (const id of [c, d, e]) {
    const { task } = await core.call('get_task', { task_id: id });
    assert.equal(task.status, 'pending', `#${id} was never started, so it stays pending`);
  }
});

test('fail_fast stops the running commands and starts nothing after the first failure', async () => {
  const { projectId, root } = await makeProject(core, 'fail-fast');
  const make = taskMaker(core, projectId, traced);
  const fails = await make('fails', [], 'sleep 0.3; exit 1');
  const slow = await make('slow', [], 'sleep 30');
  const queued = await make('queued', [], 'true');
  const afterFail = await make('after-fail', [fails], 'true');
  const afterSlow = await make('after-slow', [slow], 'true');
  const result = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 2,
    retries: 1,
    backoff_ms: 10,
    fail_fast: true,
    wait: true,
  });
  assert.equal(result.run.status, 'failed', result.summary);
  const states = byTask(result.tasks);
  assert.equal(states[fails]!.state, 'failed');
  // a task fails once its retries are spent; that first failed task ends the run
  assert.equal(states[fails]!.attempts, 2);
  assert.equal(states[slow]!.state, 'cancelled');
  assert.equal(states[slow]!.note, 'stopped while running');
  for (const id of [queued, afterFail, afterSlow]) {
    assert.notEqual(states[id]!.state, 'passed');
    assert.equal(states[id]!.attempts, 0, `#${id} started after the failure`);
  }
  assert.equal(states[queued]!.state, 'cancelled');
  assert.equal(states[afterFail]!.state, 'blocked');
  assert.equal(states[afterFail]!.note, `prerequisite #${fails} failed`);
  assert.equal(states[afterSlow]!.state, 'cancelled');
  const traces = spans(root);
  assert.deepEqual([...traces.keys()].sort(), ['fails', 'slow']);
  assert.equal(traces.get('slow')!.end, -1n, 'the slow command was not stopped');

  const { task, executions } = await core.call('get_task', {
    task_id: slow,
    include_executions: true,
  });
  assert.equal(task.status, 'pending');
  assert.equal(executions?.[0]?.status, 'cancelled');
  const attempts = core.orchestrator.store.workflows.attempts(result.run.id);
  assert.deepEqual(
    attempts.map((attempt) => [attempt.task_id, attempt.status]),
    [
      [fails, 'failed'],
      [fails, 'failed'],
      [slow, 'cancelled'],
    ],
  );
});

test('a failed attempt is retried with exponential backoff until it passes', async () => {
  const { projectId, root } = await makeProject(core, 'backoff');
  const { task } = await createTask(core, {
    project_id: projectId,
    title: 'passes the third time',
    run_spec: bash(
      `n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; echo "attempt $n"; [ "$n" -ge 2 ]`,
    ),
    verify_spec: { exit_code: 0, output_contains: 'attempt 2' },
  });
  const result = await core.call('run_workflow', {
    project_id: projectId,
    retries: 2,
    backoff_ms: 200,
    wait: true,
  });
  assert.equal(result.run.status, 'completed', result.summary);
  assert.equal(result.tasks[0]!.attempts, 3);
  assert.equal(readFileSync(join(root, 'count'), 'utf8').trim(), '3');
  const attempts = core.orchestrator.store.workflows
    .attempts(result.run.id)
    .filter((attempt) => attempt.task_id === task.id);
  assert.deepEqual(
    attempts.map((attempt) => [attempt.attempt, attempt.status]),
    [
      [1, 'failed'],
      [2, 'failed'],
      [3, 'passed'],
    ],
  );
  // the wait between an attempt's end and the next one's start: 200 ms, then 400 ms
  const waits = [1, 2].map(
    (index) =>
      Date.parse(attempts[index]!.started_at) - Date.parse(attempts[index - 1]!.finished_at!),
  );
  // a timer may fire a millisecond early against the wall clock; never much more
  assert.ok(waits[0]! >= 195, `first retry after ${waits[0]} ms, backoff 200`);
  assert.ok(waits[1]! >= 395, `second retry after ${waits[1]} ms, backoff doubled to 400`);
  assert.match(attempts[0]!.verification![0]!.actual, /^1$/);
  assert.equal(
    attempts[2]!.verification!.every((check) => check.passed),
    true,
  );
});

test('with retries 0 a failed attempt is final', async () => {
  const { projectId, root } = await makeProject(core, 'no-retry');
  await createTask(core, {
    project_id: projectId,
    title: 'fails once',
    run_spec: bash('echo ran >> ran.log; exit 1'),
  });
  const result = await core.call('run_workflow', {
    project_id: projectId,
    retries: 0,
    backoff_ms: 0,
    wait: true,
  });
  assert.equal(result.run.status, 'failed');
  assert.equal(result.tasks[0]!.attempts, 1);
  assert.equal(readFileSync(join(root, 'ran.log'), 'utf8'), 'ran\n');
});
