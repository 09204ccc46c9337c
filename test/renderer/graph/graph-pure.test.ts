// The graph editor's pure parts: events applied to the store, filters and folding, the undo
// stack and its id map, the refused-edge message, the layout input (laid out by real ELK).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { OrchestronEvent } from '../../../src/shared/operations/events.ops.ts';
import type { Task } from '../../../src/shared/tasks/task.schema.ts';
import {
  applyGraphEvent,
  type GraphData,
} from '../../../src/renderer/features/graph/graph-events.ts';
import {
  NO_FILTERS,
  searchTasks,
  visibleGraph,
} from '../../../src/renderer/features/graph/graph-filters.ts';
import {
  cutEdges,
  deletedBy,
  parentsFirst,
} from '../../../src/renderer/features/graph/graph-edits.ts';
import {
  layoutInput,
  placeNewTasks,
  positionsOf,
} from '../../../src/renderer/features/graph/layout-input.ts';
import { cycleEdgeIds, refusedEdgeOf } from '../../../src/renderer/features/graph/refused-edge.ts';
import {
  currentId,
  emptyHistory,
  recorded,
  takeRedo,
  takeUndo,
  withRenamed,
} from '../../../src/renderer/features/graph/undo-stack.ts';
import { createGraphStore } from '../../../src/renderer/stores/graph-store.ts';
import { task } from './make-task.ts';

function data(...tasks: Task[]): GraphData {
  return { tasks: new Map(tasks.map((t) => [t.id, t])), questions: new Map() };
}

function event(type: string, fields: Record<string, unknown>): OrchestronEvent {
  return {
    id: 1,
    at: 'now',
    actor: 'cli',
    project_id: 1,
    task_id: null,
    before: null,
    after: null,
    type,
    ...fields,
  } as unknown as OrchestronEvent;
}

describe('graph events', () => {
  it('adds, patches and removes tasks in place, leaving untouched tasks the same objects', () => {
    const start = data(task(1), task(2, { dependencies: [1] }));
    const created = applyGraphEvent(start, event('task.created', { after: task(3) }), 1);
    assert.ok(created !== 'reload');
    assert.equal(created.tasks.get(1), start.tasks.get(1));
    const claimed = applyGraphEvent(
      created,
      event('task.claimed', {
        task_id: 3,
        after: {
          holder: 'claude',
          session: 's1',
          expires_at: '2030-01-01T00:00:00Z',
          status: 'in_progress',
          assignee: 'claude',
          version: 2,
        },
      }),
      1,
    );
    assert.ok(claimed !== 'reload');
    assert.equal(claimed.tasks.get(3)?.lease_holder, 'claude');
    assert.equal(claimed.tasks.get(3)?.status, 'in_progress');
    const gone = applyGraphEvent(claimed, event('task.deleted', { before: task(1) }), 1);
    assert.ok(gone !== 'reload');
    assert.equal(gone.tasks.has(1), false);
    assert.deepEqual(gone.tasks.get(2)?.dependencies, []);
  });

  it('follows positions, open questions, other projects and imports', () => {
    const start = data(task(1));
    const moved = applyGraphEvent(
      start,
      event('tasks.positioned', { after: { positions: [{ task_id: 1, x: 5, y: 6 }] } }),
      1,
    );
    assert.ok(moved !== 'reload');
    assert.deepEqual(moved.tasks.get(1)?.position, { x: 5, y: 6 });
    const asked = applyGraphEvent(
      moved,
      event('intervention.requested', { after: { ticket: 'q1', task_id: 1 } }),
      1,
    );
    assert.ok(asked !== 'reload');
    assert.equal(asked.questions.get(1)?.size, 1);
    const answered = applyGraphEvent(
      asked,
      event('intervention.answered', { after: { ticket: 'q1', task_id: 1 } }),
      1,
    );
    assert.ok(answered !== 'reload');
    assert.equal(answered.questions.has(1), false);
    assert.equal(
      applyGraphEvent(start, event('task.created', { project_id: 2, after: task(9) }), 1),
      start,
    );
    assert.equal(applyGraphEvent(start, event('project.imported', { after: {} }), 1), 'reload');
  });

  it('the store applies a batch in one update and asks for a reload on an import', () => {
    const store = createGraphStore();
    store.getState().loaded({ id: 1, name: 'p', root_path: null }, data(task(1)));
    let updates = 0;
    store.subscribe(() => updates++);
    const ok = store.getState().applyEvents([
      event('task.created', { after: task(2) }),
      event('dependency.added', {
        task_id: 2,
        after: { task_id: 2, depends_on: 1, version: 2, ready: false, waiting_on_failed: false },
      }),
    ]);
    assert.equal(ok, true);
    assert.equal(updates, 1);
    assert.deepEqual(store.getState().data.tasks.get(2)?.dependencies, [1]);
    assert.equal(store.getState().applyEvents([event('project.imported', { after: {} })]), false);
  });
});

