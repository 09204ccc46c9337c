// The executor on real processes: a diamond DAG in dependency order, a retry that passes the
// second time (a counter file in the project's root, the one folder the commands share), a
// failing verification that blocks its dependents, the report built from what happened, and
// bad inputs that change nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { createTask as createWithSpecs, makeProject } from './workflow-helpers.ts';

let core: TestCore;
let root = '';

before(() => {
  core = openTestCore();
});
after(() => core.dispose());

const bash = (code: string) => ({ commands: [{ language: 'bash' as const, code }] });

const createTask = (input: Parameters<typeof createWithSpecs>[1]) => createWithSpecs(core, input);

async function project(name: string) {
  const made = await makeProject(core, name);
  root = made.root;
  return made.projectId;
}

test('a diamond runs in dependency order; a retry passes the second time; the report says so', async () => {
  const projectId = await project('diamond');
  const { task: a } = await createTask({
    project_id: projectId,
    title: 'a',
    run_spec: { ...bash(`echo a >> order.log`), working_directory: '.' },
  });
  const { task: b } = await createTask({
    project_id: projectId,
    title: 'b (fails once)',
    dependencies: [a.id],
    run_spec: {
      ...bash(
        `n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; echo b >> order.log; [ "$n" -ge 1 ]`,
      ),
      working_directory: '.',
    },
  });
  const { task: c } = await createTask({
    project_id: projectId,
    title: 'c',
    dependencies: [a.id],
    run_spec: { ...bash('echo c >> order.log; echo hello-c'), working_directory: '.' },
    verify_spec: { exit_code: 0, output_pattern: '^hello-c$', output_flags: 'm' },
  });
  const { task: d } = await createTask({
    project_id: projectId,
    title: 'd',
    dependencies: [b.id, c.id],
    run_spec: { ...bash('echo d >> order.log'), working_directory: '.' },
  });
  const result = await core.call('run_workflow', {
    project_id: projectId,
    concurrency: 2,
    retries: 1,
    backoff_ms: 50,
    wait: true,
  });
  assert.equal(result.run.status, 'completed', result.summary);
  const order = readFileSync(join(root, 'order.log'), 'utf8').trim().split('\n');
  assert.equal(order[0], 'a');
  assert.equal(order.at(-1), 'd');
  assert.equal(order.filter((line) => line === 'b').length, 2);
  const states = Object.fromEntries(result.tasks.map((task) => [task.task_id, task]));
  assert.equal(states[b.id]!.attempts, 2);
  assert.equal(states[d.id]!.state, 'passed');
  const task = await core.call('get_task', { task_id: d.id });
  assert.equal(task.task.status, 'completed');
  const { report } = await core.call('generate_report', { run_id: result.run.id });
  assert.match(report.markdown, /Status: \*\*completed\*\*/);
  assert.match(report.markdown, /\| #\d+ b \(fails once\) \| failed \| passed \| PASSED \|/);
  assert.match(report.markdown, /output_pattern \| \/\^hello-c\$\/m \| "hello-c\\n" \| PASSED/);
  const listed = await core.call('list_reports', { run_id: result.run.id });
  assert.equal(listed.reports[0]!.id, report.id);
});

test('a failing verification fails the task, blocks its dependents and reads as failed', async () => {
  const projectId = await project('failing');
  const { task: a } = await createTask({
    project_id: projectId,
    title: 'prints the wrong thing',
    run_spec: bash('echo nope'),
    verify_spec: { output_contains: 'yes' },
  });
  const { task: b } = await createTask({
    project_id: projectId,
    title: 'after it',
    dependencies: [a.id],
    run_spec: bash('echo should-not-run'),
  });
  const result = await core.call('run_workflow', {
    project_id: projectId,
    retries: 0,
    wait: true,
  });
  assert.equal(result.run.status, 'failed');
  const states = Object.fromEntries(result.tasks.map((task) => [task.task_id, task.state]));
  assert.deepEqual([states[a.id], states[b.id]], ['failed', 'blocked']);
  const dependent = await core.call('get_task', { task_id: b.id });
  assert.equal(dependent.task.waiting_on_failed, true);
  const { report } = await core.call('generate_report', { run_id: result.run.id });
  assert.match(report.markdown, /output_contains \| "yes" \| "nope\\n" \| FAILED/);
  assert.doesNotMatch(report.markdown, /should-not-run\n/);
});

test('bad inputs are refused and change nothing', async () => {
  const projectsBefore = await core.call('list_projects', {});
  assert.equal(
    (await core.fails('run_workflow', { project_id: 'no-such-project' })).code,
    'NOT_FOUND',
  );
  assert.equal((await core.fails('run_workflow', { concurrency: 0 })).code, 'VALIDATION');
  assert.equal((await core.fails('run_workflow', { retries: -1 })).code, 'VALIDATION');
  assert.equal((await core.fails('workflow_status', { run_id: 999 })).code, 'NOT_FOUND');
  assert.equal((await core.fails('generate_report', { run_id: 999 })).code, 'NOT_FOUND');
  assert.deepEqual(await core.call('list_projects', {}), projectsBefore);
});

test('the documented example imports as tasks and runs end to end', async () => {
  const projectId = await project('example');
  const markdown = readFileSync(
    join(import.meta.dirname, '../../../docs/task-markdown-example.md'),
    'utf8',
  );
  const imported = await core.call('import_workflow', { markdown, project_id: projectId });
  // the document's own task, with one subtask per step
  assert.equal(imported.tasks.length, 4);
  const parent = await core.call('get_task', { task_id: imported.task_id });
  assert.equal(parent.task.title, 'Count words two ways');
  const result = await core.call('run_workflow', { project_id: projectId, wait: true });
  assert.equal(result.run.status, 'completed', result.summary);
  assert.equal(result.progress.done, 4 + 1, 'the four steps and the document they make up');
});
