import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { createTasks, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { asAgent, workSnapshot } from './work-snapshot.ts';

/** Compressed as the service does it, computed here independently. */
const compressed = (text: string) =>
  deflateRawSync(Buffer.from(JSON.stringify(text)), { level: 9 }).length;

/**
 * Two prefixes of random (nearly incompressible) text: one that compresses to exactly 4096
 * bytes and one to exactly 4097. Random data rarely lands on both, so draw until it does.
 */
function boundaryTexts(): { fits: string; over: string } {
  for (let attempt = 0; attempt < 50; attempt++) {
    const source = randomBytes(6000).toString('base64');
    let length = 4000;
    while (compressed(source.slice(0, length)) <= 4096) length++;
    const over = source.slice(0, length);
    const fits = source.slice(0, length - 1);
    if (compressed(fits) === 4096 && compressed(over) === 4097) return { fits, over };
  }
  throw new Error('no random text landed exactly on the 4 KB boundary');
}

describe('save_context and load_context', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test("saves an object compressed and loads it back as the caller's own", async () => {
    const claude = asAgent(core, 'claude');
    const [id] = await createTasks(core, 'Parser');
    const context = {
      currentTask: 'parser',
      completedSteps: ['lexer'],
      nextSteps: ['grammar'],
      criticalDecisions: { ast: 'use a tagged union' },
    };
    const saved = await claude.call('save_context', { task_id: id!, context });
    assert.equal(saved.owner, 'claude');
    assert.equal(saved.limit_bytes, 4096);
    assert.ok(saved.compressed_bytes > 0 && saved.compressed_bytes < saved.bytes);
    const loaded = await claude.call('load_context', { task_id: id! });
    assert.deepEqual(loaded.saved?.context, context);
    assert.equal(loaded.saved?.saved_by, 'agent:claude#s1');
    await claude.call('save_context', { context: 'general notes' });
    assert.equal((await claude.call('load_context', {})).saved?.context, 'general notes');
    const event = core.orchestrator.store.db
      .prepare("SELECT task_id, after FROM events WHERE type = 'context.saved' ORDER BY id LIMIT 1")
      .get() as { task_id: number; after: string };
    assert.equal(event.task_id, id);
    assert.equal(JSON.parse(event.after).owner, 'claude');
  });

  test('keeps the last 5 versions per owner and task; the latest is loaded', async () => {
    const claude = asAgent(core, 'claude');
    for (let version = 1; version <= 7; version++) {
      const out = await claude.call('save_context', { context: { version } });
      assert.equal(out.versions_kept, Math.min(version, 5));
    }
    assert.deepEqual((await claude.call('load_context', {})).saved?.context, { version: 7 });
    const count = core.orchestrator.store.db
      .prepare('SELECT count(*) AS n FROM contexts')
      .get() as { n: number };
    assert.equal(count.n, 5);
  });

  test('4096 bytes compressed is saved; 4097 is refused with a LIMIT naming both sizes', async () => {
    const { fits, over } = boundaryTexts();
    const claude = asAgent(core, 'claude');
    const [id] = await createTasks(core, 'Big');
    assert.equal(
      (await claude.call('save_context', { task_id: id!, context: fits })).compressed_bytes,
      4096,
    );
    const before = workSnapshot(core);
    const error = await core.fails('save_context', { task_id: id!, context: over });
    assert.equal(error.code, 'LIMIT');
    assert.match(
      error.message,
      /The context is 4097 bytes compressed; a saved context holds at most 4096 bytes compressed\. Nothing was saved/,
    );
    assert.match(error.message, /store_artifact/);
    assert.equal(workSnapshot(core), before);
  });

  test('refuses a context too large to compress, a missing task and a wrong type, changing nothing', async () => {
    const before = workSnapshot(core);
    const huge = await core.fails('save_context', { context: 'x'.repeat(1_100_000) });
    assert.equal(huge.code, 'LIMIT');
    assert.match(huge.message, /before compression/);
    assert.equal(
      (await core.fails('save_context', { task_id: 7, context: 'x' })).code,
      'NOT_FOUND',
    );
    const typed = await core.fails('save_context', { context: 42 });
    assert.equal(typed.code, 'VALIDATION');
    assert.match(typed.message, /context is a text or a JSON object/);
    assert.equal((await core.fails('save_context', { context: ['a'] })).code, 'VALIDATION');
    assert.equal(workSnapshot(core), before);
  });

  test("a task's context is open to whoever works on it; an agent's general one only to it and a person", async () => {
    const claude = asAgent(core, 'claude');
    const codex = asAgent(core, 'codex');
    const [id] = await createTasks(core, 'Shared');
    await claude.call('save_context', { task_id: id!, context: { step: 'API done' } });
    await claude.call('save_context', { context: { mine: true } });
    assert.deepEqual((await codex.call('load_context', { task_id: id! })).saved?.context, {
      step: 'API done',
    });
    assert.equal((await codex.call('load_context', { task_id: id!, agent: 'codex' })).saved, null);
    const nothing = await codex.call('load_context', {});
    assert.equal(nothing.saved, null);
    assert.match(nothing.message, /No context saved by codex outside any task yet/);
    const refused = await codex.fails('load_context', { agent: 'claude' });
    assert.equal(refused.code, 'FORBIDDEN');
    const person = core.orchestrator.call(
      'load_context',
      { agent: 'claude' },
      { caller: { kind: 'person', name: 'ann' } },
    );
    assert.deepEqual((await person).saved?.context, { mine: true });
  });
});
