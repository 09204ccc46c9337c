// `orchestron doctor` and `orchestron exec` through the real CLI: the sandbox this machine
// offers with what it guarantees, the runtimes, and a run whose output and exit code come back.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

let cli: CliSandbox;
before(() => (cli = openCliSandbox()));
after(() => cli.dispose());

describe('orchestron doctor', () => {
  test('names the sandbox, what it guarantees and lacks, and each runtime', () => {
    const run = cli.expect(0, ['doctor']);
    assert.match(run.stdout, /^Sandbox: (bubblewrap|rlimits) \(code runs as uid \d+\)/);
    assert.match(run.stdout, /Guarantees:\n {2}- /);
    assert.match(run.stdout, /Does not guarantee:/);
    assert.match(run.stdout, /Stronger sandbox: |This is the strongest sandbox/);
    assert.match(run.stdout, /python3 for python: (Python 3|missing)/);
    assert.match(run.stdout, /bash for bash: /);
    assert.match(run.stdout, /node for javascript, typescript, sql: v24\./);
    const report = cli.json('get_doctor_report', ['doctor']);
    assert.ok(report.sandbox.guarantees.length > 0);
    assert.deepEqual(
      report.runtimes.map((runtime) => runtime.name),
      ['python3', 'bash', 'node', 'npm'],
    );
  });
});

describe('orchestron exec', () => {
  test('prints the output and exits with the run exit code', () => {
    const ok = cli.expect(0, ['exec', 'bash', '-'], { input: 'echo hi from exec\n' });
    assert.match(ok.stdout, /hi from exec/);
    assert.match(ok.stdout, /Run \d+ succeeded in \d+ ms\. \[(bubblewrap|rlimits) sandbox\]/);
    const file = join(cli.dir, 'fail.py');
    writeFileSync(file, 'print("about to fail")\nraise SystemExit(7)\n');
    const failed = cli.expect(7, ['exec', 'python', file]);
    assert.match(failed.stdout, /about to fail/);
    assert.match(failed.stdout, /failed with exit code 7/);
  });

  test('refuses an unknown language before running anything', () => {
    const run = cli.run(['exec', 'cobol', '-'], { input: 'DISPLAY "x"' });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /language must be one of python/);
  });
});
