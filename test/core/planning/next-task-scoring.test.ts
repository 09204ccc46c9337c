import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  criteriaOf,
  hasFilters,
  rankCandidates,
  scoreTask,
  type Candidate,
  type LastTask,
} from '../../../src/core/planning/next-task-scoring.ts';
import { AppError } from '../../../src/shared/errors.ts';

const task = (id: number, fields: Partial<Candidate> = {}): Candidate => ({
  id,
  priority: 1,
  parent_id: null,
  code_language: null,
  complexity_score: null,
  tags: [],
  unblocks: 0,
  unblocks_capped: false,
  ...fields,
});

const plain = criteriaOf({ enable_grouping: true, minimize_context_switching: true });
const order = (candidates: Candidate[], last: LastTask | null = null, criteria = plain) =>
  rankCandidates(candidates, criteria, last).map((scored) => scored.candidate.id);

describe('next-task scoring', () => {
  test('priority dominates everything else the score adds', () => {
    const hub = task(1, { priority: 1, unblocks: 50, unblocks_capped: true, complexity_score: 0 });
    const lastTask = { id: 9, parent_id: 3, code_language: 'ts', tags: ['a', 'b', 'c'] };
    const favoured = { ...hub, code_language: 'ts', tags: ['a', 'b', 'c'], parent_id: 3 };
    const criteria = criteriaOf({
      preferred_languages: ['TS'],
      preferred_task_types: ['a'],
      enable_grouping: true,
      minimize_context_switching: true,
    });
    assert.deepEqual(
      order([favoured, task(2, { priority: 2, complexity_score: 10 })], lastTask, criteria),
      [2, 1],
    );
  });

  test('within a priority: unblocking, then lower complexity, then the older task', () => {
    assert.deepEqual(order([task(1), task(2, { unblocks: 1 })]), [2, 1]);
    assert.deepEqual(
      order([task(1, { complexity_score: 6 }), task(2, { complexity_score: 2 })]),
      [2, 1],
    );
    assert.deepEqual(order([task(1, { complexity_score: 9 }), task(2)]), [2, 1], 'unknown is 5');
    assert.deepEqual(order([task(2), task(1)]), [1, 2]);
    assert.deepEqual(
      order([task(1, { complexity_score: 10 }), task(2, { unblocks: 1, complexity_score: 10 })]),
      [2, 1],
      'complexity weighs less than one unblocked task',
    );
  });

  test('reasons say what the score is made of', () => {
    const last = { id: 4, parent_id: null, code_language: 'TypeScript', tags: ['API', 'db', 'x'] };
    const { reasons } = scoreTask(
      task(7, {
        priority: 2,
        unblocks: 7,
        code_language: 'typescript',
        tags: ['api', 'db'],
        complexity_score: 3,
        parent_id: 4,
      }),
      plain,
      last,
    );
    assert.deepEqual(reasons, [
      'high priority',
      'unblocks 7 tasks',
      'same language as your last task #4 (typescript)',
      'shares tags api, db with #4',
      'subtask of your last task #4',
      'complexity 3',
    ]);
    const capped = scoreTask(task(1, { unblocks: 50, unblocks_capped: true }), plain, null);
    assert.deepEqual(capped.reasons, ['medium priority', 'unblocks 50+ tasks']);
  });

  test('affinity with the last task moves the order within a priority, and can be turned off', () => {
    const last = { id: 9, parent_id: null, code_language: 'python', tags: ['ml'] };
    const candidates = [task(1), task(2, { code_language: 'Python' }), task(3, { tags: ['ML'] })];
    assert.deepEqual(order(candidates, last), [2, 3, 1]);
    const off = criteriaOf({ minimize_context_switching: false, enable_grouping: false });
    assert.deepEqual(order(candidates, last, off), [1, 2, 3]);
    assert.deepEqual(order(candidates, null), [1, 2, 3], 'no last task, no affinity');
  });

  test('grouping prefers siblings of the last task', () => {
    const last = { id: 9, parent_id: 5, code_language: null, tags: [] };
    const candidates = [task(1, { parent_id: 6 }), task(2, { parent_id: 5 })];
    assert.deepEqual(order(candidates, last), [2, 1]);
    const off = criteriaOf({ enable_grouping: false, minimize_context_switching: true });
    assert.deepEqual(order(candidates, last, off), [1, 2]);
  });

  test('stated preferences outweigh inferred affinity', () => {
    const last = { id: 9, parent_id: null, code_language: 'go', tags: [] };
    const criteria = criteriaOf({
      preferred_languages: ['rust'],
      enable_grouping: true,
      minimize_context_switching: true,
    });
    const candidates = [task(1, { code_language: 'go' }), task(2, { code_language: 'Rust' })];
    assert.deepEqual(order(candidates, last, criteria), [2, 1]);
    assert.match(
      scoreTask(candidates[1]!, criteria, last).reasons.join(),
      /preferred language Rust/,
    );
    const typed = criteriaOf({ preferred_task_types: ['Bug'] });
    assert.deepEqual(order([task(1), task(2, { tags: ['bug'] })], null, typed), [2, 1]);
  });

  test('criteriaOf merges aliases (the smaller limit wins) and lower-cases words', () => {
    const criteria = criteriaOf({
      max_complexity: 7,
      max_complexity_limit: 4,
      max_estimated_hours: 8,
      hours_available_today: 3,
      required_tags: ['API', 'api'],
      preferred_languages: ['TypeScript'],
    });
    assert.deepEqual(criteria.max_complexity, { value: 4, field: 'max_complexity_limit' });
    assert.deepEqual(criteria.max_hours, { value: 3, field: 'hours_available_today' });
    assert.deepEqual(criteria.required_tags, ['api']);
    assert.deepEqual(criteria.preferred_languages, ['typescript']);
    assert.equal(criteria.affinity, true);
    assert.equal(hasFilters(criteria), true);
    assert.equal(hasFilters(criteriaOf({ preferred_languages: ['go'] })), false);
  });

  test('criteriaOf refuses criteria no task could meet, naming both fields', () => {
    assert.throws(
      () => criteriaOf({ min_estimated_hours: 5, max_estimated_hours: 3 }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'VALIDATION' &&
        /min_estimated_hours \(5\) is more than max_estimated_hours \(3\)/.test(error.message),
    );
    assert.throws(
      () => criteriaOf({ min_estimated_hours: 5, hours_available_today: 2 }),
      /min_estimated_hours \(5\) is more than hours_available_today \(2\)/,
    );
    assert.throws(
      () => criteriaOf({ required_tags: ['Api'], excluded_tags: ['api'] }),
      /api are both in required_tags and excluded_tags/,
    );
  });
});
