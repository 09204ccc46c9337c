import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

describe('link_git_commit', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore({ actor: 'agent:claude' })));
  afterEach(() => core.dispose());

  test('stores hash, message and author, shown by get_task; linking twice changes nothing', async () => {
    const [id] = await createTasks(core, 'Fix login');
    const hash = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';
    const linked = await core.call('link_git_commit', {
      task_id: id!,
      commit_hash: hash,
      commit_message: 'fix: login',
      author: 'dev@example.com',
    });
    assert.equal(linked.commit.hash, hash.toLowerCase());
    assert.equal(linked.commit.linked_by, 'agent:claude');
    const again = await core.call('link_git_commit', { task_id: id!, commit_hash: hash });
    assert.match(again.message, /already linked/);
    const { commits } = await core.call('get_task', { task_id: id! });
    assert.deepEqual(commits, [linked.commit]);
  });

  test('refuses a hash that is not hex and a missing task, changing nothing', async () => {
    const [id] = await createTasks(core, 'A');
    const before = snapshot(core);
    const bad = await core.fails('link_git_commit', { task_id: id, commit_hash: 'HEAD~1' });
    assert.equal(bad.code, 'VALIDATION');
    assert.match(bad.message, /git rev-parse HEAD/);
    assert.equal(
      (await core.fails('link_git_commit', { task_id: 50, commit_hash: 'abcdef1' })).code,
      'NOT_FOUND',
    );
    assert.equal(snapshot(core), before);
  });
});
