// The short text beside structuredContent: the result's own message, else a summary by shape,
// always bounded, for clients that show text only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_TEXT, renderText } from '../../../src/host/mcp/tool-results.ts';

const task = (id: number, title = `Task ${id}`) => ({ id, title, status: 'pending', tags: [] });

test('a message is the text', () => {
  assert.equal(
    renderText({ task: task(1), message: 'Created task 1 "Task 1".' }),
    'Created task 1 "Task 1".',
  );
});

test('without a message: the task, the first items of each list, and set values', () => {
  const text = renderText({
    task: task(12, 'Schema'),
    dependencies: [task(3)],
    dependents: Array.from({ length: 9 }, (_, index) => task(20 + index)),
    subtasks: [],
    clarification_count: 0,
    last_rejection: null,
  });
  assert.equal(
    text,
    '#12 "Schema" (pending); dependencies: #3 "Task 3" (pending); dependents: #20 "Task 20" (pending), #21 "Task 21" (pending), #22 "Task 22" (pending), #23 "Task 23" (pending), #24 "Task 24" (pending), … (9 in all)',
  );
  assert.equal(
    renderText({ tasks: [task(1)], count: 1, next_cursor: null }),
    'tasks: #1 "Task 1" (pending); count: 1',
  );
  assert.equal(renderText({ notifications: [], unread: 0 }), 'notifications: none');
  assert.equal(renderText({ events: [{ id: 4 }, { id: 5 }] }), 'events: #4, #5');
});

test('property: any result renders to a bounded text without a lone surrogate', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = renderText(value);
      assert.ok(text.length <= MAX_TEXT);
      assert.ok(text.isWellFormed());
    }),
    { seed: 6, numRuns: 500 },
  );
});
