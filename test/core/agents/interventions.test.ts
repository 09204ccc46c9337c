// Questions an agent asks the person: the task waits in needs_input and comes back when the
// question is answered or cancelled; refusals change nothing; waiting is a long-poll that never
// holds up other calls.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Caller } from '../../../src/core/call-context.ts';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { AppError } from '../../../src/shared/errors.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../../src/shared/operations/registry.ts';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

const CLAUDE: Caller = { kind: 'agent', name: 'claude', session: 's1' };
const CODEX: Caller = { kind: 'agent', name: 'codex', session: 's9' };
const ALICE: Caller = { kind: 'person', name: 'alice' };

let core: TestCore;

function as<N extends OperationName>(
  caller: Caller,
  name: N,
  input: OperationInput<N>,
  options: { signal?: AbortSignal; deadline?: number } = {},
): Promise<OperationOutput<N>> {
  return core.orchestrator.call(name, input, { caller, ...options });
}

/** Everything a refused call must leave as it was, questions included. */
function state(): string {
  const rows = core.orchestrator.store.db.prepare('SELECT * FROM interventions ORDER BY id').all();
  return snapshot(core) + JSON.stringify(rows);
}

async function startedTask(title = 'Pick a database'): Promise<number> {
  const { task } = await core.call('create_task', { title });
  await core.call('update_task_status', { task_id: task.id, status: 'in_progress' });
  return task.id;
}

async function eventsOf(type: string) {
  const { events } = await core.call('list_events', { after_id: 0, limit: 500 });
  return events.filter((event) => event.type === type);
}

beforeEach(() => (core = openTestCore()));
afterEach(() => core.dispose());

