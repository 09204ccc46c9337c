// The CLI says on standard error when it creates a new database file, so a mistyped --db path
// is noticed; it says nothing once the file exists, and never mixes the note into --json output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN, openCliSandbox, runBin, type CliSandbox } from './cli-harness.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The whole of stderr on success: the one note line ("creating", or "created" once done). */
const note = (path: string) =>
  new RegExp(
    `^orchestron: creat(ing|ed) a new database at ${escape(path)} \\(no file was there\\)\\n$`,
  );

describe('the note about a new database file', () => {
  let cli: CliSandbox;
  before(() => (cli = openCliSandbox()));
  after(() => cli.dispose());

  test('--db naming a missing file: one line on stderr, with the absolute path', () => {
    const run = cli.expect(0, ['project', 'list']);
    assert.match(run.stderr, note(cli.databasePath));
    assert.ok(existsSync(cli.databasePath));
  });

  test('nothing is printed once the file exists', () => {
    assert.equal(cli.expect(0, ['project', 'list']).stderr, '');
  });

  test('a relative --db is reported as the absolute path it resolves to', () => {
    const run = spawnSync(process.execPath, [BIN, '--db', 'relative.db', 'project', 'list'], {
      cwd: cli.dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, note(join(cli.dir, 'relative.db')));
  });

  test('with --json the note goes to stderr and stdout is one JSON document', () => {
    const path = join(cli.dir, 'json.db');
    const run = runBin(['--db', path, 'project', 'list', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, note(path));
    assert.doesNotThrow(() => JSON.parse(run.stdout));
    assert.doesNotMatch(run.stdout, /creating a new database/);
  });

  test('the default database gets the same note the first time only', () => {
    const home = mkdtempSync(join(tmpdir(), 'orchestron-home-'));
    try {
      const env = { ORCHESTRON_HOME: home };
      const first = runBin(['project', 'list'], { env });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, note(join(home, 'orchestron.db')));
      const second = runBin(['project', 'list'], { env });
      assert.equal(second.stderr, '');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
