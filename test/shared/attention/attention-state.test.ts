// The attention state follows events: questions in urgency order and out to history once
// closed, reviews dropped when decided, silent agents until read; the badge counts them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyAttentionEvent,
  attentionCount,
  EMPTY_ATTENTION,
  HISTORY_LIMIT,
  type AttentionState,
} from '../../../src/shared/attention/attention-state.ts';
import { BADGE_MAX, badgeText, titleWithBadge } from '../../../src/shared/attention/badge.ts';
import type { OrchestronEvent } from '../../../src/shared/events/event-types.ts';
import { openTestCore } from '../../helpers/temp-orchestrator.ts';
import { event, personNotice, question, review } from './attention-events.ts';

function fold(state: AttentionState, ...events: OrchestronEvent[]): AttentionState {
  return events.reduce((current, e) => applyAttentionEvent(current, e).state, state);
}

const asked = (ticket: number, fields = {}) =>
  event({ type: 'intervention.requested', after: question(ticket, fields) });
const answered = (ticket: number) =>
  event({
    type: 'intervention.answered',
    actor: 'human:ann',
    before: { status: 'open' },
    after: question(ticket, { status: 'answered', answer: 'SQLite', answered_by: 'human:ann' }),
  });

describe('attention state', () => {
  test('questions are kept most urgent first, then oldest first; a repeat is ignored', () => {
    const state = fold(
      EMPTY_ATTENTION,
      asked(1),
      asked(2, { urgency: 'critical' }),
      asked(3, { urgency: 'low' }),
      asked(4),
      asked(1),
    );
    assert.deepEqual(
      state.questions.map((q) => q.ticket),
      ['Q-2', 'Q-1', 'Q-4', 'Q-3'],
    );
    assert.equal(attentionCount(state), 4);
  });

  test('an answered or cancelled question leaves the open ones for the history, newest first', () => {
    const cancelled = event({
      type: 'intervention.cancelled',
      before: { status: 'open' },
      after: question(2, { status: 'cancelled', cancel_reason: 'found it' }),
    });
    const state = fold(EMPTY_ATTENTION, asked(1), asked(2), answered(1), cancelled);
    assert.deepEqual(state.questions, []);
    assert.deepEqual(
      state.history.map((q) => [q.ticket, q.status]),
      [
        ['Q-2', 'cancelled'],
        ['Q-1', 'answered'],
      ],
    );
    assert.equal(attentionCount(state), 0);
  });

  test('the history keeps the latest few only', () => {
    const events = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => answered(i + 1));
    const state = fold(EMPTY_ATTENTION, ...events);
    assert.equal(state.history.length, HISTORY_LIMIT);
    assert.equal(state.history[0]!.ticket, `Q-${HISTORY_LIMIT + 5}`);
  });

  test('a review request asks for the reviews to be read back; approval or a status move drops one', () => {
    const requested = event({
      type: 'task.review_requested',
      after: {
        status: 'review',
        version: 4,
        gate: 'task',
        submitted_by: 'agent:claude#s1',
        requested: 'completed',
      },
    });
    const step = applyAttentionEvent(EMPTY_ATTENTION, requested);
    assert.equal(step.reload, 'reviews');
    const loaded = { ...EMPTY_ATTENTION, reviews: [review(3), review(4)] };
    const approved = event({
      type: 'task.approved',
      actor: 'human:ann',
      after: { status: 'completed', version: 5, gate: 'task', submitted_by: null, note: null },
    });
    assert.deepEqual(
      fold(loaded, approved).reviews.map((r) => r.id),
      [4],
    );
    const moved = event({
      type: 'task.status_changed',
      task_id: 4,
      before: { status: 'review', version: 4 },
      after: {
        status: 'in_progress',
        version: 5,
        progress: 50,
        started_at: null,
        completed_at: null,
        updated_at: '2026-03-02T14:00:00.000Z',
        ready: false,
        waiting_on_failed: false,
      },
    });
    assert.deepEqual(
      fold(loaded, moved).reviews.map((r) => r.id),
      [3],
    );
  });

  test("silent agents: the person's agent_silent notices until they are read", () => {
    const silent = event({ type: 'notification.created', after: personNotice(40, 'agent_silent') });
    const toAgent = event({
      type: 'notification.created',
      after: personNotice(41, 'agent_silent', { recipient: 'claude' }),
    });
    const other = event({ type: 'notification.created', after: personNotice(42, 'question') });
    const state = fold(EMPTY_ATTENTION, silent, toAgent, other, silent);
    assert.deepEqual(
      state.silent.map((n) => n.id),
      [40],
    );
    assert.equal(attentionCount(state), 1);
    const read = event({ type: 'notifications.read', after: { ids: [40, 99], marked: 1 } });
    assert.deepEqual(fold(state, read).silent, []);
  });

  test('a deleted task takes its questions, review and notices with it', async () => {
    // the event as a real core writes it (it carries the whole task record)
    const core = openTestCore();
    try {
      const { task } = await core.call('create_task', { title: 'Cache' });
      await core.call('delete_task', { task_id: task.id });
      const { events } = await core.call('list_events', { after_id: 0 });
      const deleted = events.find((e) => e.type === 'task.deleted')!;
      const loaded: AttentionState = {
        questions: [question(1, { task_id: task.id }), question(2, { task_id: 99 })],
        reviews: [review(task.id)],
        silent: [personNotice(40, 'agent_silent', { task_id: task.id })],
        history: [],
      };
      const state = applyAttentionEvent(loaded, deleted).state;
      assert.deepEqual(
        state.questions.map((q) => q.ticket),
        ['Q-2'],
      );
      assert.deepEqual([state.reviews, state.silent], [[], []]);
    } finally {
      core.dispose();
    }
  });

  test('events that change nothing return the same state object', () => {
    const state = { ...EMPTY_ATTENTION, reviews: [review(3)] };
    const progress = event({
      type: 'task.progress',
      before: { progress: 0, version: 1 },
      after: { progress: 10, version: 2, note: null, source: 'reported', updated_at: 'x' },
    });
    assert.equal(applyAttentionEvent(state, progress).state, state);
  });
});

describe('badge', () => {
  test('no badge for nothing, the count, and 99+ past that', () => {
    assert.equal(badgeText(0), '');
    assert.equal(badgeText(-2), '');
    assert.equal(badgeText(7), '7');
    assert.equal(badgeText(BADGE_MAX), '99');
    assert.equal(badgeText(BADGE_MAX + 1), '99+');
  });

  test('the title carries the count first, replacing an earlier one', () => {
    assert.equal(titleWithBadge('Orchestron', 3), '(3) Orchestron');
    assert.equal(titleWithBadge('(3) Orchestron', 4), '(4) Orchestron');
    assert.equal(titleWithBadge('(99+) Orchestron', 0), 'Orchestron');
    assert.equal(titleWithBadge('Orchestron', 120), '(99+) Orchestron');
  });
});