describe('asking and answering', () => {
  test('asking returns a ticket at once, parks the task in needs_input and tells the person', async () => {
    const taskId = await startedTask();
    const asked = await as(CLAUDE, 'request_intervention', {
      task_id: taskId,
      kind: 'approval',
      question: 'Postgres or SQLite for the cache?',
      options: ['Postgres', 'SQLite'],
      urgency: 'high',
    });
    assert.equal(asked.ticket, 'Q-1');
    assert.equal(asked.status, 'open');
    assert.deepEqual(asked.task, { id: taskId, title: 'Pick a database', status: 'needs_input' });
    const { intervention } = await as(CLAUDE, 'get_intervention', { ticket: 'Q-1' });
    assert.equal(intervention.status, 'open');
    assert.equal(intervention.previous_status, 'in_progress');
    assert.equal(intervention.agent, 'claude');
    assert.equal(intervention.asked_by, 'agent:claude#s1');
    assert.deepEqual(intervention.options, ['Postgres', 'SQLite']);
    const inbox = await as(ALICE, 'get_notifications', {});
    assert.equal(inbox.notifications.length, 1);
    assert.equal(inbox.notifications[0]!.kind, 'question');
    assert.match(
      inbox.notifications[0]!.message,
      /^Q-1 \[high\] claude asks about #1 .*Postgres or SQLite/,
    );
    const [requested] = await eventsOf('intervention.requested');
    assert.equal(requested!.actor, 'agent:claude#s1');
    assert.equal(requested!.task_id, taskId);
  });

  test('a ticket is accepted as Q-7, q7, 7 or the number', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which port?' });
    for (const ticket of ['Q-1', 'q1', ' 1 ', 1])
      assert.equal((await as(CLAUDE, 'get_intervention', { ticket })).intervention.ticket, 'Q-1');
  });

  test("answering restores the task's status, records who answered and tells the agent", async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', {
      task_id: taskId,
      question: 'Postgres or SQLite?',
      options: ['Postgres', 'SQLite'],
    });
    const answered = await as(ALICE, 'answer_intervention', {
      ticket: 'Q-1',
      option: 2,
      answer: 'keep it local',
    });
    assert.equal(answered.task.status, 'in_progress');
    assert.equal(answered.intervention.status, 'answered');
    assert.equal(answered.intervention.chosen_option, 'SQLite');
    assert.equal(answered.intervention.answer, 'keep it local');
    assert.equal(answered.intervention.answered_by, 'human:alice');
    assert.match(answered.message, /task #1 is in_progress again/);
    const mine = await as(CLAUDE, 'get_notifications', {});
    assert.deepEqual(
      mine.notifications.map((n) => [n.kind, n.task_id]),
      [['answered', taskId]],
    );
    assert.match(
      mine.notifications[0]!.message,
      /Q-1 .*answered by human:alice: \[SQLite\] keep it local/,
    );
    // the question left the person's inbox
    assert.equal((await as(ALICE, 'get_notifications', {})).notifications.length, 0);
    assert.equal((await eventsOf('intervention.answered')).length, 1);
  });

  test('once the asking agent has the answer from the question, its notice is read', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which port?' });
    await as(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: '4319' });
    const unread = async (caller: Caller) =>
      (await as(caller, 'get_notifications', {})).notifications.map((n) => n.kind);
    assert.deepEqual(await unread(CLAUDE), ['answered']);
    // another agent reading the question changes nothing for claude
    await as(CODEX, 'get_intervention', { ticket: 'Q-1' });
    assert.deepEqual(await unread(CLAUDE), ['answered']);
    const waited = await as(CLAUDE, 'wait_for_intervention', { ticket: 'Q-1', timeout_s: 1 });
    assert.equal(waited.answer, '4319');
    assert.deepEqual(await unread(CLAUDE), [], 'the answer came with the wait');
    assert.equal(
      (await eventsOf('notifications.read')).length,
      2,
      "the inbox entry, then claude's",
    );

    // a question cancelled by a person, read with get_intervention
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which host?' });
    await as(ALICE, 'cancel_intervention', { ticket: 'Q-2', reason: 'Decided already' });
    assert.deepEqual(await unread(CLAUDE), ['question_cancelled']);
    await as(CLAUDE, 'get_intervention', { ticket: 'Q-2' });
    assert.deepEqual(await unread(CLAUDE), []);
  });

  test('an option is taken by its text too, in any case', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', {
      task_id: taskId,
      question: 'Which?',
      options: ['Red', 'Green', 'Blue'],
    });
    const answered = await as(ALICE, 'answer_intervention', { ticket: 'Q-1', option: 'green' });
    assert.equal(answered.intervention.chosen_option, 'Green');
    assert.equal(answered.intervention.answer, null);
  });

  test('a pending task can be asked about; it stays pending', async () => {
    const { task } = await core.call('create_task', { title: 'Not started' });
    const asked = await as(CLAUDE, 'request_intervention', {
      task_id: task.id,
      question: 'Do we need it?',
    });
    assert.equal(asked.task.status, 'pending');
    assert.match(asked.message, /stays pending/);
    const answered = await as(ALICE, 'answer_intervention', {
      ticket: asked.ticket,
      answer: 'yes',
    });
    assert.equal(answered.task.status, 'pending');
    assert.equal((await eventsOf('task.status_changed')).length, 0);
  });

  test('with two questions open, the task comes back only when the last one closes', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'First?' });
    const second = await as(CLAUDE, 'request_intervention', {
      task_id: taskId,
      question: 'Second?',
    });
    assert.equal(second.task.status, 'needs_input');
    const first = await as(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'one' });
    assert.equal(first.task.status, 'needs_input');
    assert.match(first.message, /still waits on Q-2/);
    const last = await as(ALICE, 'answer_intervention', { ticket: 'Q-2', answer: 'two' });
    assert.equal(last.task.status, 'in_progress');
  });

  test('a task moved on by hand meanwhile is left where the person put it', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Go on?' });
    await core.call('update_task_status', { task_id: taskId, status: 'blocked' });
    const answered = await as(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'later' });
    assert.equal(answered.task.status, 'blocked');
  });

  test('when its prerequisite was reopened meanwhile, the task goes back to pending', async () => {
    const { task: first } = await core.call('create_task', { title: 'First' });
    await core.call('update_task_status', { task_id: first.id, status: 'completed' });
    const { task } = await core.call('create_task', { title: 'Then', dependencies: [first.id] });
    await core.call('update_task_status', { task_id: task.id, status: 'in_progress' });
    await as(CLAUDE, 'request_intervention', { task_id: task.id, question: 'Sure?' });
    await core.call('update_task_status', { task_id: first.id, status: 'in_progress' });
    const answered = await as(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'yes' });
    assert.equal(answered.task.status, 'pending');
    assert.match(answered.message, /pending again \(not in_progress: /);
  });

  test('a long question reaches the inbox as a message of at most 200 characters', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'why? '.repeat(800) });
    const [note] = (await as(ALICE, 'get_notifications', {})).notifications;
    assert.ok(note!.message.length <= 200, `${note!.message.length} characters`);
    assert.ok(note!.message.endsWith('…'));
  });
});

