// The tray's watch against a real core: it keeps the shared attention state as the page's store
// does, so its count is attentionCount of what the inbox shows and its notices are
// notificationFor's, announced once each: what waited before it started is counted, not announced.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, test } from 'node:test';
import {
  readAttention,
  watchAttention,
  type AttentionWatch,
} from '../../../src/host/desktop/attention-watch.ts';
import { attentionCount } from '../../../src/shared/attention/attention-state.ts';
import type { AttentionNotice } from '../../../src/shared/attention/notification-for.ts';
import { FakeClock } from '../../core/agents/claim-helpers.ts';
import { agent, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

const claude = agent('claude');

let core: TestCore;
let clock: FakeClock;
let watch: AttentionWatch | undefined;
let counts: number[];
let notices: AttentionNotice[];
let errors: unknown[];

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}: counts ${counts}.`);
    await delay(5);
  }
}

function startWatch(): void {
  watch = watchAttention(core.orchestrator, {
    count: (count) => counts.push(count),
    notice: (notice) => notices.push(notice),
    error: (error) => errors.push(error),
  });
}

async function claimed(title: string, gated = false): Promise<number> {
  const { task } = await core.call('create_task', { title });
  if (gated) await core.call('set_approval_gate', { task_id: task.id });
  await core.callAs(claude, 'claim_task', { task_id: task.id });
  return task.id;
}

beforeEach(() => {
  clock = new FakeClock();
  core = openTestCore({ clock });
  counts = [];
  notices = [];
  errors = [];
});

afterEach(() => {
  watch?.dispose();
  watch = undefined;
  core.dispose();
});

test('counts what already waits without announcing it, then each new item once', async () => {
  const first = await claimed('Cache layer');
  await core.callAs(claude, 'request_intervention', { task_id: first, question: 'Which store?' });
  startWatch();
  await until(() => counts.at(-1) === 1, 'the first count');
  assert.equal(notices.length, 0, 'what waited before is not announced');

  const second = await claimed('Search');
  const { ticket } = await core.callAs(claude, 'request_intervention', {
    task_id: second,
    question: 'Which index?',
    urgency: 'high',
  });
  await until(() => counts.at(-1) === 2, 'the new question counted');
  assert.deepEqual(
    notices.map((n) => [n.target.key, n.urgent]),
    [[`question-${ticket}`, true]],
  );

  await core.call('answer_intervention', { ticket, answer: 'the built-in one' });
  await until(() => counts.at(-1) === 1, 'the answered question gone');
  assert.equal(notices.length, 1, 'an answer is not announced');
  assert.deepEqual(errors, []);
});

test('a review request counts once the reviews are read back; a silent agent counts too', async () => {
  const gated = await claimed('Ship it', true);
  const abandoned = await claimed('Abandoned');
  startWatch();
  await until(() => counts.at(-1) === 0, 'the first count');

  await core.callAs(claude, 'update_task_status', { task_id: gated, status: 'completed' });
  await until(() => counts.at(-1) === 1, 'the review counted');
  clock.advance(16);
  assert.ok(core.orchestrator.sweepLeases() >= 1);
  // a sweep's events go out with the next call, as the sweeper's own poll would send them
  await core.call('get_task', { task_id: abandoned });
  await until(() => counts.at(-1) === 2, 'the silent agent counted');
  assert.deepEqual(
    notices.map((n) => [n.target.item, n.urgent]),
    [
      ['review', false],
      ['silent', false],
    ],
  );

  // the same count the inbox's state gives, read afresh
  assert.equal(attentionCount(await readAttention(core.orchestrator)), 2);
  await core.call('approve_task', { task_id: gated });
  await until(() => counts.at(-1) === 1, 'the approved review gone');
  assert.deepEqual(errors, []);
});
