import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('create_task', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('stores every field and returns the task with its id', async () => {
    const dep = (await core.call('create_task', { title: 'Schema' })).task;
    const { task, message } = await core.call('create_task', {
      title: '  Build the API  ',
      description: 'REST endpoints',
      details: 'Use fastify',
      test_strategy: 'integration tests',
      acceptance_criteria: ['returns 200', { text: 'documented', done: true }],
      priority: 'critical',
      dependencies: [dep.id, dep.id],
      tags: ['backend', 'api', 'backend'],
      file_refs: [{ path: 'src/api.ts', line_start: 3, line_end: 9, note: 'entry' }],
      assignee: 'alice',
      code_language: 'typescript',
      execution_environment: 'node 24',
      complexity_score: 6,
      estimated_hours: 5.5,
      position: { x: 10, y: 20 },
    });
    assert.match(message, /Created task \d+/);
    assert.equal(task.title, 'Build the API');
    assert.equal(task.priority, 3);
    assert.equal(task.priority_label, 'critical');
    assert.deepEqual(task.dependencies, [dep.id]);
    assert.deepEqual(task.tags, ['backend', 'api']);
    assert.deepEqual(task.acceptance_criteria, [
      { text: 'returns 200', done: false },
      { text: 'documented', done: true },
    ]);
    assert.deepEqual(task.file_refs, [
      { path: 'src/api.ts', line_start: 3, line_end: 9, note: 'entry' },
    ]);
    assert.deepEqual(task.position, { x: 10, y: 20 });
    assert.equal(task.status, 'pending');
    assert.equal(task.version, 1);
    assert.equal(task.created_by, 'test');
    assert.equal(task.ready, false, 'its dependency is not completed');
    const read = await core.call('get_task', { task_id: task.id });
    assert.deepEqual(read.task, task);
  });

  test('defaults to medium priority in the default project, ready at once', async () => {
    const { task } = await core.call('create_task', { title: 'Alone' });
    assert.equal(task.priority_label, 'medium');
    assert.equal(task.project_id, 1);
    assert.equal(task.ready, true);
  });

  test('a subtask lives in its parent project', async () => {
    const project = (await core.call('create_project', { name: 'web' })).project;
    const parent = (await core.call('create_task', { title: 'Parent', project_id: 'web' })).task;
    const child = (await core.call('create_task', { title: 'Child', parent_id: parent.id })).task;
    assert.equal(child.project_id, project.id);
    assert.equal(child.parent_id, parent.id);
    assert.deepEqual(
      (await core.call('get_task', { task_id: parent.id })).subtasks.map((s) => s.id),
      [child.id],
    );
  });

  const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an empty title', { title: '   ' }, /title must not be empty/],
    ['a 501-character title', { title: 'x'.repeat(501) }, /at most 500 characters/],
    [
      'a 20,001-character description',
      { title: 't', description: 'x'.repeat(20_001) },
      /description must be at most 20000/,
    ],
    [
      '51 tags',
      { title: 't', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      /at most 50 tags/,
    ],
    ['a 65-character tag', { title: 't', tags: ['x'.repeat(65)] }, /at most 64 characters/],
    ['a tag with a space', { title: 't', tags: ['two words'] }, /may not contain spaces/],
    ['priority 5', { title: 't', priority: 5 }, /priority must be 0..4/],
    ['priority "huge"', { title: 't', priority: 'huge' }, /priority must be 0..4/],
    ['an unknown field', { title: 't', status: 'completed' }, /unknown field\(s\): status/],
    [
      'a file ref ending before it starts',
      { title: 't', file_refs: [{ path: 'a', line_start: 5, line_end: 2 }] },
      /line_start <= line_end/,
    ],
    ['a missing title', {}, /title is required/],
    [
      'a title that is a number',
      { title: 42 },
      /title: Invalid input: expected string, received number/,
    ],
  ];
  for (const [what, input, message] of invalid) {
    test(`refuses ${what} with VALIDATION and changes nothing`, async () => {
      const before = snapshot(core);
      const error = await core.fails('create_task', input);
      assert.equal(error.code, 'VALIDATION');
      assert.match(error.message, message);
      assert.equal(snapshot(core), before);
    });
  }

  test('refuses dependencies on missing tasks with NOT_FOUND naming them', async () => {
    const before = snapshot(core);
    const error = await core.fails('create_task', { title: 't', dependencies: [404, 405] });
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, /404, 405/);
    assert.equal(snapshot(core), before);
  });

  test('refuses dependencies across projects and unknown projects', async () => {
    await core.call('create_project', { name: 'other' });
    const elsewhere = (await core.call('create_task', { title: 'x', project_id: 'other' })).task;
    assert.equal(
      (await core.fails('create_task', { title: 't', dependencies: [elsewhere.id] })).code,
      'VALIDATION',
    );
    const missing = await core.fails('create_task', { title: 't', project_id: 'nope' });
    assert.equal(missing.code, 'NOT_FOUND');
    assert.match(missing.message, /Known projects: default, other/);
  });

  test('refuses a missing parent', async () => {
    assert.equal(
      (await core.fails('create_task', { title: 't', parent_id: 99 })).code,
      'NOT_FOUND',
    );
  });

  test('records a task.created event with the task', async () => {
    const { task } = await core.call('create_task', { title: 'Logged' });
    const { events } = await core.call('list_events', { task_id: task.id });
    assert.deepEqual(
      events.map((e) => e.type),
      ['task.created'],
    );
    assert.equal(events[0]!.actor, 'test');
    assert.deepEqual(events[0]!.after, task);
  });
});
