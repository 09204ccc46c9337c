// `orchestron prd parse` and `prd import` through the real CLI: a readable preview that writes
// nothing, an import of the selected proposals, and a second import of the same PRD refused
// (with the flag that allows it) instead of copying every task.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

let cli: CliSandbox;
before(() => (cli = openCliSandbox()));
after(() => cli.dispose());

const SAMPLE = join(import.meta.dirname, '../../core/intake/prd/fixtures/seed-002-sample.txt');

test('parse previews without writing; import creates the tasks once', () => {
  const preview = cli.expect(0, ['prd', 'parse', SAMPLE]);
  assert.match(preview.stdout, /"User Authentication System" \(markdown\): 2 features/);
  assert.match(preview.stdout, /\[x\] T1 User Registration {2}\(high; lines 4-10; confidence/);
  assert.equal(
    cli.json('list_tasks', ['task', 'list']).tasks.length,
    0,
    'a preview writes nothing',
  );

  const imported = cli.expect(0, ['prd', 'import', SAMPLE]);
  assert.match(
    imported.stdout,
    /^Created 2 task\(s\) with 0 dependencies from "User Authentication System"/,
  );
  const tasks = cli.json('list_tasks', ['task', 'list']).tasks;
  assert.deepEqual(
    tasks.map((task) => task.title),
    ['User Registration', 'User Login'],
  );
  const login = cli.json('get_task', ['task', 'get', String(tasks[1]!.id)]);
  assert.equal(login.task.acceptance_criteria.length, 3);
  assert.match(login.task.details, /From the PRD "User Authentication System", lines 12-18/);

  const again = cli.expect(1, ['prd', 'import', SAMPLE]);
  assert.match(again.stderr, /error\[CONFLICT\]: .* imported into project "default" before/);
  assert.match(again.stderr, /orchestron .*prd import .*seed-002-sample\.txt --again/);
  assert.equal(cli.json('list_tasks', ['task', 'list']).tasks.length, 2);
  cli.expect(0, ['prd', 'import', SAMPLE, '--again']);
  assert.equal(cli.json('list_tasks', ['task', 'list']).tasks.length, 4);
});

test('a binary file is refused with a clear error', () => {
  const run = cli.run(['prd', 'parse', '-'], { input: 'PRD\u0000binary' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /NUL/);
});