describe('leases', () => {
  test("waiting on the person keeps the agent's lease; the answer restarts it", async () => {
    let now = Date.parse('2030-01-01T10:00:00.000Z');
    const clock = { now: () => new Date(now).toISOString() };
    const timed = new Orchestrator({
      databasePath: core.databasePath,
      clock,
      watchIntervalMs: false,
    });
    try {
      const call = <N extends OperationName>(caller: Caller, name: N, input: OperationInput<N>) =>
        timed.call(name, input, { caller });
      const { task } = await call(ALICE, 'create_task', { title: 'Leased' });
      await call(CLAUDE, 'claim_task', { task_id: task.id, lease_minutes: 15 });
      await call(CLAUDE, 'request_intervention', { task_id: task.id, question: 'Which?' });
      now += 60 * 60_000; // the person answers an hour later, long after the lease would have run out
      const answered = await call(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'this' });
      assert.equal(answered.task.status, 'in_progress');
      const lease = timed.store.db
        .prepare('SELECT lease_holder, lease_expires_at FROM tasks WHERE id = ?')
        .get(task.id);
      assert.deepEqual(lease, {
        lease_holder: 'claude',
        lease_expires_at: '2030-01-01T11:15:00.000Z',
      });
    } finally {
      timed.dispose();
    }
  });
});

describe('cancelling', () => {
  test('the asking agent cancels its question: the task comes back, nobody else is told', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Nevermind?' });
    const cancelled = await as(CLAUDE, 'cancel_intervention', {
      ticket: 'Q-1',
      reason: 'found it',
    });
    assert.equal(cancelled.intervention.status, 'cancelled');
    assert.equal(cancelled.intervention.cancel_reason, 'found it');
    assert.equal(cancelled.task.status, 'in_progress');
    assert.equal((await as(CLAUDE, 'get_notifications', {})).notifications.length, 0);
    assert.equal((await as(ALICE, 'get_notifications', {})).notifications.length, 0);
    assert.equal((await eventsOf('intervention.cancelled')).length, 1);
    const again = await as(CLAUDE, 'cancel_intervention', { ticket: 'Q-1' });
    assert.match(again.message, /already cancelled; nothing changed/);
    assert.equal((await eventsOf('intervention.cancelled')).length, 1);
  });

  test('a person cancelling it tells the agent why', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    await as(ALICE, 'cancel_intervention', { ticket: 'Q-1', reason: 'the task changed' });
    const [note] = (await as(CLAUDE, 'get_notifications', {})).notifications;
    assert.equal(note!.kind, 'question_cancelled');
    assert.match(note!.message, /cancelled by human:alice: the task changed/);
  });
});

