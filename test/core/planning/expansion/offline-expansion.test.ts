import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import { useOfflineModels } from '../../../helpers/offline-models.ts';

// no provider may be configured from this machine's environment
useOfflineModels();

describe('the offline expansion', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  const CRITERIA = [
    'Wrong password shows an error',
    'Success opens the dashboard',
    'Five failures lock the account for 15 minutes',
  ];
  const create = async (title: string, fields: Record<string, unknown> = {}) =>
    (await core.call('create_task', { title, ...fields })).task.id;
  /** A subtask as compared across runs: everything but ids. */
  const shape = async (id: number) => {
    const { task } = await core.call('get_task', { task_id: id });
    const { title, description, test_strategy, priority, acceptance_criteria } = task;
    return { title, description, test_strategy, priority, acceptance_criteria };
  };

  test('one implementation subtask per criterion, then a test and a documentation subtask after them', async () => {
    const id = await create('Login', { acceptance_criteria: CRITERIA, priority: 'high' });
    const result = await core.call('expand_task', { task_id: id, provider: 'offline' });
    assert.equal(result.strategy, 'offline');
    assert.equal(result.requested, 'offline');
    assert.equal(result.model, null);
    assert.deepEqual(
      result.subtasks.map((s) => s.title),
      [
        'Implement: Wrong password shows an error',
        'Implement: Success opens the dashboard',
        'Implement: Five failures lock the account for 15 minutes',
        'Test: Login',
        'Document: Login',
      ],
    );
    const implementation = result.subtasks.slice(0, 3).map((s) => s.id);
    assert.deepEqual(result.subtasks[3]!.dependencies, implementation);
    assert.deepEqual(result.subtasks[4]!.dependencies, implementation);
    const first = await shape(result.subtasks[0]!.id);
    assert.deepEqual(first.acceptance_criteria, [{ text: CRITERIA[0], done: false }]);
    assert.equal(first.priority, 2);
    const testing = await shape(result.subtasks[3]!.id);
    assert.equal(testing.acceptance_criteria.length, 3);
    assert.match(result.message, /^Expanded #\d+ "Login" into 5 subtasks offline\.$/);
  });

  test('the same task gives the same subtasks', async () => {
    const fields = {
      description: 'Sign in.\n\n- remember me\n- SSO later',
      acceptance_criteria: CRITERIA,
      test_strategy: 'Browser tests.',
    };
    // two databases with the same content: the same ids, so the whole subtasks compare
    const run = async (on: TestCore) => {
      const id = (await on.call('create_task', { title: 'Login', ...fields })).task.id;
      const result = await on.call('expand_task', {
        task_id: id,
        provider: 'offline',
        num_subtasks: 4,
      });
      const tasks = await Promise.all(
        result.subtasks.map(async (s) => (await on.call('get_task', { task_id: s.id })).task),
      );
      return { result, tasks: tasks.map(({ created_at, updated_at, ...rest }) => rest) };
    };
    const other = openTestCore();
    try {
      const [first, second] = [await run(core), await run(other)];
      assert.deepEqual(first, second);
      assert.equal(first.result.subtasks.length, 4);
    } finally {
      other.dispose();
    }
  });

  test('groups criteria when fewer subtasks are asked for, and follows the include flags', async () => {
    const id = await create('Login', { acceptance_criteria: CRITERIA });
    const result = await core.call('expand_task', {
      task_id: id,
      provider: 'offline',
      num_subtasks: 3,
      include_documentation: false,
    });
    assert.deepEqual(
      result.subtasks.map((s) => s.title),
      [
        'Implement: Wrong password shows an error (and 1 more)',
        'Implement: Five failures lock the account for 15 minutes',
        'Test: Login',
      ],
    );
    const grouped = await shape(result.subtasks[0]!.id);
    assert.deepEqual(
      grouped.acceptance_criteria.map((c) => c.text),
      CRITERIA.slice(0, 2),
    );
  });

  test('without criteria it uses the bullets of the description, else one implementation subtask', async () => {
    const listed = await create('Export', {
      description: 'Steps:\n- CSV writer\n* JSON writer\n1. CLI flag',
    });
    const fromBullets = await core.call('expand_task', {
      task_id: listed,
      provider: 'offline',
      include_tests: false,
      include_documentation: false,
    });
    assert.deepEqual(
      fromBullets.subtasks.map((s) => s.title),
      ['Implement: CSV writer', 'Implement: JSON writer', 'Implement: CLI flag'],
    );
    const bare = await create('Bare');
    const single = await core.call('expand_task', { task_id: bare, provider: 'offline' });
    assert.deepEqual(
      single.subtasks.map((s) => s.title),
      ['Implement Bare', 'Test: Bare', 'Document: Bare'],
    );
  });

  test('running it again adds nothing; a missing subtask is made again, pointing at the others', async () => {
    const id = await create('Login', { acceptance_criteria: CRITERIA.slice(0, 1) });
    const first = await core.call('expand_task', { task_id: id, provider: 'offline' });
    const unchanged = snapshot(core);
    const again = await core.call('expand_task', { task_id: id, provider: 'offline' });
    assert.equal(snapshot(core), unchanged);
    assert.deepEqual(again.subtasks, []);
    assert.match(again.message, /already has the subtasks/);
    const testing = first.subtasks[1]!;
    await core.call('delete_task', { task_id: testing.id });
    const third = await core.call('expand_task', { task_id: id, provider: 'offline' });
    assert.deepEqual(
      third.subtasks.map((s) => [s.title, s.dependencies]),
      [['Test: Login', [first.subtasks[0]!.id]]],
    );
    assert.match(third.warnings.join(' '), /2 subtask\(s\) it would make exist already/);
  });

  test('auto runs offline when no provider is configured, and says so', async () => {
    const id = await create('Login', { acceptance_criteria: CRITERIA });
    const result = await core.call('expand_task', { task_id: id, context: 'Use TDD.' });
    assert.equal(result.strategy, 'offline');
    assert.equal(result.requested, 'auto');
    assert.match(result.message, /offline \(no model provider is configured\)/);
    assert.match(result.warnings.join(' '), /does not read context/);
    const settings = await core.call('get_expansion_settings', {});
    assert.equal(settings.auto, 'offline');
  });

  test('refuses with nothing to make, a closed task, or a missing one, writing nothing', async () => {
    const id = await create('Login');
    const closed = await create('Closed');
    await core.call('update_task_status', { task_id: closed, status: 'cancelled' });
    const unchanged = snapshot(core);
    const none = await core.fails('expand_task', {
      task_id: id,
      include_tests: false,
      include_documentation: false,
      include_implementation: false,
    });
    assert.equal(none.code, 'VALIDATION');
    assert.match(none.message, /turn on at least one/);
    const shut = await core.fails('expand_task', { task_id: closed, provider: 'offline' });
    assert.equal(shut.code, 'FORBIDDEN');
    const missing = await core.fails('expand_task', { task_id: 999 });
    assert.equal(missing.code, 'NOT_FOUND');
    const depth = await core.fails('expand_task', { task_id: id, depth: 4 });
    assert.match(depth.message, /depth must be 1..3/);
    assert.equal(snapshot(core), unchanged);
  });
});
