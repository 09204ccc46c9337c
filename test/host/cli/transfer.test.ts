// Export and import through the real executable: a project exported, imported into a fresh
// database and exported again gives the identical document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectDocumentSchema } from '../../../src/shared/operations/transfer.ops.ts';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron export / import', () => {
  let source: CliSandbox;
  let target: CliSandbox;
  before(() => {
    source = openCliSandbox();
    target = openCliSandbox();
    source.expect(0, [
      'project',
      'create',
      'alpha',
      '--description',
      'Round trip',
      '--root-path',
      '/code/alpha',
    ]);
    const inAlpha = ['--project', 'alpha'];
    source.expect(0, [
      'task',
      'create',
      ...inAlpha,
      '--title',
      'Schema',
      '--tags',
      'db',
      '--tag',
      'core',
      '--priority',
      'urgent',
      '--details',
      'Line 1\nLine 2',
    ]);
    source.expect(0, [
      'task',
      'create',
      ...inAlpha,
      '--title',
      'API "v1"',
      '--depends-on',
      '1',
      '--acceptance-criteria',
      'Returns 200',
      '--file-refs',
      '{"path":"src/api.ts","line_start":3,"line_end":9,"note":"entry"}',
    ]);
    source.expect(0, [
      'task',
      'create',
      ...inAlpha,
      '--title',
      'Subtask',
      '--parent',
      '2',
      '--position',
      '{"x":1.5,"y":-2}',
      '--estimated-hours',
      '1.25',
    ]);
    source.expect(0, ['task', 'status', '1', 'in_progress']);
    source.expect(0, ['task', 'status', '1', 'completed']);
    source.expect(0, ['task', 'link-commit', '1', 'deadbeef', '--commit-message', 'Add schema']);
  });
  after(() => {
    source.dispose();
    target.dispose();
  });

  test('export prints the project document as pretty JSON, or writes it with --out', () => {
    const printed = source.expect(0, ['export', '--project', 'alpha']).stdout;
    const document = projectDocumentSchema().parse(JSON.parse(printed));
    assert.equal(document.tasks.length, 3);
    assert.match(printed, /^\{\n  "format": "orchestron.project"/);
    const file = join(source.dir, 'alpha.json');
    source.expect(0, ['export', '--project', 'alpha', '--out', file]);
    assert.equal(readFileSync(file, 'utf8'), printed);
  });

  test('export → import into a fresh database → export gives identical JSON', () => {
    const file = join(source.dir, 'first.json');
    source.expect(0, ['export', '--project', 'alpha', '--out', file]);
    const imported = target.json('import_project', ['import', file]);
    assert.equal(imported.task_count, 3);
    assert.equal(imported.renumbered, false);
    const again = target.expect(0, ['export', '--project', 'alpha']).stdout;
    assert.equal(again, readFileSync(file, 'utf8'));
  });

  test('import reads standard input and accepts the --json output of export; --name renames', () => {
    const wrapped = source.expect(0, ['export', '--project', 'alpha', '--json']).stdout;
    const run = target.expect(0, ['import', '-', '--name', 'alpha-copy'], { input: wrapped });
    assert.match(run.stdout, /Imported 3 task\(s\) into project "alpha-copy"/);
    assert.match(run.stdout, /renumbered: true/);
    const clash = target.expect(1, ['import', '-'], { input: wrapped });
    assert.match(clash.stderr, /^error\[VALIDATION\]: .*already exists[\s\S]*--name/);
  });

  test('import of a missing or malformed file exits 1 and says what was wrong', () => {
    assert.match(
      target.expect(1, ['import', join(target.dir, 'nope.json')]).stderr,
      /^error\[NOT_FOUND\]: Cannot read document .*no such file/,
    );
    assert.match(
      target.expect(1, ['import', '-'], { input: '{"format":"other"}' }).stderr,
      /^error\[VALIDATION\]: .*not an Orchestron project export/,
    );
    assert.match(
      target.expect(1, ['import', '-'], { input: 'not json' }).stderr,
      /^error\[VALIDATION\]: document .* is not valid JSON/,
    );
  });
});
