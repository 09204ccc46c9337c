// execute_code through the real pipeline: real processes in the real sandbox, the run recorded
// before it starts and completed at its end, its events in order, its output events bounded.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { OrchestronEvent } from '../../../src/shared/events/event-types.ts';
import { MIN_EVENT_BYTES, BURST_BYTES, RATE_BYTES } from '../../../src/core/runs/output-events.ts';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
let projectRoot: string;

function runEvents(runId: number): OrchestronEvent[] {
  const rows = core.orchestrator.store.db
    .prepare("SELECT type, after FROM events WHERE type LIKE 'run.%' ORDER BY id")
    .all() as { type: string; after: string }[];
  return rows
    .map((row) => ({ type: row.type, after: JSON.parse(row.after) }) as unknown as OrchestronEvent)
    .filter((event) => (event.after as { run_id: number }).run_id === runId);
}

before(async () => {
  core = openTestCore();
  projectRoot = join(core.dir, 'code');
  mkdirSync(join(projectRoot, 'src'), { recursive: true });
  await core.call('create_project', { name: 'code', root_path: projectRoot });
});
after(() => core.dispose());

describe('execute_code', () => {
  test('a run that succeeds is recorded with its output, sandbox and log', async () => {
    const { task } = await core.call('create_task', { title: 'Say hello', project_id: 'code' });
    const { execution, message } = await core.call('execute_code', {
      task_id: task.id,
      language: 'bash',
      code: 'echo hello from bash',
    });
    assert.equal(execution.status, 'succeeded');
    assert.equal(execution.exit_code, 0);
    assert.match(execution.head, /hello from bash/);
    assert.equal(execution.task_id, task.id);
    assert.ok(execution.sandbox && execution.sandbox.guarantees.length > 0);
    assert.equal(execution.limits.timeout_seconds, 30);
    assert.ok(execution.log_path && existsSync(execution.log_path));
    assert.match(readFileSync(execution.log_path, 'utf8'), /hello from bash/);
    // the run folder sits beside the database
    assert.ok(execution.log_path.startsWith(join(core.dir, 'runs', String(execution.id))));
    assert.match(message, /succeeded/);
    const stored = await core.call('get_run', { run_id: execution.id });
    assert.deepEqual(stored.execution, execution);
  });

  test('failed, timed out: the status says which, with the exit code', async () => {
    const failed = await core.call('execute_code', {
      language: 'python',
      code: 'import sys\nsys.exit(3)',
    });
    assert.equal(failed.execution.status, 'failed');
    assert.equal(failed.execution.exit_code, 3);
    const slow = await core.call('execute_code', {
      language: 'bash',
      code: 'sleep 30',
      timeout: 1,
    });
    assert.equal(slow.execution.status, 'timed_out');
    assert.ok(slow.execution.duration_ms! < 10_000);
  });

  test('cancelling the call cancels the run', async () => {
    const abort = new AbortController();
    const pending = core.orchestrator.call(
      'execute_code',
      { language: 'bash', code: 'echo started; sleep 30' },
      { signal: abort.signal },
    );
    setTimeout(() => abort.abort(), 500);
    const { execution } = await pending;
    assert.equal(execution.status, 'cancelled');
    assert.ok(execution.duration_ms! < 10_000);
  });

  test('a long run does not hold other calls up', async () => {
    const run = core.call('execute_code', { language: 'bash', code: 'sleep 2; echo done' });
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await core.call('create_task', { title: 'Made while code runs', project_id: 'code' });
    assert.ok(performance.now() - started < 1500, 'create_task waited for the run');
    assert.equal((await run).execution.status, 'succeeded');
  });

  test('events: run.started, output, run.finished, in that order', async () => {
    const { execution } = await core.call('execute_code', {
      language: 'javascript',
      code: 'for (let i = 0; i < 3; i++) console.log("line " + i);',
    });
    const events = runEvents(execution.id);
    assert.equal(events[0]!.type, 'run.started');
    assert.equal(events.at(-1)!.type, 'run.finished');
    const output = events.filter((event) => event.type === 'run.output');
    assert.ok(output.length >= 1);
    const text = output.map((event) => (event.after as { text: string }).text).join('');
    assert.match(text, /line 0[\s\S]*line 2/);
    const finished = events.at(-1)!.after as { status: string; exit_code: number };
    assert.equal(finished.status, 'succeeded');
    assert.equal(finished.exit_code, 0);
  });

  test('a flood leaves a bounded number of output events; the log has it all', async () => {
    const { execution } = await core.call('execute_code', {
      language: 'bash',
      code: 'yes flood',
      timeout: 2,
    });
    assert.equal(execution.status, 'timed_out');
    assert.ok(execution.total_bytes > 1_000_000, `only ${execution.total_bytes} bytes`);
    assert.equal(execution.truncated, true);
    const output = runEvents(execution.id).filter((event) => event.type === 'run.output');
    const seconds = 2 + 3; // the timeout, plus the kill grace and slack
    const bound = Math.ceil((BURST_BYTES + RATE_BYTES * seconds) / MIN_EVENT_BYTES) + 2;
    assert.ok(output.length <= bound, `${output.length} output events, over ${bound}`);
    const written = output.reduce(
      (sum, event) => sum + Buffer.byteLength((event.after as { text: string }).text),
      0,
    );
    assert.ok(written <= BURST_BYTES + RATE_BYTES * seconds + 16 * 1024);
    const dropped = output.reduce(
      (sum, event) => sum + (event.after as { dropped_bytes: number }).dropped_bytes,
      0,
    );
    assert.ok(dropped > 0, 'the flood should have left bytes out of the events');
  });

  test('get_task include_executions lists the task runs, newest first', async () => {
    const { task } = await core.call('create_task', { title: 'Twice', project_id: 'code' });
    await core.call('execute_code', { task_id: task.id, language: 'bash', code: 'exit 0' });
    await core.call('execute_code', { task_id: task.id, language: 'bash', code: 'exit 4' });
    const view = await core.call('get_task', { task_id: task.id, include_executions: true });
    assert.equal(view.executions!.length, 2);
    const [latest, first] = view.executions!;
    assert.equal(latest!.exit_code, 4);
    assert.equal(latest!.status, 'failed');
    assert.equal(first!.status, 'succeeded');
    assert.ok(latest!.sandbox_kind === 'bubblewrap' || latest!.sandbox_kind === 'rlimits');
    const plain = await core.call('get_task', { task_id: task.id });
    assert.equal(plain.executions, undefined);
  });

  test('a working_directory inside the project root is where the code runs', async () => {
    const { execution } = await core.call('execute_code', {
      project_id: 'code',
      language: 'bash',
      code: 'pwd',
      working_directory: 'src',
    });
    assert.equal(execution.status, 'succeeded');
    assert.match(execution.head, /code\/src/);
    assert.equal(execution.working_directory, join(projectRoot, 'src'));
  });

  test('bad input: a clear error, and nothing recorded or run', async () => {
    const unchanged = snapshot(core);
    const cases: [unknown, RegExp][] = [
      [{ language: 'cobol', code: 'x' }, /language must be one of python/],
      [{ language: 'bash', code: '   ' }, /code is empty/],
      [{ language: 'bash', code: 'true', timeout: 0 }, /timeout must be a whole number/],
      [{ language: 'bash', code: 'true', timeout: 365 * 86400 }, /timeout must be a whole number/],
      [
        { project_id: 'code', language: 'bash', code: 'true', working_directory: '../..' },
        /contains "\.\."/,
      ],
      [
        { project_id: 'code', language: 'bash', code: 'true', working_directory: '/etc' },
        /outside the project's root/,
      ],
      [{ task_id: 999, language: 'bash', code: 'true' }, /999/],
      [{ language: 'bash', code: 'true', packages: ['x'] }, /packages apply to javascript/],
      [{ language: 'javascript', code: '1', packages: ['../evil'] }, /not an npm package name/],
      [{ language: 'javascript', code: '1', packages: ['--global'] }, /not an npm package name/],
      [{ language: 'python', code: '1', packages: ['git+https://x'] }, /not a Python package/],
    ];
    for (const [input, message] of cases) {
      const error = await core.fails('execute_code', input);
      assert.match(error.message, message, JSON.stringify(input));
    }
    assert.equal(snapshot(core), unchanged);
  });
});
