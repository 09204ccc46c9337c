import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { asAgent, workSnapshot } from './work-snapshot.ts';

function eventsOf(core: TestCore, type: string) {
  return core.orchestrator.store.db
    .prepare('SELECT actor, task_id, before, after FROM events WHERE type = ? ORDER BY id')
    .all(type) as { actor: string; task_id: number; before: string; after: string }[];
}

async function startedTask(core: TestCore, title = 'Build the parser'): Promise<number> {
  const [id] = await createTasks(core, title);
  await core.call('update_task_status', { task_id: id!, status: 'in_progress' });
  return id!;
}

describe('update_progress', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('sets the percent, keeps the note and records task.progress', async () => {
    const id = await startedTask(core);
    const out = await core.call('update_progress', {
      task_id: id,
      percent: 40,
      note: 'lexer done',
    });
    assert.equal(out.progress, 40);
    assert.equal(out.source, 'reported');
    assert.match(out.message, /40% — lexer done/);
    assert.equal((await core.call('get_task', { task_id: id })).task.progress, 40);
    const [event] = eventsOf(core, 'task.progress');
    assert.equal(event!.task_id, id);
    assert.deepEqual(JSON.parse(event!.before).progress, 0);
    assert.equal(JSON.parse(event!.after).note, 'lexer done');
  });

  test('a note alone keeps the percent', async () => {
    const id = await startedTask(core);
    await core.call('update_progress', { task_id: id, percent: 25 });
    const out = await core.call('update_progress', { task_id: id, note: 'still on the lexer' });
    assert.equal(out.progress, 25);
    const notes = core.orchestrator.store.progress.latestNotes(id, 5);
    assert.deepEqual(
      notes.map((n) => [n.percent, n.note]),
      [
        [25, 'still on the lexer'],
        [25, null],
      ],
    );
  });

  test('refuses a task not being worked on, naming its status, and changes nothing', async () => {
    const [pending, done, cancelled] = await createTasks(core, 'P', 'D', 'C');
    await core.call('update_task_status', { task_id: done!, status: 'completed' });
    await core.call('update_task_status', { task_id: cancelled!, status: 'cancelled' });
    const before = workSnapshot(core);
    for (const [id, status] of [
      [pending!, 'pending'],
      [done!, 'completed'],
      [cancelled!, 'cancelled'],
    ] as const) {
      const error = await core.fails('update_progress', { task_id: id, percent: 50 });
      assert.equal(error.code, 'VALIDATION');
      assert.match(
        error.message,
        new RegExp(`is ${status}; progress is recorded only on a task being worked on`),
      );
    }
    assert.equal(workSnapshot(core), before);
  });

  test('refuses bad input and a missing task, changing nothing', async () => {
    const id = await startedTask(core);
    const before = workSnapshot(core);
    const empty = await core.fails('update_progress', { task_id: id });
    assert.equal(empty.code, 'VALIDATION');
    assert.match(empty.message, /send a percent, a note, or both/);
    assert.equal(
      (await core.fails('update_progress', { task_id: id, percent: 101 })).code,
      'VALIDATION',
    );
    assert.equal(
      (await core.fails('update_progress', { task_id: id, percent: 2.5 })).code,
      'VALIDATION',
    );
    assert.equal(
      (await core.fails('update_progress', { task_id: id, note: '' })).code,
      'VALIDATION',
    );
    assert.equal(
      (await core.fails('update_progress', { task_id: 99, percent: 5 })).code,
      'NOT_FOUND',
    );
    assert.equal(workSnapshot(core), before);
  });

  test('an agent may not report progress on a task another agent holds', async () => {
    const [id] = await createTasks(core, 'Shared');
    const claude = asAgent(core, 'claude');
    const codex = asAgent(core, 'codex');
    await claude.call('claim_task', { task_id: id! });
    const before = workSnapshot(core);
    const error = await codex.fails('update_progress', { task_id: id!, percent: 10 });
    assert.equal(error.code, 'FORBIDDEN');
    assert.match(error.message, /leased by claude/);
    assert.equal(
      (await codex.fails('set_checkpoints', { task_id: id!, steps: ['a'] })).code,
      'FORBIDDEN',
    );
    assert.equal(workSnapshot(core), before);
    assert.equal(
      (await claude.call('update_progress', { task_id: id!, percent: 10 })).progress,
      10,
    );
  });
});

