import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { placeFile, stageFile } from '../../../src/core/agents/artifact-files.ts';
import type { OperationOutput } from '../../../src/shared/operations/registry.ts';
import {
  createTasks,
  makeTempDir,
  openTestCore,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';
import { artifactFiles, asAgent, workSnapshot } from './work-snapshot.ts';

describe('store_artifact and get_artifact', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('stores the content as a file beside the database, listed by get_task', async () => {
    const [id] = await createTasks(core, 'Report');
    const content = '# Findings\n\nAll good.\n';
    const out = await core.call('store_artifact', { task_id: id!, name: 'report.md', content });
    assert.equal(out.replaced, false);
    assert.equal(out.artifact.size, Buffer.byteLength(content));
    assert.equal(out.artifact.sha256, createHash('sha256').update(content).digest('hex'));
    assert.equal(out.artifact.media_type, 'text/markdown');
    assert.equal(
      readFileSync(join(core.dir, 'artifacts', String(id), 'report.md'), 'utf8'),
      content,
    );
    const got = await core.call('get_artifact', { task_id: id!, name: 'report.md' });
    assert.equal(got.content, content);
    assert.equal(got.encoding, 'utf8');
    assert.equal(got.next_offset, null);
    const view = await core.call('get_task', { task_id: id! });
    assert.deepEqual(view.artifacts, [
      {
        name: 'report.md',
        size: out.artifact.size,
        media_type: 'text/markdown',
        created_at: out.artifact.created_at,
      },
    ]);
    assert.deepEqual((await core.call('list_artifacts', { task_id: id! })).artifacts, [
      out.artifact,
    ]);
    const event = core.orchestrator.store.db
      .prepare("SELECT before, after FROM events WHERE type = 'artifact.stored'")
      .get() as { before: string | null; after: string };
    assert.equal(event.before, null);
    assert.equal(JSON.parse(event.after).name, 'report.md');
  });

  test('the same name (in any case) replaces the content and leaves no other file', async () => {
    const [id] = await createTasks(core, 'Log');
    await core.call('store_artifact', { task_id: id!, name: 'run.log', content: 'first' });
    const again = await core.call('store_artifact', {
      task_id: id!,
      name: 'RUN.log',
      content: 'second run',
    });
    assert.equal(again.replaced, true);
    assert.equal(again.artifact.name, 'run.log');
    assert.equal(
      (await core.call('get_artifact', { task_id: id!, name: 'run.log' })).content,
      'second run',
    );
    assert.deepEqual(artifactFiles(core), [String(id), join(String(id), 'run.log')]);
    const replaced = core.orchestrator.store.db
      .prepare("SELECT before FROM events WHERE type = 'artifact.stored' ORDER BY id DESC")
      .get() as { before: string };
    assert.equal(JSON.parse(replaced.before).size, 5);
  });

  test('reads a long text in pages of at most 64 KB, never cutting a character', async () => {
    const [id] = await createTasks(core, 'Long');
    const content = 'ab€😀\n'.repeat(20_000);
    await core.call('store_artifact', { task_id: id!, name: 'long.txt', content });
    let text = '';
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page: OperationOutput<'get_artifact'> = await core.call('get_artifact', {
        task_id: id!,
        name: 'long.txt',
        offset,
      });
      assert.ok(page.bytes <= 65_536);
      assert.ok(!page.content.includes('\uFFFD'), 'a page never ends or starts inside a character');
      text += page.content;
      offset = page.next_offset;
      pages++;
    }
    assert.equal(text, content);
    assert.equal(pages, Math.ceil(Buffer.byteLength(content) / 65_536));
    const inside = await core.call('get_artifact', {
      task_id: id!,
      name: 'long.txt',
      offset: 3,
      length: 9,
    });
    assert.equal(inside.offset, 5, 'an offset inside € starts at the next character');
    assert.equal(inside.content, '😀\nab', 'the € cut off at the end is left for the next page');
    assert.equal(inside.next_offset, 12);
  });

  test('binary content goes in and out as base64, a page at a time', async () => {
    const [id] = await createTasks(core, 'Image');
    const bytes = randomBytes(100_000);
    const out = await core.call('store_artifact', {
      task_id: id!,
      name: 'shot.png',
      content: bytes.toString('base64'),
      encoding: 'base64',
    });
    assert.equal(out.artifact.size, 100_000);
    const first = await core.call('get_artifact', { task_id: id!, name: 'shot.png' });
    assert.equal(first.encoding, 'base64');
    assert.equal(first.next_offset, 65_536);
    const rest = await core.call('get_artifact', {
      task_id: id!,
      name: 'shot.png',
      offset: 65_536,
    });
    assert.equal(rest.next_offset, null);
    assert.deepEqual(
      Buffer.concat([Buffer.from(first.content, 'base64'), Buffer.from(rest.content, 'base64')]),
      bytes,
    );
  });

  test('refuses names that are paths, dots, devices, control characters or too long; no file appears', async () => {
    const [id] = await createTasks(core, 'Names');
    const before = workSnapshot(core);
    const names = [
      '../etc/passwd',
      'a/b',
      'a\\b',
      '..',
      '.',
      'a..b',
      'CON.txt',
      'x'.repeat(201),
      'a\u0000b',
      'tab\tname',
      'end.',
      'what?',
      '',
    ];
    for (const name of names) {
      const error = await core.fails('store_artifact', { task_id: id!, name, content: 'x' });
      assert.equal(error.code, 'VALIDATION', `${JSON.stringify(name)} should be refused`);
    }
    const traversal = await core.fails('store_artifact', {
      task_id: id!,
      name: '../etc/passwd',
      content: 'x',
    });
    assert.match(traversal.message, /path separator/);
    assert.match(
      (await core.fails('store_artifact', { task_id: id!, name: 'a\u0000b', content: 'x' }))
        .message,
      /NUL|control/,
    );
    assert.equal(
      (await core.fails('get_artifact', { task_id: id!, name: '../orchestron.db' })).code,
      'VALIDATION',
    );
    assert.equal(workSnapshot(core), before);
    assert.deepEqual(artifactFiles(core), []);
  });

  test('refuses content over 10 MB, bad base64, a missing task and a batch; nothing is written', async () => {
    const [id] = await createTasks(core, 'Limits');
    const before = workSnapshot(core);
    const big = await core.fails('store_artifact', {
      task_id: id!,
      name: 'big.txt',
      content: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    assert.equal(big.code, 'LIMIT');
    assert.match(big.message, /10485761 bytes; an artifact holds at most 10485760 bytes/);
    const bad = await core.fails('store_artifact', {
      task_id: id!,
      name: 'b.bin',
      content: 'not base64!',
      encoding: 'base64',
    });
    assert.equal(bad.code, 'VALIDATION');
    assert.equal(
      (await core.fails('store_artifact', { task_id: 999, name: 'a.txt', content: 'x' })).code,
      'NOT_FOUND',
    );
    await assert.rejects(
      core.orchestrator.callEach('store_artifact', [
        { task_id: id!, name: 'one.txt', content: '1' },
        { task_id: 999, name: 'two.txt', content: '2' },
      ]),
      /in a call of its own/,
    );
    const missing = await core.fails('get_artifact', { task_id: id!, name: 'nope.txt' });
    assert.equal(missing.code, 'NOT_FOUND');
    assert.match(missing.message, /It has no artifacts/);
    assert.equal(workSnapshot(core), before);
    assert.equal(existsSync(join(core.dir, 'artifacts')), false);
  });

  test('an agent may not store an artifact on a task another agent holds', async () => {
    const [id] = await createTasks(core, 'Held');
    await asAgent(core, 'claude').call('claim_task', { task_id: id! });
    const before = workSnapshot(core);
    const error = await asAgent(core, 'codex').fails('store_artifact', {
      task_id: id!,
      name: 'x.txt',
      content: 'x',
    });
    assert.equal(error.code, 'FORBIDDEN');
    assert.equal(workSnapshot(core), before);
    assert.deepEqual(artifactFiles(core), []);
  });

  test('deleting a task deletes its artifact files', async () => {
    const [keep, drop] = await createTasks(core, 'Keep', 'Drop');
    await core.call('store_artifact', { task_id: keep!, name: 'a.txt', content: 'a' });
    await core.call('store_artifact', { task_id: drop!, name: 'b.txt', content: 'b' });
    await core.call('delete_task', { task_id: drop! });
    assert.deepEqual(artifactFiles(core), [String(keep), join(String(keep), 'a.txt')]);
  });
});

describe('artifact files', () => {
  test('a placement undone puts the replaced file back, or removes the new one and its folder', () => {
    const root = makeTempDir();
    const target = join(root, '7', 'out.txt');
    mkdirSync(join(root, '7'));
    writeFileSync(target, 'old');
    const replaced = placeFile(stageFile(root, Buffer.from('new')), target);
    assert.equal(readFileSync(target, 'utf8'), 'new');
    replaced.undo();
    assert.equal(readFileSync(target, 'utf8'), 'old');
    const fresh = join(root, '8', 'out.txt');
    const placed = placeFile(stageFile(root, Buffer.from('new')), fresh);
    placed.undo();
    assert.equal(existsSync(join(root, '8')), false);
    const kept = placeFile(stageFile(root, Buffer.from('newer')), target);
    kept.commit();
    assert.equal(readFileSync(target, 'utf8'), 'newer');
    assert.deepEqual(readdirSync(root).sort(), ['7'], 'no staged or previous file is left behind');
  });
});
