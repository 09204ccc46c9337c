// The window's attention store against a real core over the client protocol (in process): it
// reads what already waits, follows agents' questions, review requests and silent agents as they
// happen, announces each once, and its actions answer, approve, reject and dismiss for real.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  connectInProcess,
  type InProcessConnection,
} from '../../../src/host/protocol/in-process.ts';
import { attentionCount } from '../../../src/shared/attention/attention-state.ts';
import type { AttentionNotice } from '../../../src/shared/attention/notification-for.ts';
import { AttentionModel } from '../../../src/renderer/stores/attention-store.ts';
import { FakeClock } from '../../core/agents/claim-helpers.ts';
import { agent, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

const claude = agent('claude');

let core: TestCore;
let clock: FakeClock;
let connection: InProcessConnection;
let model: AttentionModel;
let stop: () => void;
let notices: AttentionNotice[];

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}.`);
    await delay(5);
  }
}

const state = () => model.store.getState();

async function ask(taskId: number, question: string, options?: string[]) {
  return core.callAs(claude, 'request_intervention', {
    task_id: taskId,
    question,
    ...(options ? { options } : {}),
  });
}

async function startModel() {
  connection = connectInProcess(core.orchestrator);
  model = new AttentionModel(connection.client);
  notices = [];
  model.onNotice((notice) => notices.push(notice));
  stop = model.start();
  await until(() => state().phase === 'ready', 'the first read');
}

beforeEach(() => {
  clock = new FakeClock();
  core = openTestCore({ clock });
});

afterEach(() => {
  stop?.();
  connection?.client.dispose();
  core.dispose();
});

describe('attention store', () => {
  test('reads what already waits: questions with their options and task titles, reviews', async () => {
    const { task } = await core.call('create_task', { title: 'Cache layer' });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    await ask(task.id, 'Which store?', ['SQLite', 'Redis']);
    await startModel();
    assert.deepEqual(
      state().questions.map((q) => [q.ticket, q.options]),
      [['Q-1', ['SQLite', 'Redis']]],
    );
    assert.equal(state().titles[task.id], 'Cache layer');
    assert.equal(attentionCount(state()), 1);
    assert.deepEqual(notices, [], 'what waited before is not announced again');
  });

  test("an agent's new question arrives live, announced once; answering it reaches the agent", async () => {
    const { task } = await core.call('create_task', { title: 'Cache layer' });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    await startModel();
    const { ticket } = await ask(task.id, 'Which store?', ['SQLite', 'Redis']);
    await until(() => state().questions.length === 1, 'the question');
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.target.key, `question-${ticket}`);
    await until(() => state().titles[task.id] === 'Cache layer', 'its task title');

    const waiting = core.callAs(claude, 'wait_for_intervention', { ticket, timeout_s: 10 });
    await state().answer(ticket, { option: 'Redis', answer: 'it is already deployed' });
    const answered = await waiting;
    assert.deepEqual(
      [answered.status, answered.chosen_option, answered.answer],
      ['answered', 'Redis', 'it is already deployed'],
    );
    assert.deepEqual(state().questions, []);
    assert.equal(state().history[0]!.ticket, ticket);
    await delay(50);
    assert.equal(state().history.length, 1, 'the answered event does not add it twice');
  });

  test('a refused answer rejects with the server message and leaves the question open', async () => {
    const { task } = await core.call('create_task', { title: 'Cache layer' });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    const { ticket } = await ask(task.id, 'Which store?', ['SQLite', 'Redis']);
    await startModel();
    await assert.rejects(state().answer(ticket, { option: 'Postgres' }), (error: Error) => {
      assert.match(error.message, /option/i);
      return true;
    });
    assert.equal(state().questions.length, 1);
  });

  test('a gated task handed in shows as a review; approving it completes the task', async () => {
    const { task } = await core.call('create_task', { title: 'Ship it' });
    await core.call('set_approval_gate', { task_id: task.id });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    await startModel();
    await core.callAs(claude, 'update_task_status', { task_id: task.id, status: 'completed' });
    await until(() => state().reviews.length === 1, 'the review');
    assert.equal(state().reviews[0]!.title, 'Ship it');
    assert.deepEqual(
      notices.map((n) => n.target.key),
      [`review-${task.id}`],
    );
    await state().approve(task.id);
    assert.deepEqual(state().reviews, []);
    assert.equal((await core.call('get_task', { task_id: task.id })).task.status, 'completed');
  });

  test('rejecting sends the task back with the reason', async () => {
    const { task } = await core.call('create_task', { title: 'Ship it' });
    await core.call('set_approval_gate', { task_id: task.id });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    await core.callAs(claude, 'update_task_status', { task_id: task.id, status: 'completed' });
    await startModel();
    assert.equal(state().reviews.length, 1);
    await state().reject(task.id, 'The tests are missing');
    assert.deepEqual(state().reviews, []);
    assert.equal((await core.call('get_task', { task_id: task.id })).task.status, 'in_progress');
  });

  test('an agent gone silent shows until dismissed, in every window', async () => {
    const { task } = await core.call('create_task', { title: 'Abandoned' });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    await startModel();
    clock.advance(16);
    assert.equal(core.orchestrator.sweepLeases(), 1);
    // a sweep's events go out with the next call, as the sweeper's own poll would send them
    await core.call('get_task', { task_id: task.id });
    await until(() => state().silent.length === 1, 'the silent agent');
    assert.match(state().silent[0]!.message, /claude went silent on #\d+ "Abandoned"/);
    assert.equal(notices.at(-1)!.target.item, 'silent');

    const other = new AttentionModel(connectInProcess(core.orchestrator).client);
    const stopOther = other.start();
    await until(() => other.store.getState().phase === 'ready', 'the second window');
    assert.equal(other.store.getState().silent.length, 1);
    await state().dismissSilent([state().silent[0]!.id]);
    await until(() => other.store.getState().silent.length === 0, 'the other window to follow');
    stopOther();
  });
});
