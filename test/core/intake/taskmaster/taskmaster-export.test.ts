// export_taskmaster: a project as Task Master's tasks.json, in its schema and field names, that
// import_taskmaster reads back to the same tasks (Task Master's own file included).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { TaskMasterDocumentSchema } from '../../../../src/shared/operations/taskmaster.ops.ts';
import type { Task } from '../../../../src/shared/tasks/task.schema.ts';
import { openTestCore, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import { flat, readFixture, task, TASKMASTER_FIXTURE } from './taskmaster-helpers.ts';

let core: TestCore;
beforeEach(() => {
  core = openTestCore();
});
afterEach(() => core.dispose());

async function projectTasks(project: string): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await core.call('list_tasks', {
      project_id: project,
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    tasks.push(...(page.tasks as Task[]));
    if (!page.next_cursor) return tasks;
    cursor = page.next_cursor;
  }
}

/** A project's tasks with ids replaced by positions, so two imports can be compared. */
async function comparable(project: string) {
  const tasks = (await projectTasks(project)).toSorted((a, b) => a.id - b.id);
  const position = new Map(tasks.map((entry, at) => [entry.id, at]));
  return tasks.map((entry) => ({
    title: entry.title,
    description: entry.description,
    details: entry.details,
    test_strategy: entry.test_strategy,
    status: entry.status,
    priority: entry.priority,
    criteria: entry.acceptance_criteria.map((criterion) => criterion.text),
    complexity: entry.complexity_score,
    tags: entry.tags,
    assignee: entry.assignee,
    created_at: entry.created_at,
    parent: entry.parent_id === null ? null : position.get(entry.parent_id),
    dependencies: entry.dependencies.map((id) => position.get(id)).toSorted(),
  }));
}

async function roundTrip(content: string, input: Record<string, unknown> = {}) {
  await core.call('create_project', { name: 'one' });
  await core.call('create_project', { name: 'two' });
  await core.call('import_taskmaster', { content, project_id: 'one', ...input });
  const exported = await core.call('export_taskmaster', { project_id: 'one' });
  assert.ok(TaskMasterDocumentSchema().safeParse(exported.document).success);
  const text = JSON.stringify(exported.document, null, 2);
  await core.call('import_taskmaster', { content: text, project_id: 'two' });
  return { exported, one: await comparable('one'), two: await comparable('two') };
}

describe('export_taskmaster', () => {
  test('round trip: tasks, subtasks, statuses, fields and every kind of reference survive', async () => {
    const content = flat([
      task(1, { status: 'done', priority: 'high', complexity: 4, tags: ['api'], assignee: 'ann' }),
      task(2, {
        status: 'in-progress',
        dependencies: [1],
        acceptanceCriteria: '- One\n- Two',
        subtasks: [
          { id: 1, title: 'first', status: 'done' },
          { id: 2, title: 'second', dependencies: [1, 1] },
          { id: 3, title: 'third', status: 'review', dependencies: ['2.2', 1] },
        ],
      }),
      task(3, { status: 'deferred', dependencies: ['2.3'], subtasks: ['plain step'] }),
      task(4, { status: 'cancelled', subtasks: [{ id: 1, title: 'x', dependencies: ['3.1', 2] }] }),
    ]);
    const { exported, one, two } = await roundTrip(content);
    assert.deepEqual(two, one);
    assert.equal(exported.task_count, 9);
    assert.deepEqual(exported.warnings, []);
  });

  test("Task Master's own master tag survives a round trip, and keeps its field names", async () => {
    const content = readFixture(TASKMASTER_FIXTURE);
    const { exported, one, two } = await roundTrip(content, { tag: 'master', break_cycles: true });
    assert.equal(one.length, 628);
    assert.deepEqual(two, one);
    const document = exported.document as Record<string, { tasks: Record<string, unknown>[] }>;
    assert.deepEqual(Object.keys(document), ['master']);
    const original = (JSON.parse(content) as Record<string, { tasks: Record<string, unknown>[] }>)
      .master!.tasks[0]!;
    const written = document['master']!.tasks[0]!;
    for (const field of [
      'id',
      'title',
      'description',
      'status',
      'dependencies',
      'priority',
      'details',
      'testStrategy',
      'subtasks',
    ])
      assert.ok(field in written, field);
    assert.equal(written['title'], original['title']);
    assert.equal(written['status'], original['status']);
    const withSubtasks = document['master']!.tasks.find(
      (entry) => (entry['subtasks'] as unknown[]).length > 1,
    )!;
    const subtasks = withSubtasks['subtasks'] as Record<string, unknown>[];
    assert.deepEqual(
      subtasks.map((sub) => sub['id']),
      subtasks.map((_sub, at) => at + 1),
    );
  });

  test('the flat layout; statuses and priorities Task Master lacks are mapped and reported', async () => {
    const parent = (await core.call('create_task', { title: 'Parent', priority: 'urgent' })).task;
    const child = (await core.call('create_task', { title: 'Child', parent_id: parent.id })).task;
    const sibling = (await core.call('create_task', { title: 'Sibling', parent_id: parent.id }))
      .task;
    const grandchild = (
      await core.call('create_task', {
        title: 'Grandchild',
        parent_id: child.id,
        dependencies: [sibling.id],
      })
    ).task;
    await core.call('update_task_status', { task_id: child.id, status: 'in_progress' });
    await core.call('update_task_status', { task_id: child.id, status: 'failed' });
    const result = await core.call('export_taskmaster', { layout: 'flat' });
    const document = result.document as { tasks: Record<string, unknown>[] };
    assert.equal(document.tasks.length, 1);
    const [written] = document.tasks;
    assert.equal(written!['priority'], 'critical');
    const subtasks = written!['subtasks'] as Record<string, unknown>[];
    assert.deepEqual(
      subtasks.map((sub) => [sub['id'], sub['title'], sub['status'], sub['dependencies']]),
      [
        [1, 'Child', 'pending', []],
        [2, 'Sibling', 'pending', []],
        [3, 'Grandchild', 'pending', [2]],
      ],
    );
    const warnings = result.warnings.join('\n');
    assert.match(
      warnings,
      new RegExp(
        `subtasks of subtasks \\(written under their top-level task\\): #${grandchild.id}`,
      ),
    );
    assert.match(warnings, /status failed \(written as pending\)/);
    assert.match(warnings, /priority urgent \(written as critical\)/);
  });
});
