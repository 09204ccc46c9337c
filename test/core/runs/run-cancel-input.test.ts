// cancel_run and send_run_input as callers use them: typing into a run while it waits for input,
// stopping it from this process or from another process on the same database file (the owner
// polls for the mark), and the refusals: an ended run, an unknown one, another agent's run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Caller } from '../../../src/core/call-context.ts';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { agent, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
let taskId = 0;
before(async () => {
  core = openTestCore();
  taskId = (await core.call('create_task', { title: 'runs code' })).task.id;
});
after(() => core.dispose());

/** Starts a run of a task and resolves, once `marker` was printed, with its id and its end. */
async function startRun(
  code: string,
  marker: string,
  {
    task = taskId,
    caller,
    output,
  }: { task?: number; caller?: Caller; output?: (chunk: string) => void } = {},
) {
  let text = '';
  let seen!: () => void;
  const printed = new Promise<void>((resolve) => (seen = resolve));
  const ended = core.orchestrator.call(
    'execute_code',
    { task_id: task, language: 'python', code, timeout: 60 },
    {
      ...(caller ? { caller } : { actor: 'test' }),
      output: (chunk) => {
        output?.(chunk);
        text += chunk;
        if (text.includes(marker)) seen();
      },
    },
  );
  await printed;
  const { executions } = await core.call('get_task', {
    task_id: task,
    include_executions: true,
  });
  const running = executions!.find((run) => run.status === 'running');
  assert.ok(running, 'the run is listed as running while it runs');
  return { id: running.id, ended };
}

describe('send_run_input', () => {
  it('types a line into a run waiting for it, and can close its input', async () => {
    const run = await startRun(
      'import sys\nname = input("name?")\nprint("got", name.upper())\nprint("rest", len(sys.stdin.read()))',
      'name?',
    );
    const typed = await core.call('send_run_input', { run_id: run.id, text: 'world\nab' });
    assert.equal(typed.bytes, 8);
    await core.call('send_run_input', { run_id: run.id, end_input: true });
    const { execution } = await run.ended;
    assert.equal(execution.status, 'succeeded', execution.head);
    assert.match(execution.head, /got WORLD/);
    assert.match(execution.head, /rest 2/);
    const ended = await core.fails('send_run_input', { run_id: run.id, text: 'late\n' });
    assert.equal(ended.code, 'CONFLICT');
    assert.match(ended.message, /has ended \(succeeded\); it takes no more input/);
  });
});

describe('cancel_run', () => {
  it('stops a run of this process; a second cancel says it had ended', async () => {
    const run = await startRun('import time\nprint("ready", flush=True)\ntime.sleep(60)', 'ready');
    const cancelled = await core.call('cancel_run', { run_id: run.id });
    const { execution } = await run.ended;
    assert.equal(execution.status, 'cancelled');
    assert.match(cancelled.message, /cancelled|being stopped/);
    const again = await core.call('cancel_run', { run_id: run.id });
    assert.equal(again.execution.status, 'cancelled');
    assert.match(again.message, /had already ended \(cancelled\); nothing to stop/);
  });

  it('types into and stops a run of another process on the same database file', async () => {
    let seen = '';
    const run = await startRun(
      'import time\nline = input("ready")\nprint("echo", line.upper(), flush=True)\ntime.sleep(60)',
      'ready',
      { output: (chunk) => (seen += chunk) },
    );
    const other = new Orchestrator({ databasePath: core.databasePath, watchIntervalMs: false });
    try {
      const typed = await other.call(
        'send_run_input',
        { run_id: run.id, text: 'from afar\n' },
        { actor: 'cli:someone' },
      );
      assert.equal(typed.bytes, 10);
      // the owner takes queued input on its next look
      while (!seen.includes('echo FROM AFAR'))
        await new Promise((resolve) => setTimeout(resolve, 20));
      const asked = await other.call('cancel_run', { run_id: run.id }, { actor: 'cli:someone' });
      assert.equal(asked.execution.status, 'running');
      assert.match(asked.message, /is being stopped/);
    } finally {
      other.dispose();
    }
    const { execution } = await run.ended;
    assert.equal(execution.status, 'cancelled');
  });

  it('refuses an unknown run, and an agent stopping a run it did not start', async () => {
    assert.equal((await core.fails('cancel_run', { run_id: 99_999 })).code, 'NOT_FOUND');
    assert.equal((await core.fails('cancel_run', { run_id: 0 })).code, 'VALIDATION');
    const codex = agent('codex');
    const claude = agent('claude');
    const { task } = await core.callAs(claude, 'create_task', { title: 'claude works here' });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    const run = await startRun('import time\nprint("ready", flush=True)\ntime.sleep(60)', 'ready', {
      task: task.id,
      caller: claude,
    });
    const runId = run.id;
    const refused = await core.failsAs(codex, 'cancel_run', { run_id: runId });
    assert.equal(refused.code, 'FORBIDDEN');
    const typed = await core.failsAs(codex, 'send_run_input', { run_id: runId, text: 'x' });
    assert.equal(typed.code, 'FORBIDDEN');
    // its own agent may stop it
    await core.callAs(claude, 'cancel_run', { run_id: runId });
    assert.equal((await run.ended).execution.status, 'cancelled');
  });
});

describe('live output', () => {
  it('reaches a subscriber of the same process while the run goes, with no other call', async () => {
    // no lease sweeper: its 5-second poll of the event log would hide a feed that never looks
    const watched = new Orchestrator({ databasePath: core.databasePath, leaseSweepMs: false });
    try {
      let sawOutput!: (runId: number) => void;
      const output = new Promise<number>((resolve) => (sawOutput = resolve));
      watched.subscribe((event) => {
        if (event.type === 'run.output') sawOutput(event.after.run_id);
      });
      const run = watched.call(
        'execute_code',
        { language: 'bash', code: 'echo early; sleep 10' },
        { actor: 'test' },
      );
      // the run is still going (10 s) when its output arrives: nothing else polled the log
      const runId = await output;
      assert.equal((await watched.call('get_run', { run_id: runId })).execution.status, 'running');
      await watched.call('cancel_run', { run_id: runId }, { actor: 'test' });
      assert.equal((await run).execution.status, 'cancelled');
    } finally {
      watched.dispose();
    }
  });
});