describe('refusals change nothing', () => {
  test('an agent cannot answer; it is told to wait', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    const before = state();
    const error = await core.failsAs(CLAUDE, 'answer_intervention', {
      ticket: 'Q-1',
      answer: 'me',
    });
    assert.equal(error.code, 'FORBIDDEN');
    assert.match(error.message, /Only a person answers questions.*wait_for_intervention/);
    assert.equal(state(), before);
  });

  test('answering twice is a CONFLICT naming who answered first', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    await as(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'this one' });
    const before = state();
    const error = await core.failsAs({ kind: 'person', name: 'bob' }, 'answer_intervention', {
      ticket: 'Q-1',
      answer: 'that one',
    });
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /already answered by human:alice at .*this one/);
    const cancel = await core.failsAs(CLAUDE, 'cancel_intervention', { ticket: 'Q-1' });
    assert.equal(cancel.code, 'CONFLICT');
    assert.equal(state(), before);
  });

  test('a cancelled question cannot be answered', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    await as(CLAUDE, 'cancel_intervention', { ticket: 'Q-1', reason: 'solved' });
    const before = state();
    const error = await core.failsAs(ALICE, 'answer_intervention', { ticket: 'Q-1', answer: 'x' });
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /cancelled by agent:claude#s1 .*\(solved\)/);
    assert.equal(state(), before);
  });

  test('an unknown ticket is NOT_FOUND and points at the list of questions', async () => {
    const before = state();
    const calls: [OperationName, unknown][] = [
      ['get_intervention', { ticket: 'Q-42' }],
      ['answer_intervention', { ticket: 'Q-42', answer: 'x' }],
      ['cancel_intervention', { ticket: 'Q-42' }],
    ];
    for (const [name, input] of calls) {
      const error = await core.failsAs(ALICE, name, input);
      assert.equal(error.code, 'NOT_FOUND', name);
      assert.match(error.message, /No question Q-42\..*list_interventions/, name);
    }
    const waited = await core.failsAs(CLAUDE, 'wait_for_intervention', { ticket: 'Q-42' });
    assert.equal(waited.code, 'NOT_FOUND');
    assert.equal(state(), before);
  });

  test('another agent can neither cancel the question nor ask about a task someone else holds', async () => {
    const { task } = await core.call('create_task', { title: 'Claimed' });
    await as(CLAUDE, 'claim_task', { task_id: task.id });
    await as(CLAUDE, 'request_intervention', { task_id: task.id, question: 'Which?' });
    const before = state();
    const cancel = await core.failsAs(CODEX, 'cancel_intervention', { ticket: 'Q-1' });
    assert.equal(cancel.code, 'FORBIDDEN');
    assert.match(cancel.message, /asked by claude; only that agent or a person can cancel it/);
    const ask = await core.failsAs(CODEX, 'request_intervention', {
      task_id: task.id,
      question: 'Me?',
    });
    assert.equal(ask.code, 'FORBIDDEN');
    assert.match(ask.message, /is leased by claude/);
    assert.equal(state(), before);
  });

  test('bad answers and bad questions are refused, each naming the fix', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', {
      task_id: taskId,
      question: 'Which?',
      options: ['A', 'B'],
    });
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Free text?' });
    const { task: done } = await core.call('create_task', { title: 'Done' });
    await core.call('update_task_status', { task_id: done.id, status: 'completed' });
    const before = state();
    const cases: [Caller, OperationName, unknown, string, RegExp][] = [
      [
        ALICE,
        'answer_intervention',
        { ticket: 'Q-1', option: 3 },
        'VALIDATION',
        /not one of Q-1's options: 1\. A; 2\. B/,
      ],
      [
        ALICE,
        'answer_intervention',
        { ticket: 'Q-1', option: 'C' },
        'VALIDATION',
        /"C" is not one of/,
      ],
      [
        ALICE,
        'answer_intervention',
        { ticket: 'Q-2', option: 1 },
        'VALIDATION',
        /Q-2 offers no options/,
      ],
      [
        ALICE,
        'answer_intervention',
        { ticket: 'Q-1' },
        'VALIDATION',
        /answer text, an option, or both/,
      ],
      [
        ALICE,
        'answer_intervention',
        { ticket: 'Q-1', answer: '   ' },
        'VALIDATION',
        /answer must not be empty/,
      ],
      [
        ALICE,
        'answer_intervention',
        { ticket: 'X-1', answer: 'a' },
        'VALIDATION',
        /ticket must be a question ticket such as Q-7/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: done.id, question: 'Why?' },
        'CONFLICT',
        /is completed; questions are about open work/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: 99, question: 'Why?' },
        'NOT_FOUND',
        /No task with id 99/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: '' },
        'VALIDATION',
        /question must not be empty/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: 'x'.repeat(4001) },
        'VALIDATION',
        /at most 4000/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: 'a?', options: ['only'] },
        'VALIDATION',
        /2 to 10 choices/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: 'a?', options: Array.from({ length: 11 }, (_, i) => `o${i}`) },
        'VALIDATION',
        /at most 10 choices/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: 'a?', options: ['Yes', 'yes'] },
        'VALIDATION',
        /must differ/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: 'a?', urgency: 'now' },
        'VALIDATION',
        /urgency/,
      ],
      [
        CLAUDE,
        'request_intervention',
        { task_id: taskId, question: 'a?', kind: 'chat' },
        'VALIDATION',
        /kind/,
      ],
      [
        CLAUDE,
        'wait_for_intervention',
        { ticket: 'Q-1', timeout_s: 51 },
        'VALIDATION',
        /at most 50 seconds/,
      ],
      [
        CLAUDE,
        'wait_for_intervention',
        { ticket: 'Q-1', timeout_s: 0 },
        'VALIDATION',
        /at least 1 second/,
      ],
      [ALICE, 'list_interventions', { status: 'closed' }, 'VALIDATION', /status/],
      [
        ALICE,
        'list_interventions',
        { cursor: 'nonsense' },
        'VALIDATION',
        /cursor is not one this list issued/,
      ],
    ];
    for (const [caller, name, input, code, pattern] of cases) {
      const error = await core.failsAs(caller, name, input);
      assert.equal(
        error.code,
        code,
        `${name} ${JSON.stringify(input).slice(0, 80)}: ${error.message}`,
      );
      assert.match(error.message, pattern, `${name} ${JSON.stringify(input).slice(0, 80)}`);
    }
    assert.equal(state(), before);
  });
});

