// `orchestron serve --host` with a name that does not resolve fails at once with VALIDATION and
// says what to use instead, rather than crashing with INTERNAL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron serve --host', () => {
  let cli: CliSandbox;
  before(() => (cli = openCliSandbox()));
  after(() => cli.dispose());

  test('a host name that cannot be resolved exits 1 with VALIDATION, quickly', () => {
    const start = Date.now();
    const run = cli.expect(1, ['serve', '--host', 'bad..host', '--port', '0']);
    assert.ok(Date.now() - start < 10_000, 'no hanging on the lookup');
    const errorLine = run.stderr.split('\n').find((line) => line.startsWith('error['));
    assert.equal(
      errorLine,
      'error[VALIDATION]: Cannot listen on "bad..host": that host name cannot be resolved (ENOTFOUND). Use 127.0.0.1, or another address of this machine.',
    );
    assert.doesNotMatch(run.stderr, /INTERNAL|\n\s+at /);
    // serve, like every command, says when it made a new database file
    assert.match(
      run.stderr,
      /^orchestron: creat(ing|ed) a new database at \S+ \(no file was there\)\n/,
    );
    assert.equal(run.stdout, '');
  });

  test('with --json the error is the JSON document on stdout', () => {
    const run = cli.expect(1, ['serve', '--host', 'no-such-host.invalid', '--port', '0', '--json']);
    const { error } = JSON.parse(run.stdout) as {
      error: { code: string; message: string; details: Record<string, unknown> };
    };
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /cannot be resolved .*Use 127\.0\.0\.1/);
    assert.equal(error.details['host'], 'no-such-host.invalid');
  });
});
