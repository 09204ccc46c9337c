// The CLI as a person uses it: from a code folder outside the checkout, bound to a project by
// init; Task Master's words; one line per write; hints worded as commands; 80-column tables.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN } from './cli-harness.ts';

let home: string;
let code: string;

function orchestron(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ORCHESTRON_HOME: home,
      ORCHESTRON_ACTOR: 'cli-test',
      ORCHESTRON_PROJECT: '',
    },
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function ok(cwd: string, ...args: string[]): string {
  const run = orchestron(cwd, ...args);
  assert.equal(run.code, 0, `orchestron ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

describe('the CLI in a code folder', () => {
  before(() => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestron-people-')));
    home = join(base, 'data');
    code = join(base, 'shopfront');
    mkdirSync(join(code, 'src', 'cart'), { recursive: true });
  });
  after(() => rmSync(join(home, '..'), { recursive: true, force: true }));

  test('init binds the folder; commands below it act on that project, and project says why', () => {
    assert.match(ok(code, 'init'), /Created project "shopfront" for .*shopfront/);
    for (let i = 1; i <= 12; i++)
      ok(join(code, 'src', 'cart'), 'task', 'create', '--title', `Task ${i}`);
    const listed = ok(join(code, 'src'), 'task', 'list');
    assert.match(listed, /12 of 12 tasks shown/);
    assert.match(
      ok(code, 'project'),
      /Project "shopfront" \(id 2\), because you are in .*shopfront/,
    );
    const outside = join(home, '..');
    assert.match(ok(outside, 'project'), /Project "default" \(id 1\), because no folder/);
    assert.match(ok(outside, 'task', 'list'), /tasks: none/);
    ok(outside, 'project', 'use', 'shopfront');
    assert.match(ok(outside, 'project'), /because it is your current project/);
    assert.match(ok(outside, 'task', 'list', '--project', 'default'), /tasks: none/);
  });

  test('a folder is bound by init --name to an existing project, or by project update --root-path', () => {
    const api = join(code, '..', 'api');
    const web = join(code, '..', 'web');
    mkdirSync(api);
    mkdirSync(web);
    ok(api, 'project', 'create', 'backend');
    assert.match(ok(api, 'init', '--name', 'backend'), /Bound project "backend" to .*api/);
    ok(web, 'project', 'create', 'frontend');
    assert.match(
      ok(web, 'project', 'update', 'frontend', '--root-path', '.'),
      /updated: root_path/,
    );
    assert.match(ok(web, 'project'), /"frontend".*because you are in .*web/);
    assert.match(ok(web, 'project', 'update', 'frontend', '--name', 'front'), /updated: name\./);
    assert.match(
      ok(web, 'project'),
      /"front".*because you are in .*web/,
      'renaming kept the folder',
    );
  });

  test("Task Master's habits: next, show 1,2, status 1,2 done, in-progress, aliases", () => {
    ok(code, 'dep', 'add', '4', '3');
    ok(code, 'task', 'update', '5', '--priority', 'high');
    assert.match(
      ok(code, 'next'),
      /^Next: #5 Task 5 \(high priority, the highest among 11 ready task\(s\)/,
    );
    assert.match(ok(code, 'task', 'next'), /^Next: #5/);
    const shown = ok(code, 'show', '3,4');
    assert.match(shown, /#3 Task 3[\s\S]*#4 Task 4/);
    const line = ok(code, 'task', 'status', '3,5', 'in-progress');
    assert.equal(line, '#3 Task 3 → in_progress\n#5 Task 5 → in_progress\n');
    assert.equal(ok(code, 'task', 'status', '3', 'done'), '#3 Task 3 → completed; ready now: #4\n');
    const refused = orchestron(code, 'task', 'status', '5,99', 'done');
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^error\[NOT_FOUND\]: No task with id 99\.\n  To find the right id: orchestron task list\n/,
    );
    assert.match(ok(code, 'task', 'get', '5'), /status\s+in_progress/, 'the batch changed nothing');
  });

  test('errors say how to fix them with commands, never with tool names', () => {
    const deleted = orchestron(code, 'task', 'delete', '3');
    assert.equal(deleted.code, 1);
    assert.match(
      deleted.stderr,
      /To delete them too: orchestron task delete 3 --on-dependents cascade/,
    );
    assert.doesNotMatch(deleted.stderr, /on_dependents|list_tasks|delete_task/);
    const missing = orchestron(code, 'task', 'get', '99');
    assert.equal(
      missing.stderr,
      'error[NOT_FOUND]: No task with id 99.\n  To find the right id: orchestron task list\n',
    );
    const typo = orchestron(code, 'task', 'nxt');
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /next/);
    const status = orchestron(code, 'task', 'list', '--input', '{"status":"finished"}');
    assert.match(status.stderr, /--status: expected one of pending, in_progress/);
  });

  test('text ends with a newline, tables fit 80 columns, the graph prints raw', () => {
    ok(code, 'task', 'create', '--title', 'A very long title '.repeat(12), '--tag', 'UI');
    for (const args of [['task', 'list'], ['project', 'list'], ['events'], ['task', 'ready']]) {
      const text = ok(code, ...args);
      assert.ok(text.endsWith('\n'), args.join(' '));
      for (const line of text.split('\n'))
        assert.ok(line.length <= 80, `${args.join(' ')}: ${line}`);
    }
    const mermaid = ok(code, 'graph', '--format', 'mermaid');
    assert.ok(mermaid.endsWith('t3 --> t4\n'), mermaid.slice(-40));
    assert.match(ok(code, 'task', 'list', '--tag', 'ui'), /A very long title/);
  });
});
