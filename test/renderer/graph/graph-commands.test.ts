// Undo and redo of graph edits against a real core: the database changes with them, a recreated
// task gets its fields, edges and a relink undone, and the notice says what was not restored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redoEdit, undoEdit } from '../../../src/renderer/features/graph/graph-commands.ts';
import { cutEdges, deletedBy } from '../../../src/renderer/features/graph/graph-edits.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../../src/shared/operations/registry.ts';
import type { Task } from '../../../src/shared/tasks/task.schema.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
let client: {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
};
let projectId: number;

before(async () => {
  core = openTestCore();
  client = { call: (name, input) => core.call(name, input) };
  projectId = (await core.call('get_current_project', {})).project.id;
});

after(() => core.dispose());

async function all(): Promise<Map<number, Task>> {
  const page = await core.call('list_tasks', { fields: 'full', limit: 500 });
  return new Map((page.tasks as Task[]).map((t) => [t.id, t]));
}

describe('graph edits through the API', () => {
  it('undoes a dependency and does it again', async () => {
    const a = (await core.call('create_task', { title: 'A' })).task.id;
    const b = (await core.call('create_task', { title: 'B', dependencies: [a] })).task.id;
    const edit = { kind: 'connect' as const, edge: { task_id: b, depends_on: a } };
    await undoEdit(client, edit, projectId, new Map());
    assert.deepEqual((await all()).get(b)?.dependencies, []);
    await redoEdit(client, edit, projectId, new Map());
    assert.deepEqual((await all()).get(b)?.dependencies, [a]);
  });

  it('undoes a create by deleting the task; redo creates it again under a new id', async () => {
    const id = (await core.call('create_task', { title: 'Drafted', position: { x: 1, y: 2 } })).task
      .id;
    const edit = {
      kind: 'create' as const,
      taskId: id,
      title: 'Drafted',
      position: { x: 1, y: 2 },
    };
    await undoEdit(client, edit, projectId, new Map());
    assert.equal((await all()).has(id), false);
    const redone = await redoEdit(client, edit, projectId, new Map());
    const newId = redone.renamed.get(id)!;
    assert.deepEqual((await all()).get(newId)?.position, { x: 1, y: 2 });
    assert.match(redone.notice ?? '', new RegExp(`as #${newId}`));
  });

  it('undoes a relinking delete: the task is back with its fields, edges restored, the relink removed', async () => {
    const p = (await core.call('create_task', { title: 'Prereq' })).task.id;
    const mid = (
      await core.call('create_task', {
        title: 'Middle',
        dependencies: [p],
        tags: ['ui'],
        priority: 'high',
        acceptance_criteria: ['renders'],
        position: { x: 40, y: 50 },
      })
    ).task.id;
    const dependent = (await core.call('create_task', { title: 'Dependent', dependencies: [mid] }))
      .task.id;
    await core.call('update_task_status', { task_id: mid, status: 'blocked' });
    const tasks = await all();
    const gone = deletedBy(tasks, [mid], 'relink');
    const result = await core.call('delete_task', { task_id: mid, on_dependents: 'relink' });
    assert.deepEqual((await all()).get(dependent)?.dependencies, [p]);
    const edit = {
      kind: 'delete' as const,
      roots: [mid],
      mode: 'relink' as const,
      tasks: [...gone].map((id) => tasks.get(id)!),
      cut: cutEdges(tasks, gone),
      relinked: result.relinked,
    };
    const undone = await undoEdit(client, edit, projectId, new Map());
    const again = undone.renamed.get(mid)!;
    const now = await all();
    const back = now.get(again)!;
    assert.equal(back.title, 'Middle');
    assert.deepEqual(back.tags, ['ui']);
    assert.equal(back.priority_label, 'high');
    assert.deepEqual(back.position, { x: 40, y: 50 });
    assert.deepEqual(back.dependencies, [p]);
    assert.equal(back.status, 'blocked');
    assert.deepEqual(now.get(dependent)?.dependencies, [again]);
    assert.match(
      undone.notice ?? '',
      /New ids; their event history, commits, artifacts, leases and questions are not restored/,
    );
    await redoEdit(client, edit, projectId, undone.renamed);
    assert.equal((await all()).has(again), false);
  });

  it('undoes a move', async () => {
    const id = (await core.call('create_task', { title: 'Moved', position: { x: 0, y: 0 } })).task
      .id;
    await core.call('set_task_positions', { positions: [{ task_id: id, x: 300, y: 300 }] });
    const edit = {
      kind: 'move' as const,
      before: [{ task_id: id, x: 0, y: 0 }],
      after: [{ task_id: id, x: 300, y: 300 }],
    };
    await undoEdit(client, edit, projectId, new Map());
    assert.deepEqual((await all()).get(id)?.position, { x: 0, y: 0 });
  });
});
