// Which task ids a commit message mentions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mentionedTaskIds } from '../../../src/core/planning/git-scan-mentions.ts';

test('"#42", "task 42", "Task-42", "task #7", "tasks_9" are mentions, each id once', () => {
  assert.deepEqual(mentionedTaskIds('Fix login (#42)'), [42]);
  assert.deepEqual(
    mentionedTaskIds('task 42: tests\n\nAlso Task-43 and TASK #44, tasks_9'),
    [42, 43, 44, 9],
  );
  assert.deepEqual(mentionedTaskIds('#5 then task 5 again, and #6'), [5, 6]);
});

test('look-alikes are not mentions', () => {
  assert.deepEqual(mentionedTaskIds('owner/repo#12, abc#13, &#14; and multitask 15'), []);
  assert.deepEqual(mentionedTaskIds('#0 is no id; color #fff; version 1.2'), []);
});
