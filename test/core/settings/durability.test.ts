// The durability level is a setting of the database: this connection switches at once, and every
// process that opens the file later writes the same way.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

const FULL = 2;
const NORMAL = 1;

describe('set_durability', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  const synchronous = (orchestrator: Orchestrator) =>
    orchestrator.store.db.pragma('synchronous', { simple: true });

  test('full by default; normal applies to this connection and to every later opening', async () => {
    assert.equal(synchronous(core.orchestrator), FULL);
    const set = await core.call('set_durability', { level: 'normal' });
    assert.deepEqual([set.level, set.previous], ['normal', 'full']);
    assert.match(set.message, /power cut may lose the last commits/);
    assert.equal(synchronous(core.orchestrator), NORMAL);

    const later = new Orchestrator({ databasePath: core.databasePath, watchIntervalMs: false });
    try {
      assert.equal(synchronous(later), NORMAL, 'another opening reads the setting');
      await later.call('create_task', { title: 'Still written' });
      await later.call('set_durability', { level: 'full' });
      assert.equal(synchronous(later), FULL);
    } finally {
      later.dispose();
    }
    const reopened = new Orchestrator({ databasePath: core.databasePath, watchIntervalMs: false });
    try {
      assert.equal(synchronous(reopened), FULL);
    } finally {
      reopened.dispose();
    }
  });

  test('an unknown level is refused naming the two, and changes nothing', async () => {
    const before = snapshot(core);
    const refused = await core.fails('set_durability', { level: 'fast' });
    assert.equal(refused.code, 'VALIDATION');
    assert.match(refused.message, /level must be full or normal/);
    assert.equal(snapshot(core), before);
    assert.equal(synchronous(core.orchestrator), FULL);
  });
});
