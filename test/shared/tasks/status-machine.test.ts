import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canTransition, legalNextStatuses } from '../../../src/shared/tasks/status-machine.ts';
import { TASK_STATUSES } from '../../../src/shared/tasks/task-fields.ts';

test('no status transitions to itself and every target is a known status', () => {
  for (const from of TASK_STATUSES) {
    assert.equal(canTransition(from, from), false);
    for (const to of legalNextStatuses(from)) assert.ok(TASK_STATUSES.includes(to));
  }
});

test('finished work can only be reopened, and cancelled work only restored', () => {
  assert.deepEqual(legalNextStatuses('completed'), ['pending', 'in_progress']);
  assert.deepEqual(legalNextStatuses('cancelled'), ['pending']);
  assert.equal(canTransition('pending', 'review'), false);
  assert.equal(canTransition('review', 'completed'), true);
});
