// The task commands through the real executable: create (with --depends-on 3,4 and tags), list
// with filters and paging, get, update, status transitions and delete with --on-dependents.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron task …', () => {
  let cli: CliSandbox;
  before(() => {
    cli = openCliSandbox();
    for (const title of ['Design schema', 'Write migration', 'Seed data', 'Write API'])
      cli.expect(0, ['task', 'create', '--title', title]);
  });
  after(() => cli.dispose());

  test('create takes --depends-on 3,4, repeated and singular tags, a priority label and JSON fields', () => {
    const { task } = cli.json('create_task', [
      'task',
      'create',
      '--title',
      'Ship release',
      '--depends-on',
      '3,4',
      '--tags',
      'release',
      '--tag',
      'ops',
      '--priority',
      'high',
      '--estimated-hours',
      '2.5',
      '--position',
      '{"x":10,"y":20}',
      '--acceptance-criteria',
      'Changelog written',
      '--acceptance-criteria',
      '{"text":"Tag pushed","done":true}',
    ]);
    assert.equal(task.id, 5);
    assert.deepEqual(task.dependencies, [3, 4]);
    assert.deepEqual(task.tags, ['release', 'ops']);
    assert.equal(task.priority, 2);
    assert.equal(task.estimated_hours, 2.5);
    assert.deepEqual(task.position, { x: 10, y: 20 });
    assert.deepEqual(task.acceptance_criteria, [
      { text: 'Changelog written', done: false },
      { text: 'Tag pushed', done: true },
    ]);
    assert.equal(task.created_by, 'cli-test');
  });

  test('readable create prints the message and the task', () => {
    const run = cli.expect(0, [
      'task',
      'create',
      '--title',
      'Readable one',
      '--depends-on',
      '1',
      '--depends-on',
      '2',
    ]);
    assert.match(run.stdout, /^Created task 6 "Readable one"\./);
    assert.match(run.stdout, /#6 Readable one/);
    assert.match(run.stdout, /dependencies\s+1, 2/);
  });

  test('--input passes the whole input as JSON and flags override it', () => {
    const { task } = cli.json('create_task', [
      'task',
      'create',
      '--input',
      '{"title":"From JSON","priority":4}',
      '--priority',
      '0',
    ]);
    assert.equal(task.title, 'From JSON');
    assert.equal(task.priority, 0);
    const fromStdin = cli.run(['task', 'create', '--input', '-', '--json'], {
      input: '{"title":"From stdin"}',
    });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.equal(JSON.parse(fromStdin.stdout).task.title, 'From stdin');
  });

  test('list filters by --status and pages with --limit and --cursor, saying how to get the next page', () => {
    cli.expect(0, ['task', 'status', '1', 'in_progress']);
    const pending = cli.json('list_tasks', [
      'task',
      'list',
      '--status',
      'pending',
      '--fields',
      'compact',
    ]);
    assert.ok(pending.tasks.length > 0);
    assert.ok(pending.tasks.every((task) => task.status === 'pending'));
    assert.ok(!pending.tasks.some((task) => task.id === 1));
    const both = cli.json('list_tasks', ['task', 'list', '--status', 'pending,in_progress']);
    assert.equal(both.count, pending.count + 1);
    const first = cli.json('list_tasks', ['task', 'list', '--limit', '2']);
    assert.equal(first.tasks.length, 2);
    assert.ok(first.next_cursor);
    const second = cli.json('list_tasks', [
      'task',
      'list',
      '--limit',
      '2',
      '--cursor',
      first.next_cursor,
    ]);
    assert.notDeepEqual(
      second.tasks.map((task) => task.id),
      first.tasks.map((task) => task.id),
    );
    const readable = cli.expect(0, ['task', 'list', '--limit', '2']);
    assert.match(readable.stdout, /ID\s+TITLE\s+STATUS\s+PRIORITY\s+DEPS\s+READY/);
    assert.match(readable.stdout, /2 of \d+ tasks shown\./);
    assert.match(readable.stdout, /orchestron --db \S+ task list --limit 2 --cursor \S+/);
  });

  test('get shows dependencies and dependents; update changes fields', () => {
    const got = cli.json('get_task', ['task', 'get', '3']);
    assert.deepEqual(
      got.dependents.map((ref) => ref.id),
      [5],
    );
    const readable = cli.expect(0, ['task', 'get', '5']);
    assert.match(readable.stdout, /#5 Ship release/);
    assert.match(readable.stdout, /dependencies:\n\s+ID\s+TITLE\s+STATUS/);
    assert.match(readable.stdout, /\[x\] Tag pushed/);
    const updated = cli.json('update_task', [
      'task',
      'update',
      '5',
      '--title',
      'Ship v1',
      '--assignee',
      'ana',
      '--progress',
      '40',
    ]);
    assert.equal(updated.task.title, 'Ship v1');
    assert.equal(updated.task.assignee, 'ana');
    assert.deepEqual([...updated.changed].sort(), ['assignee', 'progress', 'title']);
    const cleared = cli.json('update_task', ['task', 'update', '5', '--assignee', 'null']);
    assert.equal(cleared.task.assignee, null);
  });

  test('status transitions: completing prerequisites makes a dependent ready; an illegal move exits 1', () => {
    cli.expect(0, ['task', 'status', '3', 'in_progress']);
    cli.expect(0, ['task', 'status', '3', 'completed']);
    cli.expect(0, ['task', 'status', '4', 'in_progress']);
    const done = cli.json('update_task_status', ['task', 'status', '4', 'completed']);
    assert.deepEqual(
      done.became_ready.map((ref) => ref.id),
      [5],
    );
    const illegal = cli.expect(1, ['task', 'status', '4', 'needs_input']);
    assert.match(illegal.stderr, /^error\[VALIDATION\]: /);
  });

  test('delete refuses while others depend on the task, then cascades with --on-dependents', () => {
    const refused = cli.expect(1, ['task', 'delete', '1']);
    assert.match(refused.stderr, /^error\[(CONFLICT|VALIDATION)\]: [\s\S]*--on-dependents cascade/);
    const deleted = cli.json('delete_task', ['task', 'delete', '1', '--on-dependents', 'cascade']);
    assert.deepEqual(deleted.deleted.map((ref) => ref.id).sort(), [1, 6]);
    cli.expect(1, ['task', 'get', '1']);
  });
});
