import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('projects', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('a fresh database has the default project; new ones are listed with task counts', async () => {
    const { project } = await core.call('create_project', {
      name: 'Shop',
      description: 'web shop',
      root_path: '/src/shop',
    });
    await core.call('create_task', { title: 'Cart', project_id: 'shop' });
    await core.call('create_task', { title: 'Pay', project_id: project.id });
    const { projects } = await core.call('list_projects', {});
    assert.deepEqual(
      projects.map((p) => [p.name, p.task_count]),
      [
        ['default', 0],
        ['Shop', 2],
      ],
    );
    assert.equal(projects[1]!.root_path, '/src/shop');
  });

  test('names are unique regardless of case, and may not be only digits', async () => {
    await core.call('create_project', { name: 'Shop' });
    const before = snapshot(core);
    const duplicate = await core.fails('create_project', { name: 'SHOP' });
    assert.equal(duplicate.code, 'VALIDATION');
    assert.match(duplicate.message, /already exists/);
    assert.equal((await core.fails('create_project', { name: '42' })).code, 'VALIDATION');
    assert.equal((await core.fails('create_project', { name: '' })).code, 'VALIDATION');
    assert.equal(snapshot(core), before);
  });

  test('an unknown project id is NOT_FOUND', async () => {
    assert.equal((await core.fails('list_tasks', { project_id: 12 })).code, 'NOT_FOUND');
  });
});
