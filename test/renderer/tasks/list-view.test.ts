// The list's rows: filtered by text, #id and status, sorted by a column with ties in id order,
// the unfiltered id order returned as is; and the keys that move the selection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_OPTIONS,
  movedIndex,
  toggledSort,
  visibleRows,
} from '../../../src/renderer/features/tasks/list-view.ts';
import type { Task } from '../../../src/shared/tasks/task.schema.ts';

function task(id: number, fields: Partial<Task>): Task {
  return {
    id,
    title: `Task ${id}`,
    description: '',
    tags: [],
    assignee: null,
    status: 'pending',
    priority: 1,
    ready: false,
    updated_at: `2026-01-0${id}T00:00:00Z`,
    ...fields,
  } as Task;
}

const tasks = [
  task(1, { title: 'Parse input', priority: 3, status: 'completed' }),
  task(2, { title: 'render graph', priority: 1, ready: true, tags: ['ui'] }),
  task(3, { title: 'Ship', priority: 3, assignee: 'ann', status: 'in_progress' }),
];

describe('list rows', () => {
  it('returns the loaded array itself for the default options', () => {
    assert.equal(visibleRows(tasks, DEFAULT_OPTIONS), tasks);
  });

  it('filters by text in title, tags or assignee, by #id, and by status, ready or open', () => {
    const ids = (options: Partial<typeof DEFAULT_OPTIONS>) =>
      visibleRows(tasks, { ...DEFAULT_OPTIONS, ...options }).map((row) => row.id);
    assert.deepEqual(ids({ text: 'PARSE' }), [1]);
    assert.deepEqual(ids({ text: 'ui' }), [2]);
    assert.deepEqual(ids({ text: 'ann' }), [3]);
    assert.deepEqual(ids({ text: '#3' }), [3]);
    assert.deepEqual(ids({ status: 'ready' }), [2]);
    assert.deepEqual(ids({ status: 'open' }), [2, 3]);
    assert.deepEqual(ids({ status: 'completed' }), [1]);
  });

  it('sorts by a column, highest priority first by default, ties in id order', () => {
    const byPriority = toggledSort(DEFAULT_OPTIONS, 'priority');
    assert.equal(byPriority.descending, true);
    assert.deepEqual(
      visibleRows(tasks, byPriority).map((row) => row.id),
      [1, 3, 2],
    );
    const ascending = toggledSort(byPriority, 'priority');
    assert.deepEqual(
      visibleRows(tasks, ascending).map((row) => row.id),
      [2, 1, 3],
    );
    const byTitle = toggledSort(DEFAULT_OPTIONS, 'title');
    assert.deepEqual(
      visibleRows(tasks, byTitle).map((row) => row.id),
      [1, 2, 3],
    );
  });

  it('moves the selection with the arrows, Home and End, within the rows', () => {
    assert.equal(movedIndex('ArrowDown', -1, 3), 0);
    assert.equal(movedIndex('ArrowDown', 2, 3), 2);
    assert.equal(movedIndex('ArrowUp', 0, 3), 0);
    assert.equal(movedIndex('End', 0, 3), 2);
    assert.equal(movedIndex('Home', 2, 3), 0);
    assert.equal(movedIndex('a', 0, 3), null);
    assert.equal(movedIndex('ArrowDown', 0, 0), null);
  });
});
