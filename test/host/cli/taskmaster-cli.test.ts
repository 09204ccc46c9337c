// Task Master files through the real executable: `orchestron import` recognises a tasks.json by
// itself, `orchestron taskmaster import` takes a tag, and `orchestron taskmaster export --out`
// writes a file that imports again.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  flat,
  tagged,
  task,
  TASKMASTER_FIXTURE,
} from '../../core/intake/taskmaster/taskmaster-helpers.ts';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron and Task Master files', () => {
  let cli: CliSandbox;
  let other: CliSandbox;
  before(() => {
    cli = openCliSandbox();
    other = openCliSandbox();
  });
  after(() => {
    cli.dispose();
    other.dispose();
  });

  test('`orchestron import` recognises a Task Master file and imports it into the current project', () => {
    const file = join(cli.dir, 'tasks.json');
    writeFileSync(file, flat([task(1), task(2, { dependencies: [1], subtasks: ['a step'] })]));
    const result = cli.json('import_taskmaster', ['import', file]);
    assert.equal(result.task_count, 3);
    assert.equal(result.project.name, 'default');
    const readable = cli.expect(0, ['import', file]);
    assert.match(
      readable.stdout,
      /Imported 3 task\(s\) \(2 top-level, 1 subtask\(s\)\) into project "default"/,
    );
    assert.match(readable.stdout, /id map: 1 → \d+, 2 → \d+, 2\.1 → \d+/);
  });

  test('--name does not apply to a Task Master file: a clear error, nothing imported', () => {
    const file = join(cli.dir, 'named.json');
    writeFileSync(file, flat([task(1)]));
    const run = cli.expect(1, ['import', file, '--name', 'fresh']);
    assert.match(
      run.stderr,
      /error\[VALIDATION\]: A Task Master file is imported into an existing project/,
    );
  });

  test('`orchestron taskmaster import` takes one tag and a project; broken JSON names its line', () => {
    cli.expect(0, ['project', 'create', 'tm']);
    const file = join(cli.dir, 'tagged.json');
    writeFileSync(file, tagged({ master: [task(1), task(2)], other: [task(1)] }));
    const result = cli.json('import_taskmaster', [
      'taskmaster',
      'import',
      file,
      '--tag',
      'other',
      '--project',
      'tm',
    ]);
    assert.equal(result.task_count, 1);
    assert.equal(result.project.name, 'tm');
    const broken = join(cli.dir, 'broken.json');
    writeFileSync(broken, '{"tasks": [\n  {"id": 1,,}\n]}');
    const run = cli.expect(1, ['taskmaster', 'import', broken]);
    assert.match(run.stderr, /error\[VALIDATION\]: The file is not valid JSON \(line 2/);
  });

  test('`orchestron taskmaster export --out` writes a tasks.json that imports again', () => {
    const source = join(cli.dir, 'fixture.json');
    writeFileSync(source, readFileSync(TASKMASTER_FIXTURE));
    cli.expect(0, ['project', 'create', 'tmx']);
    cli.expect(0, ['taskmaster', 'import', source, '--tag', 'tm-start', '--project', 'tmx']);
    const out = join(cli.dir, 'exported.json');
    cli.expect(0, ['taskmaster', 'export', '--project', 'tmx', '--out', out]);
    const document = JSON.parse(readFileSync(out, 'utf8')) as Record<string, { tasks: unknown[] }>;
    assert.equal(document['master']!.tasks.length, 6);
    const again = other.json('import_taskmaster', ['import', out]);
    assert.equal(again.task_count, 6);
  });
});
