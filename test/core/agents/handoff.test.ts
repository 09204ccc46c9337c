import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { asAgent, workSnapshot } from './work-snapshot.ts';

describe('prepare_handoff and resume_work', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  /** Agent claude works on a task: steps, a note, a context, an artifact and a question. */
  async function workInProgress() {
    const [id] = await createTasks(core, 'Parser');
    const claude = asAgent(core, 'claude');
    await claude.call('claim_task', { task_id: id! });
    await claude.call('set_checkpoints', { task_id: id!, steps: ['lexer', 'grammar', 'errors'] });
    await claude.call('check_step', { task_id: id!, step: 'lexer' });
    await claude.call('update_progress', { task_id: id!, note: 'grammar half written' });
    await claude.call('save_context', {
      task_id: id!,
      context: {
        current_task: 'grammar',
        decisions: ['hand-written recursive descent'],
        criticalDecisions: { ignored: 'the first field present wins' },
        open_questions: ['keep the old error codes?'],
      },
    });
    await claude.call('store_artifact', { task_id: id!, name: 'notes.md', content: '# notes' });
    return { id: id!, claude };
  }

  test('a handoff sums up steps, decisions, questions, notes and artifacts, and is kept', async () => {
    const { id, claude } = await workInProgress();
    await claude.call('request_intervention', { task_id: id, question: 'Which dialect first?' });
    const { handoff, message } = await claude.call('prepare_handoff', {
      note: 'start with errors.ts',
    });
    assert.equal(handoff.task.id, id);
    assert.equal(handoff.task.status, 'needs_input');
    assert.equal(handoff.note, 'start with errors.ts');
    assert.deepEqual(handoff.completed_steps, ['lexer']);
    assert.deepEqual(handoff.next_steps, ['grammar', 'errors']);
    assert.deepEqual(handoff.decisions, ['hand-written recursive descent']);
    assert.deepEqual(handoff.open_questions, [
      'keep the old error codes?',
      'Which dialect first? (asked the person, waiting)',
    ]);
    assert.equal(handoff.progress_notes[0]?.note, 'grammar half written');
    assert.deepEqual(
      handoff.artifacts.map((a) => a.name),
      ['notes.md'],
    );
    assert.equal(handoff.prepared_by, 'agent:claude#s1');
    assert.match(message, /next: grammar/);
    const event = core.orchestrator.store.db
      .prepare("SELECT task_id, after FROM events WHERE type = 'handoff.prepared'")
      .get() as { task_id: number; after: string };
    assert.equal(event.task_id, id);
    assert.deepEqual(JSON.parse(event.after).next_steps, ['grammar', 'errors']);
  });

  test('the same agent in a new session resumes its task with its context and handoff', async () => {
    const { id, claude } = await workInProgress();
    await claude.call('prepare_handoff', {});
    const later = asAgent(core, 'claude', 's2');
    const resumed = await later.call('resume_work', {});
    assert.equal(resumed.agent, 'claude');
    assert.equal(resumed.task?.id, id);
    assert.equal((resumed.context!.context as { current_task: string }).current_task, 'grammar');
    assert.deepEqual(resumed.handoff?.next_steps, ['grammar', 'errors']);
    assert.match(
      resumed.message,
      /Continue #\d+ Parser \(in_progress, 33%\) where claude left off; next: grammar/,
    );
  });

  test('another agent that takes the task over resumes from the first one’s handoff', async () => {
    const { id, claude } = await workInProgress();
    await claude.call('prepare_handoff', { task_id: id });
    await claude.call('release_task', { task_id: id, reason: 'out of time' });
    const codex = asAgent(core, 'codex', 's9');
    const idle = await codex.call('resume_work', {});
    assert.equal(idle.task, null);
    await codex.call('claim_task', { task_id: id });
    const resumed = await codex.call('resume_work', {});
    assert.equal(resumed.task?.id, id);
    assert.equal(resumed.context?.owner, 'claude');
    assert.equal(resumed.handoff?.prepared_by, 'agent:claude#s1');
    // and anyone may look at where claude stands
    const ofClaude = await codex.call('resume_work', { agent: 'claude' });
    assert.equal(ofClaude.task, null);
    assert.equal(ofClaude.context, null, "claude's general context stays its own");
    assert.equal(ofClaude.recent[0]?.id, id);
    assert.match(ofClaude.message, /Nothing unfinished for claude.*Last touched: #\d+ Parser/);
  });

  test('with nothing unfinished, resume_work says so and lists what the agent did last', async () => {
    const [a, b] = await createTasks(core, 'First', 'Second');
    const claude = asAgent(core, 'claude');
    await claude.call('claim_task', { task_id: a! });
    await claude.call('update_task_status', { task_id: a!, status: 'completed' });
    await claude.call('claim_task', { task_id: b! });
    await claude.call('update_task_status', { task_id: b!, status: 'completed' });
    await claude.call('save_context', { context: 'between tasks' });
    const resumed = await claude.call('resume_work', {});
    assert.equal(resumed.task, null);
    assert.deepEqual(
      resumed.recent.map((t) => t.id),
      [b, a],
    );
    assert.equal(resumed.context?.context, 'between tasks');
    assert.match(
      resumed.message,
      /^Nothing unfinished for claude: no task in in_progress, needs_input, review/,
    );
    const never = await asAgent(core, 'gemini').call('resume_work', {});
    assert.match(never.message, /It has no recorded activity/);
  });

  test('without checkpoints the steps come from the saved context', async () => {
    const [id] = await createTasks(core, 'Docs');
    const claude = asAgent(core, 'claude');
    await claude.call('claim_task', { task_id: id! });
    await claude.call('save_context', {
      task_id: id!,
      context: {
        completedSteps: ['outline'],
        nextSteps: ['examples'],
        criticalDecisions: { tone: 'terse' },
      },
    });
    const { handoff } = await claude.call('prepare_handoff', {});
    assert.deepEqual(handoff.completed_steps, ['outline']);
    assert.deepEqual(handoff.next_steps, ['examples']);
    assert.deepEqual(handoff.decisions, ['tone: terse']);
  });

  test('prepare_handoff with nothing unfinished or a missing task is refused and changes nothing', async () => {
    const claude = asAgent(core, 'claude');
    const before = workSnapshot(core);
    const none = await claude.fails('prepare_handoff', {});
    assert.equal(none.code, 'NOT_FOUND');
    assert.match(none.message, /claude has no unfinished task/);
    assert.equal((await claude.fails('prepare_handoff', { task_id: 404 })).code, 'NOT_FOUND');
    assert.equal((await claude.fails('resume_work', { agent: '' })).code, 'VALIDATION');
    assert.equal(workSnapshot(core), before);
  });
});
