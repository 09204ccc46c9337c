import assert from 'node:assert/strict';
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Workspace } from '../../../src/core/call-context.ts';
import type { OperationInput, OperationName } from '../../../src/shared/operations/registry.ts';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('the project a folder belongs to', () => {
  let core: TestCore;
  let code: string;
  const at = <N extends OperationName>(name: N, input: OperationInput<N>, workspace: Workspace) =>
    core.orchestrator.call(name, input, { actor: 'test', workspace });

  beforeEach(() => {
    core = openTestCore();
    code = realpathSync(core.dir);
    mkdirSync(join(code, 'shop', 'src', 'deep'), { recursive: true });
    mkdirSync(join(code, 'shop', 'admin'), { recursive: true });
  });
  afterEach(() => core.dispose());

  test('init binds a folder to a new project named after it; again it changes nothing', async () => {
    const first = await core.call('init_project', { root_path: join(code, 'shop') });
    assert.equal(first.created, true);
    assert.equal(first.project.name, 'shop');
    assert.equal(first.project.root_path, join(code, 'shop'));
    const before = snapshot(core);
    const again = await core.call('init_project', { root_path: join(code, 'shop') });
    assert.equal(again.created, false);
    assert.match(again.message, /already belongs to project "shop"; nothing changed/);
    assert.equal(snapshot(core), before);
  });

  test('a call made inside the folder, or below it, lands in its project; the deepest wins', async () => {
    await core.call('init_project', { root_path: join(code, 'shop') });
    await core.call('init_project', { root_path: join(code, 'shop', 'admin'), name: 'admin' });
    const deep = await at(
      'create_task',
      { title: 'Cart' },
      { cwd: join(code, 'shop', 'src', 'deep') },
    );
    const admin = await at('create_task', { title: 'Users' }, { cwd: join(code, 'shop', 'admin') });
    const outside = await at('create_task', { title: 'Loose' }, { cwd: code });
    const names = async (id: number) =>
      (await core.call('list_projects', {})).projects.find((p) => p.id === id)!.name;
    assert.equal(await names(deep.task.project_id), 'shop');
    assert.equal(await names(admin.task.project_id), 'admin');
    assert.equal(await names(outside.task.project_id), 'default');
    const listed = await at('list_tasks', {}, { cwd: join(code, 'shop', 'src') });
    assert.deepEqual(
      listed.tasks.map((t) => t.title),
      ['Cart'],
    );
  });

  test('then ORCHESTRON_PROJECT, then the current project, then the default; with the reason', async () => {
    await core.call('init_project', { root_path: join(code, 'shop') });
    await core.call('create_project', { name: 'ops' });
    await core.call('create_project', { name: 'web' });
    const reason = async (workspace: Workspace) => {
      const current = await at('get_current_project', {}, workspace);
      return [current.project.name, current.reason];
    };
    assert.deepEqual(await reason({ cwd: code }), ['default', 'default']);
    await core.call('use_project', { project_id: 'web' });
    assert.deepEqual(await reason({ cwd: code }), ['web', 'current']);
    assert.deepEqual(await reason({ cwd: code, project: 'ops' }), ['ops', 'environment']);
    assert.deepEqual(await reason({ cwd: join(code, 'shop'), project: 'ops' }), ['shop', 'folder']);
    const explicit = await at(
      'create_task',
      { title: 'x', project_id: 'ops' },
      { cwd: join(code, 'shop') },
    );
    assert.equal(explicit.task.project_id, 2 + 1, 'a named project overrides the folder');
    const unknown = await core.orchestrator
      .call('get_current_project', {}, { workspace: { project: 'nope' } })
      .catch((error: Error) => error);
    assert.match(String(unknown), /ORCHESTRON_PROJECT: no project "nope"/);
  });

  test('a folder belongs to one project; rename, bind and unbind through update_project', async () => {
    await core.call('init_project', { root_path: join(code, 'shop') });
    await core.call('create_project', { name: 'other' });
    const before = snapshot(core);
    const taken = await core.fails('update_project', {
      project_id: 'other',
      root_path: join(code, 'shop'),
    });
    assert.equal(taken.code, 'VALIDATION');
    assert.match(taken.message, /already belongs to project "shop"/);
    assert.equal(snapshot(core), before);
    const renamed = await core.call('update_project', { project_id: 'shop', name: 'Shopfront' });
    assert.deepEqual(renamed.changed, ['name']);
    const unbound = await core.call('update_project', { project_id: 'Shopfront', root_path: null });
    assert.equal(unbound.project.root_path, null);
    await core.call('update_project', { project_id: 'other', root_path: join(code, 'shop') });
    const current = await at('get_current_project', {}, { cwd: join(code, 'shop') });
    assert.equal(current.project.name, 'other');
    const relative = await core.fails('init_project', { root_path: 'relative/path' });
    assert.match(relative.message, /absolute folder path/);
  });

  test('task ids are unique across projects; a dependency across them names both projects', async () => {
    await core.call('create_project', { name: 'alpha' });
    await core.call('create_project', { name: 'beta' });
    const a = await core.call('create_task', { title: 'A', project_id: 'alpha' });
    const b = await core.call('create_task', { title: 'B', project_id: 'beta' });
    assert.notEqual(a.task.id, b.task.id);
    const error = await core.fails('add_dependency', { task_id: b.task.id, depends_on: a.task.id });
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /project "alpha".*project "beta"|project "beta".*project "alpha"/);
    const created = await core.fails('create_task', {
      title: 'C',
      project_id: 'beta',
      dependencies: [a.task.id],
    });
    assert.match(created.message, /project "alpha".*"beta"/);
  });
});