describe('waiting', () => {
  test('a wait that runs out says the question is still open', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    const started = Date.now();
    const waited = await as(CLAUDE, 'wait_for_intervention', { ticket: 'Q-1', timeout_s: 1 });
    const elapsed = Date.now() - started;
    assert.equal(waited.status, 'open');
    assert.equal(waited.message, 'Q-1 is still open; call again.');
    assert.equal(waited.answer, null);
    assert.ok(elapsed >= 950 && elapsed < 5000, `waited ${elapsed} ms`);
  });

  test('a wait returns the answer as soon as it is given in this process', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', {
      task_id: taskId,
      question: 'Which?',
      options: ['A', 'B'],
    });
    const waiting = as(CLAUDE, 'wait_for_intervention', { ticket: 'Q-1', timeout_s: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answeredAt = Date.now();
    await as(ALICE, 'answer_intervention', { ticket: 'Q-1', option: 'B', answer: 'go' });
    const waited = await waiting;
    const latency = Date.now() - answeredAt;
    assert.equal(waited.status, 'answered');
    assert.equal(waited.chosen_option, 'B');
    assert.equal(waited.answer, 'go');
    assert.equal(waited.answered_by, 'human:alice');
    assert.equal(waited.task.status, 'in_progress');
    assert.ok(latency < 5000, `answer reached the wait after ${latency} ms`);
  });

  test('a wait on a closed question returns at once', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    await as(CLAUDE, 'cancel_intervention', { ticket: 'Q-1', reason: 'moot' });
    const waited = await as(CLAUDE, 'wait_for_intervention', { ticket: 'Q-1', timeout_s: 50 });
    assert.equal(waited.status, 'cancelled');
    assert.equal(waited.cancel_reason, 'moot');
  });

  test('a wait does not hold up other calls', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    let waitEnded = false;
    const waiting = as(CLAUDE, 'wait_for_intervention', { ticket: 'Q-1', timeout_s: 5 });
    void waiting.then(() => (waitEnded = true));
    const started = Date.now();
    const { task } = await core.call('create_task', { title: 'Meanwhile' });
    const listed = await core.call('list_tasks', {});
    const elapsed = Date.now() - started;
    assert.equal(task.title, 'Meanwhile');
    assert.equal(listed.count, 2);
    assert.equal(waitEnded, false, 'the other calls finished while the wait still waited');
    console.log(`create_task and list_tasks took ${elapsed} ms beside a waiting call`);
    await as(CLAUDE, 'cancel_intervention', { ticket: 'Q-1' });
    assert.equal((await waiting).status, 'cancelled');
  });

  test('an aborted wait ends with CANCELLED and a passed deadline with TIMEOUT', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    const before = state();
    const abort = new AbortController();
    const waiting = as(
      CLAUDE,
      'wait_for_intervention',
      { ticket: 'Q-1', timeout_s: 30 },
      { signal: abort.signal },
    );
    setTimeout(() => abort.abort(), 50);
    await assert.rejects(waiting, (error: AppError) => error.code === 'CANCELLED');
    const late = as(
      CLAUDE,
      'wait_for_intervention',
      { ticket: 'Q-1', timeout_s: 30 },
      { deadline: Date.now() + 100 },
    );
    await assert.rejects(late, (error: AppError) => error.code === 'TIMEOUT');
    assert.equal(state(), before);
  });

  test('deleting the task ends a wait on its question with NOT_FOUND', async () => {
    const taskId = await startedTask();
    await as(CLAUDE, 'request_intervention', { task_id: taskId, question: 'Which?' });
    const waiting = as(CLAUDE, 'wait_for_intervention', { ticket: 'Q-1', timeout_s: 10 });
    await core.call('delete_task', { task_id: taskId });
    await assert.rejects(waiting, (error: AppError) => error.code === 'NOT_FOUND');
  });
});

