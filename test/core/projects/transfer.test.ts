import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ProjectDocument } from '../../../src/shared/operations/transfer.ops.ts';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

/** A project using every field: subtasks, dependencies, statuses, tags, refs, commits. */
async function richProject(core: TestCore): Promise<void> {
  const a = (
    await core.call('create_task', {
      title: 'Schema',
      description: 'tables',
      details: 'STRICT tables',
      test_strategy: 'migrate twice',
      acceptance_criteria: ['idempotent', { text: 'fast', done: true }],
      priority: 'high',
      tags: ['db', 'core'],
      file_refs: [
        { path: 'src/db.ts', line_start: 1, line_end: 4, note: null },
        { path: 'README.md' },
      ],
      assignee: 'ann',
      code_language: 'sql',
      execution_environment: 'sqlite 3.54',
      complexity_score: 4,
      estimated_hours: 3,
      position: { x: 1.5, y: -2 },
    })
  ).task;
  const b = (await core.call('create_task', { title: 'API', dependencies: [a.id] })).task;
  await core.call('create_task', { title: 'API: auth', parent_id: b.id });
  const c = (await core.call('create_task', { title: 'UI', dependencies: [b.id] })).task;
  await core.call('update_task_status', { task_id: a.id, status: 'in_progress' });
  await core.call('update_task_status', { task_id: a.id, status: 'completed' });
  await core.call('update_task_status', { task_id: b.id, status: 'cancelled' });
  await core.call('link_git_commit', {
    task_id: a.id,
    commit_hash: 'abcdef1234',
    commit_message: 'schema',
    author: 'ann',
  });
  assert.equal((await core.call('get_task', { task_id: c.id })).task.waiting_on_failed, true);
}