describe('checkpoints', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('progress follows the steps; a reported percent is then ignored and the reply says so', async () => {
    const id = await startedTask(core);
    const set = await core.call('set_checkpoints', {
      task_id: id,
      steps: ['tokens', { name: 'grammar', done: true }, 'errors'],
    });
    assert.equal(set.progress, 33);
    assert.equal(set.source, 'checkpoints');
    const reported = await core.call('update_progress', {
      task_id: id,
      percent: 90,
      note: 'going well',
    });
    assert.equal(reported.progress, 33);
    assert.match(
      reported.message,
      /The 90% you sent was ignored: the task has checkpoints, so its progress is 33% \(1 of 3 steps done\)/,
    );
    const byName = await core.call('check_step', { task_id: id, step: 'TOKENS' });
    assert.equal(byName.progress, 67);
    const byIndex = await core.call('check_step', { task_id: id, step: 3 });
    assert.equal(byIndex.progress, 100);
    const undone = await core.call('check_step', { task_id: id, step: 2, done: false });
    assert.equal(undone.progress, 67);
    const view = await core.call('get_task', { task_id: id });
    assert.equal(view.task.progress, 67);
    assert.deepEqual(
      view.checkpoints.map((s) => [s.position, s.name, s.done]),
      [
        [1, 'tokens', true],
        [2, 'grammar', false],
        [3, 'errors', true],
      ],
    );
    assert.equal(eventsOf(core, 'task.checkpoints_changed').length, 4);
  });

  test('replacing the list keeps done flags by name; an empty list removes them', async () => {
    const id = await startedTask(core);
    await core.call('set_checkpoints', { task_id: id, steps: ['a', 'b'] });
    const checked = await core.call('check_step', { task_id: id, step: 'a' });
    const doneAt = checked.checkpoints[0]!.done_at;
    const replaced = await core.call('set_checkpoints', { task_id: id, steps: ['c', 'A', 'b'] });
    assert.deepEqual(
      replaced.checkpoints.map((s) => [s.name, s.done, s.done_at]),
      [
        ['c', false, null],
        ['A', true, doneAt],
        ['b', false, null],
      ],
    );
    assert.equal(replaced.progress, 33);
    const again = await core.call('set_checkpoints', { task_id: id, steps: ['c', 'A', 'b'] });
    assert.match(again.message, /nothing changed/);
    const cleared = await core.call('set_checkpoints', { task_id: id, steps: [] });
    assert.equal(cleared.source, 'reported');
    assert.equal(cleared.progress, 33);
    assert.equal((await core.call('update_progress', { task_id: id, percent: 80 })).progress, 80);
  });

  test('update_task cannot set the percent of a task with checkpoints; it says how to change it', async () => {
    const id = await startedTask(core);
    await core.call('set_checkpoints', { task_id: id, steps: ['tokens', 'grammar', 'errors'] });
    await core.call('check_step', { task_id: id, step: 'tokens' });
    const before = workSnapshot(core);
    for (const input of [
      { task_id: id, progress: 90 },
      { task_id: id, progress: 90, title: 'Renamed too' },
    ]) {
      const refused = await core.fails('update_task', input);
      assert.equal(refused.code, 'VALIDATION');
      assert.match(
        refused.message,
        /#\d+ "Build the parser" has checkpoints \(1 of 3 steps done\), so its progress is derived from them \(33%\) and cannot be set to 90% directly; nothing changed\. Mark steps done/,
      );
      assert.match(refused.message, /check_step/);
      assert.match(refused.message, /"grammar"/);
    }
    const asAgentToo = await asAgent(core, 'claude').fails('update_task', {
      task_id: id,
      progress: 50,
    });
    assert.equal(asAgentToo.code, 'VALIDATION');
    assert.equal(workSnapshot(core), before);
    // the percent it already has is no change; the other fields go through
    const same = await core.call('update_task', { task_id: id, progress: 33, title: 'Parser' });
    assert.deepEqual(same.changed, ['title']);
    await core.call('set_checkpoints', { task_id: id, steps: [] });
    assert.equal((await core.call('update_task', { task_id: id, progress: 90 })).task.progress, 90);
  });

  test('checking a step twice changes nothing the second time', async () => {
    const id = await startedTask(core);
    await core.call('set_checkpoints', { task_id: id, steps: ['a'] });
    await core.call('check_step', { task_id: id, step: 1 });
    const before = workSnapshot(core);
    const again = await core.call('check_step', { task_id: id, step: 1 });
    assert.match(again.message, /already done; nothing changed/);
    assert.equal(workSnapshot(core), before);
  });

  test('refusals name the problem and change nothing', async () => {
    const id = await startedTask(core);
    const [closed] = await createTasks(core, 'Closed');
    await core.call('update_task_status', { task_id: closed!, status: 'completed' });
    const none = workSnapshot(core);
    const noSteps = await core.fails('check_step', { task_id: id, step: 1 });
    assert.equal(noSteps.code, 'NOT_FOUND');
    assert.match(noSteps.message, /has no checkpoints/);
    assert.equal(workSnapshot(core), none);
    await core.call('set_checkpoints', { task_id: id, steps: ['lex', 'parse'] });
    const before = workSnapshot(core);
    const unknown = await core.fails('check_step', { task_id: id, step: 'emit' });
    assert.equal(unknown.code, 'NOT_FOUND');
    assert.match(unknown.message, /no step "emit"\. Its steps: 1\. lex; 2\. parse/);
    assert.equal((await core.fails('check_step', { task_id: id, step: 3 })).code, 'NOT_FOUND');
    const twice = await core.fails('set_checkpoints', { task_id: id, steps: ['a', 'b', 'A'] });
    assert.equal(twice.code, 'VALIDATION');
    assert.match(twice.message, /"A" is both step 1 and step 3/);
    const many = Array.from({ length: 101 }, (_, i) => `step ${i}`);
    assert.match(
      (await core.fails('set_checkpoints', { task_id: id, steps: many })).message,
      /at most 100 steps/,
    );
    assert.equal(
      (await core.fails('set_checkpoints', { task_id: id, steps: [''] })).code,
      'VALIDATION',
    );
    const shut = await core.fails('set_checkpoints', { task_id: closed!, steps: ['a'] });
    assert.equal(shut.code, 'VALIDATION');
    assert.match(shut.message, /is completed; a closed task cannot have its steps changed/);
    assert.equal(
      (await core.fails('check_step', { task_id: closed!, step: 1 })).code,
      'VALIDATION',
    );
    assert.equal(workSnapshot(core), before);
  });
});