describe('filters and folding', () => {
  const tasks = new Map([
    [1, task(1, { status: 'completed', tags: ['UI'] })],
    [2, task(2, { dependencies: [1], assignee: 'ana' })],
    [3, task(3, { parent_id: 2, dependencies: [1] })],
    [4, task(4, { dependencies: [3], lease_holder: 'claude' })],
  ]);

  it('filters by status, tag, assignee and agent, keeping edges between shown tasks', () => {
    assert.deepEqual(
      visibleGraph(tasks, { ...NO_FILTERS, statuses: ['pending'] }, new Set()).ids,
      [2, 3, 4],
    );
    assert.deepEqual(visibleGraph(tasks, { ...NO_FILTERS, tag: 'ui' }, new Set()).ids, [1]);
    assert.deepEqual(visibleGraph(tasks, { ...NO_FILTERS, assignee: 'ana' }, new Set()).ids, [2]);
    const agent = visibleGraph(tasks, { ...NO_FILTERS, agent: 'claude' }, new Set());
    assert.deepEqual(agent.ids, [4]);
    assert.deepEqual(agent.edges, []);
  });

  it('folds subtasks into a collapsed parent, moving their edges onto it', () => {
    const folded = visibleGraph(tasks, NO_FILTERS, new Set([2]));
    assert.deepEqual(folded.ids, [1, 2, 4]);
    assert.deepEqual(folded.folded.get(2), 1);
    assert.deepEqual(folded.edges.map((e) => e.id).sort(), ['1->2', '2->4']);
  });

  it('the palette finds by id first, then title start, then title part', () => {
    const found = searchTasks(
      [
        task(12, { title: 'Write docs' }),
        task(2, { title: 'Docs site' }),
        task(21, { title: 'x' }),
      ],
      'doc',
    );
    assert.deepEqual(
      found.map((t) => t.id),
      [2, 12],
    );
    assert.deepEqual(
      searchTasks([task(12, { title: 'x' }), task(2)], '#2').map((t) => t.id),
      [2],
    );
  });
});

describe('undo stack', () => {
  it('pushes, undoes, redoes, and a new edit clears the redo side', () => {
    let history = recorded(recorded(emptyHistory<string>(), 'a'), 'b');
    const undo = takeUndo(history)!;
    assert.equal(undo.edit, 'b');
    history = undo.after;
    assert.deepEqual([history.past, history.future], [['a'], ['b']]);
    const redo = takeRedo(history)!;
    assert.equal(redo.edit, 'b');
    assert.deepEqual(recorded(undo.after, 'c').future, []);
    assert.equal(takeUndo(emptyHistory()), null);
    assert.equal(recorded(emptyHistory<number>(), 1, 2).past.length, 1);
    let capped = emptyHistory<number>();
    for (let i = 0; i < 5; i++) capped = recorded(capped, i, 3);
    assert.deepEqual(capped.past, [2, 3, 4]);
  });

  it('follows a task recreated twice to its newest id', () => {
    const renamed = withRenamed(withRenamed(new Map(), 5, 9), 9, 14);
    assert.equal(currentId(renamed, 5), 14);
    assert.equal(currentId(renamed, 7), 7);
  });

  it('knows what a delete removes: subtasks always, dependents with cascade', () => {
    const tasks = new Map([
      [1, task(1)],
      [2, task(2, { parent_id: 1 })],
      [3, task(3, { dependencies: [1] })],
      [4, task(4, { dependencies: [3] })],
    ]);
    assert.deepEqual([...deletedBy(tasks, [1], 'relink')].sort(), [1, 2]);
    assert.deepEqual([...deletedBy(tasks, [1], 'cascade')].sort(), [1, 2, 3, 4]);
    assert.deepEqual(cutEdges(tasks, new Set([1, 2])), [{ task_id: 3, depends_on: 1 }]);
    assert.deepEqual(
      parentsFirst([task(5, { parent_id: 8 }), task(8)]).map((t) => t.id),
      [8, 5],
    );
  });
});

describe('refused edge', () => {
  it('shows a CYCLE refusal at the edge with the cycle marked; a network failure goes elsewhere', () => {
    const error = {
      code: 'CYCLE' as const,
      message:
        'That dependency would close a cycle: #1 "A" depends on #2 "B", #2 "B" depends on #1 "A".',
      details: {
        cycle: [
          { id: 1, title: 'A' },
          { id: 2, title: 'B' },
          { id: 1, title: 'A' },
        ],
      },
    };
    const refused = refusedEdgeOf(error, 2, 1);
    assert.deepEqual(refused, { source: 2, target: 1, message: error.message, cycle: [1, 2, 1] });
    assert.deepEqual([...cycleEdgeIds(refused!)].sort(), ['1->2', '2->1']);
    assert.equal(refusedEdgeOf({ code: 'TIMEOUT', message: 'down' }, 1, 2), null);
  });
});

describe('layout input', () => {
  it('lays out left to right with real ELK: prerequisites left of dependents', async () => {
    const graph = layoutInput(
      [1, 2, 3],
      [
        { id: '1->2', source: 1, target: 2 },
        { id: '2->3', source: 2, target: 3 },
        { id: '9->3', source: 9, target: 3 },
      ],
    );
    assert.equal(graph.edges.length, 2);
    const positions = positionsOf(await new (ELK as unknown as typeof ELK.default)().layout(graph));
    const x = new Map(positions.map((p) => [p.task_id, p.x]));
    assert.ok(x.get(1)! < x.get(2)! && x.get(2)! < x.get(3)!);
  });

  it('places a new task right of its prerequisite, in a free spot', () => {
    const tasks = new Map([
      [1, task(1, { position: { x: 0, y: 0 } })],
      [2, task(2, { position: { x: 320, y: 0 } })],
      [3, task(3, { dependencies: [1] })],
      [4, task(4)],
    ]);
    const placed = placeNewTasks(tasks, [3, 4]);
    assert.deepEqual(placed[0], { task_id: 3, x: 320, y: 124 });
    assert.equal(placed[1]?.x, 0);
    assert.ok(placed[1]!.y > 0);
  });
});