describe('export_project and import_project', () => {
  let source: TestCore;
  let target: TestCore;
  beforeEach(() => {
    source = openTestCore();
    target = openTestCore();
  });
  afterEach(() => {
    source.dispose();
    target.dispose();
  });

  test('a round trip through an empty database reproduces the document exactly', async () => {
    await richProject(source);
    const { document } = await source.call('export_project', {});
    assert.equal(document.tasks.length, 4);
    const imported = await target.call('import_project', { document, name: 'copy' });
    assert.equal(imported.renumbered, false);
    assert.equal(imported.task_count, 4);
    const again = (await target.call('export_project', { project_id: 'copy' })).document;
    assert.deepEqual(again, { ...document, project: { ...document.project, name: 'copy' } });
    // derived state comes back too: UI still waits on the cancelled API
    const ui = (await target.call('get_task', { task_id: 4 })).task;
    assert.equal(ui.waiting_on_failed, true);
    assert.equal(ui.ready, false);
    const ready = await target.call('get_ready_tasks', { project_id: 'copy' });
    assert.deepEqual(
      ready.tasks.map((t) => t.id),
      [3],
    );
    assert.equal(ready.count, 1);
    assert.equal(
      (await target.call('list_tasks', { project_id: 'copy', status: 'completed' })).count,
      1,
    );
  });

  test('importing into a database whose ids are taken renumbers consistently', async () => {
    await richProject(source);
    await source.call('set_checkpoints', { task_id: 3, steps: ['tokens', 'sessions'] });
    const { document } = await source.call('export_project', {});
    const imported = await source.call('import_project', { document, name: 'second' });
    assert.equal(imported.renumbered, true);
    assert.deepEqual(
      imported.id_map.map(([from]) => from),
      [1, 2, 3, 4],
    );
    const copy = (await source.call('export_project', { project_id: 'second' })).document;
    const map = new Map(imported.id_map);
    assert.deepEqual(
      copy.tasks.map((t) => t.dependencies),
      document.tasks.map((t) => t.dependencies.map((id) => map.get(id))),
    );
    assert.deepEqual(
      copy.tasks.map((t) => t.parent_id),
      document.tasks.map((t) => (t.parent_id === null ? null : map.get(t.parent_id))),
    );
    assert.equal(copy.commits[0]!.task_id, map.get(1));
    assert.deepEqual(
      copy.checkpoints!.map((step) => [step.task_id, step.name]),
      [
        [map.get(3), 'tokens'],
        [map.get(3), 'sessions'],
      ],
    );
  });

  test('gates, pauses and checkpoints survive a round trip; leases stay behind', async () => {
    const person = { kind: 'person', name: 'alice' } as const;
    const claude = { kind: 'agent', name: 'claude', session: 's1' } as const;
    await source.call('set_approval_gate', { project_id: 'default', required: true });
    const [gated, paused, claimed] = await createTasks(source, 'Gated', 'Paused', 'Claimed');
    await source.call('update_task', { task_id: gated!, requires_approval: true });
    await source.call('update_task_status', { task_id: gated!, status: 'in_progress' });
    await source.call('set_checkpoints', { task_id: gated!, steps: ['design', 'build', 'test'] });
    await source.call('check_step', { task_id: gated!, step: 'design' });
    await source.orchestrator.call(
      'pause_task',
      { task_id: paused!, reason: 'waiting for the new schema' },
      { caller: person },
    );
    await source.orchestrator.call('claim_task', { task_id: claimed! }, { caller: claude });
    const { document } = await source.call('export_project', {});
    assert.equal(document.project.requires_approval, true);
    assert.deepEqual(
      document.checkpoints!.map((step) => [step.task_id, step.position, step.name, step.done]),
      [
        [gated, 1, 'design', true],
        [gated, 2, 'build', false],
        [gated, 3, 'test', false],
      ],
    );

    const imported = await target.call('import_project', { document, name: 'copy' });
    assert.equal(imported.project.requires_approval, true);
    const again = (await target.call('export_project', { project_id: 'copy' })).document;
    assert.deepEqual(again, { ...document, project: { ...document.project, name: 'copy' } });
    const copy = await target.call('get_task', { task_id: gated! });
    assert.equal(copy.task.requires_approval, true);
    assert.equal(copy.task.progress, 33);
    assert.deepEqual(
      copy.checkpoints.map((step) => [step.name, step.done]),
      [
        ['design', true],
        ['build', false],
        ['test', false],
      ],
    );
    const pausedCopy = (await target.call('get_task', { task_id: paused! })).task;
    assert.equal(pausedCopy.paused_by, 'alice');
    assert.equal(pausedCopy.paused_reason, 'waiting for the new schema');
    assert.ok(pausedCopy.paused_at);
    const claimedCopy = (await target.call('get_task', { task_id: claimed! })).task;
    assert.equal(claimedCopy.status, 'in_progress');
    assert.equal(claimedCopy.lease_holder, null, 'a lease is a live claim, not part of a document');
    assert.equal(claimedCopy.lease_expires_at, null);
  });

  test('a document exported before gates, pauses and checkpoints still imports', async () => {
    await richProject(source);
    const { document } = await source.call('export_project', {});
    const { checkpoints: _steps, ...rest } = document;
    const { requires_approval: _gate, ...project } = document.project;
    const old = {
      ...rest,
      project,
      tasks: document.tasks.map((task) => {
        const {
          requires_approval: _r,
          paused_at: _a,
          paused_by: _b,
          paused_reason: _c,
          ...kept
        } = task;
        return kept;
      }),
    };
    const imported = await target.call('import_project', {
      document: old as ProjectDocument,
      name: 'old',
    });
    assert.equal(imported.task_count, 4);
    assert.equal(imported.project.requires_approval, false);
    const again = (await target.call('export_project', { project_id: 'old' })).document;
    assert.deepEqual(again, { ...document, project: { ...document.project, name: 'old' } });
  });

  test('refuses checkpoints of a task not in the document, or a step twice, changing nothing', async () => {
    await richProject(source);
    const { document } = await source.call('export_project', {});
    const step = { task_id: 1, position: 1, name: 'design', done: false, done_at: null };
    const before = snapshot(target);
    for (const [checkpoints, message] of [
      [
        [{ ...step, task_id: 99 }],
        /checkpoint "design" belongs to task 99, which is not in the document/,
      ],
      [[step, { ...step, name: 'other' }], /task 1 has two checkpoints at position 1/],
      [[step, { ...step, position: 2 }], /task 1 has two checkpoints named "design"/],
    ] as const) {
      const error = await target.fails('import_project', {
        document: { ...document, checkpoints },
      });
      assert.equal(error.code, 'VALIDATION');
      assert.match(error.message, message);
    }
    assert.equal(snapshot(target), before);
  });

  const broken: Array<[string, (doc: ProjectDocument) => unknown, RegExp]> = [
    [
      'a wrong format',
      (doc) => ({ ...doc, format: 'taskmaster' }),
      /not an Orchestron project export/,
    ],
    [
      'a duplicate id',
      (doc) => ({ ...doc, tasks: [...doc.tasks, doc.tasks[0]] }),
      /task id 1 appears twice/,
    ],
    [
      'a dangling dependency',
      (doc) => ({
        ...doc,
        tasks: doc.tasks.map((t, i) => (i === 0 ? { ...t, dependencies: [99] } : t)),
      }),
      /depends on 99/,
    ],
    [
      'a cycle',
      (doc) => ({
        ...doc,
        tasks: doc.tasks.map((t, i) => (i === 0 ? { ...t, dependencies: [4] } : t)),
      }),
      /contain a cycle/,
    ],
    ['an unknown field', (doc) => ({ ...doc, extra: true }), /unknown field\(s\)/],
  ];
  for (const [what, corrupt, message] of broken) {
    test(`refuses a document with ${what}, changing nothing`, async () => {
      await richProject(source);
      const { document } = await source.call('export_project', {});
      const before = snapshot(target);
      const error = await target.fails('import_project', { document: corrupt(document) });
      assert.equal(error.code, 'VALIDATION');
      assert.match(error.message, message);
      assert.equal(snapshot(target), before);
    });
  }

  test('refuses a project name that exists, suggesting --name', async () => {
    const { document } = await source.call('export_project', {});
    const error = await target.fails('import_project', { document });
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /"default" already exists\. Pass name/);
  });
});
