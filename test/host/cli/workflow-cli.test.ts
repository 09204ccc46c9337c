// `orchestron run`, `status` and `report` through the real CLI: a task-Markdown file runs to its
// end with a progress line and the exit code of its outcome, the same file again reuses its tasks,
// a report is written to a file on request; and `exec` shows a run's output as it comes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN, openCliSandbox, type CliSandbox } from './cli-harness.ts';

let cli: CliSandbox;
before(() => (cli = openCliSandbox()));
after(() => cli.dispose());

const EXAMPLE = join(import.meta.dirname, '../../../docs/task-markdown-example.md');

const FAILING = `# Fails on purpose

## Objective

Show that a failed verification fails the run.

## Step say: Say the wrong word

\`\`\`bash
echo nope
\`\`\`

\`\`\`verify
contains: yes
\`\`\`

## Step after: Never runs

Depends on: say

\`\`\`bash
echo after
\`\`\`
`;

describe('orchestron run', () => {
  test('runs a task-Markdown file to its end, and again reuses its tasks', () => {
    const plan = join(cli.dir, 'plan.md');
    copyFileSync(EXAMPLE, plan);
    const first = cli.expect(0, ['run', plan]);
    assert.match(first.stdout, /^Workflow run 1: completed — 5\/5 done, 0 failed/);
    assert.match(first.stdout, /#\d+ passed +Count words two ways — its subtasks passed/);
    const tasks = cli.json('list_tasks', ['task', 'list']);
    assert.equal(tasks.tasks.length, 5);
    const parent = tasks.tasks.find((task) => task.title === 'Count words two ways')!;
    assert.equal(parent.status, 'completed');
    const second = cli.expect(0, ['run', plan]);
    assert.match(second.stdout, /completed — 5\/5 done/);
    assert.match(second.stdout, /done_before/);
    assert.equal(cli.json('list_tasks', ['task', 'list']).tasks.length, 5, 'no second copy');
    const status = cli.expect(0, ['status', '2']);
    assert.match(status.stdout, /^Workflow run 2: completed/);
  });

  test('exits 1 when a verification fails, and the report says what happened', () => {
    const plan = join(cli.dir, 'failing.md');
    writeFileSync(plan, FAILING);
    const run = cli.expect(1, ['run', plan, '--retries', '0']);
    assert.match(run.stdout, /: failed — 0\/3 done, 1 failed/);
    assert.match(run.stdout, /blocked +Never runs — prerequisite #\d+ failed/);
    const runId = /Workflow run (\d+)/.exec(run.stdout)![1]!;
    const out = join(cli.dir, 'report.md');
    cli.expect(0, ['report', runId, '--out', out]);
    const report = readFileSync(out, 'utf8');
    assert.match(report, /^# Workflow run \d+: /);
    assert.match(report, /Status: \*\*failed\*\*/);
    assert.match(report, /contains \| "yes" \| "nope\\n" \| FAILED/);
    const listed = cli.json('list_reports', ['report', 'list', '--run-id', runId]);
    const shown = cli.expect(0, ['report', 'show', String(listed.reports[0]!.id)]);
    assert.equal(shown.stdout, report);
  });

  test('a file that is not task Markdown is refused with its line, and nothing is created', () => {
    const plan = join(cli.dir, 'broken.md');
    writeFileSync(plan, '# Broken\n\n## Step a: A\n\nDepends on: nowhere\n');
    const tasksBefore = cli.json('list_tasks', ['task', 'list']).tasks.length;
    const run = cli.expect(1, ['run', plan]);
    assert.match(run.stderr, /error\[VALIDATION\].*line \d+/s);
    assert.equal(cli.json('list_tasks', ['task', 'list']).tasks.length, tasksBefore);
  });
});

describe('orchestron exec', () => {
  test('shows the output as it comes, before the program ends', async () => {
    // the sandbox keeps the program from anything the test could signal it with, so it pauses
    // long enough that only output shown as it comes is seen while the program still runs
    const code = 'echo first; sleep 3; echo second';
    const child = spawn(process.execPath, [BIN, '--db', cli.databasePath, 'exec', 'bash', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(code);
    let stdout = '';
    const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('first')) resolve();
      }),
    );
    assert.equal(child.exitCode, null, 'the first line came while the program still ran');
    assert.doesNotMatch(stdout, /second/);
    assert.equal(await ended, 0);
    assert.match(stdout, /first\r?\nsecond\r?\nRun \d+ succeeded/);
    assert.equal(stdout.match(/first/g)!.length, 1, 'the output is not printed twice');
  });

  test('--stdin - types standard input into the program', () => {
    const file = join(cli.dir, 'greet.py');
    writeFileSync(file, 'import sys\nprint("hello", sys.stdin.readline().strip())\n');
    const run = cli.expect(0, ['exec', 'python', file, '--stdin', '-'], { input: 'bob\n' });
    assert.match(run.stdout, /hello bob/);
  });
});
