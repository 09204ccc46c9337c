// Which events deserve a notification: a new question from an agent, a review request, an agent
// gone silent; never what the person did themselves, never the same item twice.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EMPTY_ATTENTION } from '../../../src/shared/attention/attention-state.ts';
import { notificationFor } from '../../../src/shared/attention/notification-for.ts';
import { event, personNotice, question, review } from './attention-events.ts';

describe('notificationFor', () => {
  test("an agent's new question: who asks about which task, the question and its options", () => {
    const asked = event({ type: 'intervention.requested', after: question(7) });
    assert.deepEqual(notificationFor(asked, EMPTY_ATTENTION), {
      title: 'claude asks about #3',
      body: 'Which database should the cache use?\nOptions: SQLite / Redis',
      urgent: false,
      target: {
        view: 'inbox',
        item: 'question',
        key: 'question-Q-7',
        ticket: 'Q-7',
        task_id: 3,
        project_id: 1,
      },
    });
  });

  test('an urgent question says so; a long one is cut to fit', () => {
    const long = 'why '.repeat(100);
    const asked = event({
      type: 'intervention.requested',
      after: question(8, { urgency: 'critical', question: long, options: null }),
    });
    const notice = notificationFor(asked, EMPTY_ATTENTION)!;
    assert.equal(notice.title, 'Urgent: claude asks about #3');
    assert.equal(notice.urgent, true);
    assert.ok(notice.body.length <= 180 && notice.body.endsWith('…'), notice.body);
  });

  test('a question already in the inbox, or one a person asked, is not announced', () => {
    const asked = event({ type: 'intervention.requested', after: question(7) });
    assert.equal(notificationFor(asked, { ...EMPTY_ATTENTION, questions: [question(7)] }), null);
    const byPerson = event({
      type: 'intervention.requested',
      actor: 'cli:ann',
      after: question(9, { agent: null, asked_by: 'cli:ann' }),
    });
    assert.equal(notificationFor(byPerson, EMPTY_ATTENTION), null);
  });

  test("a review request: the person's notification, leading to the review", () => {
    const requested = event({
      type: 'notification.created',
      after: personNotice(50, 'review_requested', {
        message: 'claude asks for approval of #3 "Cache" (the task needs approval).',
      }),
    });
    const notice = notificationFor(requested, EMPTY_ATTENTION)!;
    assert.equal(notice.title, 'Approval requested');
    assert.match(notice.body, /claude asks for approval of #3/);
    assert.equal(notice.target.key, 'review-3');
    assert.equal(notificationFor(requested, { ...EMPTY_ATTENTION, reviews: [review(3)] }), null);
  });

  test('an agent gone silent (its lease expired), once', () => {
    const silent = event({
      type: 'notification.created',
      actor: 'system:lease-expiry',
      after: personNotice(51, 'agent_silent'),
    });
    const notice = notificationFor(silent, EMPTY_ATTENTION)!;
    assert.equal(notice.title, 'An agent went silent');
    assert.equal(notice.target.item, 'silent');
    const known = { ...EMPTY_ATTENTION, silent: [personNotice(51, 'agent_silent')] };
    assert.equal(notificationFor(silent, known), null);
  });

  test('what the person did, notices to agents, and other events stay quiet', () => {
    const byPerson = event({
      type: 'notification.created',
      actor: 'human:ann',
      after: personNotice(52, 'review_requested'),
    });
    const toAgent = event({
      type: 'notification.created',
      after: personNotice(53, 'rejected', { recipient: 'claude' }),
    });
    const questionNotice = event({
      type: 'notification.created',
      after: personNotice(54, 'question'),
    });
    const progress = event({
      type: 'task.progress',
      before: { progress: 0, version: 1 },
      after: { progress: 10, version: 2, note: null, source: 'reported', updated_at: 'x' },
    });
    for (const quiet of [byPerson, toAgent, questionNotice, progress])
      assert.equal(notificationFor(quiet, EMPTY_ATTENTION), null, quiet.type);
  });
});
