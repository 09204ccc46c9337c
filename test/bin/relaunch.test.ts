// On a Node without Node-API 10 the executable re-launches itself on the project's pinned Node 24,
// from the checkout or through a link elsewhere (what `npm link` makes), passing exit codes
// through; with ORCHESTRON_NO_RELAUNCH=1 it refuses with guidance that does not mention npx.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runtimeProblem } from '../../src/core/store/runtime-check.ts';
import {
  BIN,
  NO_OLD_NODE,
  SYSTEM_NODE,
  SYSTEM_NODE_VERSIONS,
  runBash,
  runFile,
  tempDir,
} from './bin-harness.ts';

describe('the executable on an old system Node', { skip: NO_OLD_NODE }, () => {
  let temp: ReturnType<typeof tempDir>;
  before(() => (temp = tempDir()));
  after(() => temp.dispose());

  test('re-launches on the pinned Node: --version and task create work', () => {
    const version = runFile(BIN, ['--version'], { node: SYSTEM_NODE });
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);

    const databasePath = join(temp.dir, 'x.db');
    const created = runFile(
      BIN,
      ['task', 'create', '--db', databasePath, '--title', 't', '--json'],
      { node: SYSTEM_NODE },
    );
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).task.title, 't');
  });

  test("passes the child's exit code through: 1 for a failed operation, 2 for a bad command line", () => {
    const missing = runFile(BIN, ['task', 'get', '999', '--db', join(temp.dir, 'x.db')], {
      node: SYSTEM_NODE,
    });
    assert.equal(missing.code, 1, missing.stderr);
    assert.match(missing.stderr, /^error\[NOT_FOUND\]/);

    const wrong = runFile(BIN, ['--no-such-option'], { node: SYSTEM_NODE });
    assert.equal(wrong.code, 2, wrong.stderr);
  });

  test('works through a link outside the checkout, run from another folder', () => {
    const link = join(temp.dir, 'orchestron');
    symlinkSync(BIN, link);
    const work = tempDir();
    try {
      const run = runFile(link, ['task', 'create', '--db', 'here.db', '--title', 'linked'], {
        node: SYSTEM_NODE,
        cwd: work.dir,
      });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /linked/);

      // as a shell runs it from PATH: the #! line picks the system Node
      const onPath = runBash('orchestron --version', [], {
        cwd: work.dir,
        env: { ...process.env, PATH: `${temp.dir}:/usr/bin:/bin` },
      });
      assert.equal(onPath.code, 0, onPath.stderr);
      assert.match(onPath.stdout, /^\d+\.\d+\.\d+\n$/);
    } finally {
      work.dispose();
    }
  });

  test('ORCHESTRON_NO_RELAUNCH=1 refuses with exit 1 and how to get a new enough Node', () => {
    const run = runFile(BIN, ['task', 'list'], {
      node: SYSTEM_NODE,
      env: { ORCHESTRON_NO_RELAUNCH: '1' },
    });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /^error\[FORBIDDEN\]: Orchestron needs Node-API 10 \(Node\.js >= 22\)/,
    );
    assert.match(run.stderr, /`npm install` and `npm link` in the Orchestron checkout/);
    assert.match(run.stderr, /install Node\.js 22 or newer\.\n$/);
    assert.doesNotMatch(run.stderr, /npx/);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `error[FORBIDDEN]: ${runtimeProblem(SYSTEM_NODE_VERSIONS!)}\n`,
      "the same words as the core's runtime check",
    );
  });
});

test('the pinned Node runs the executable through a link outside the checkout', () => {
  const temp = tempDir();
  try {
    const link = join(temp.dir, 'orchestron');
    symlinkSync(BIN, link);
    const run = runFile(link, ['task', 'create', '--db', 'x.db', '--title', 'direct', '--json'], {
      cwd: temp.dir,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).task.title, 'direct');
  } finally {
    temp.dispose();
  }
});