describe('listing', () => {
  test('open questions, most urgent first, then newest first or other statuses, a page at a time', async () => {
    const taskId = await startedTask();
    for (const urgency of ['low', 'critical', 'normal', 'high', 'critical'] as const)
      await as(CLAUDE, 'request_intervention', {
        task_id: taskId,
        question: `${urgency}?`,
        urgency,
      });
    await as(ALICE, 'answer_intervention', { ticket: 'Q-4', answer: 'ok' });
    const open = await as(ALICE, 'list_interventions', {});
    assert.deepEqual(
      open.interventions.map((row) => [row.ticket, row.urgency]),
      [
        ['Q-2', 'critical'],
        ['Q-5', 'critical'],
        ['Q-3', 'normal'],
        ['Q-1', 'low'],
      ],
    );
    assert.equal(open.count, 4);
    const newest = await as(ALICE, 'list_interventions', { order: 'newest', status: 'all' });
    assert.deepEqual(
      newest.interventions.map((row) => row.ticket),
      ['Q-5', 'Q-4', 'Q-3', 'Q-2', 'Q-1'],
    );
    const answered = await as(ALICE, 'list_interventions', { status: 'answered' });
    assert.deepEqual(
      answered.interventions.map((row) => [row.ticket, row.answered_by]),
      [['Q-4', 'human:alice']],
    );
    const first = await as(ALICE, 'list_interventions', { limit: 3 });
    assert.ok(first.next_cursor);
    const second = await as(ALICE, 'list_interventions', { limit: 3, cursor: first.next_cursor });
    assert.deepEqual(
      [...first.interventions, ...second.interventions].map((row) => row.ticket),
      ['Q-2', 'Q-5', 'Q-3', 'Q-1'],
    );
    assert.equal(second.next_cursor, null);
    const other = await startedTask('Other');
    await as(CLAUDE, 'request_intervention', { task_id: other, question: 'Other?' });
    const onTask = await as(ALICE, 'list_interventions', { task_id: other });
    assert.deepEqual(
      onTask.interventions.map((row) => row.ticket),
      ['Q-6'],
    );
  });
});
