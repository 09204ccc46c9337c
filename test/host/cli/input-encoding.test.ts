// JSON read from a file, @file or standard input must be UTF-8: other bytes are refused with
// the file and byte offset instead of being stored as U+FFFD; and --input of a shape no
// operation takes (100,000 levels deep, a NUL in a field) is refused cleanly, never a crash.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../../src/shared/errors.ts';
import { readInputOption, readJsonFile } from '../../../src/host/cli/input-sources.ts';
import { BIN, openCliSandbox, type CliSandbox } from './cli-harness.ts';

/** `{"title":"café"}` in Latin-1: the é is the single byte 0xE9, at offset 13. */
const LATIN1 = Buffer.concat([
  Buffer.from('{"title":"caf'),
  Buffer.from([0xe9]),
  Buffer.from('"}'),
]);

describe('reading --input and JSON files', () => {
  let cli: CliSandbox;
  before(() => (cli = openCliSandbox()));
  after(() => cli.dispose());

  const file = (name: string, content: string | Buffer) => {
    const path = join(cli.dir, name);
    writeFileSync(path, content);
    return path;
  };

  test('UTF-8 files decode exactly, with or without a byte order mark', () => {
    const text = '{"title":"Café 😀 — 名前"}';
    assert.deepEqual(readInputOption(`@${file('plain.json', text)}`), { title: 'Café 😀 — 名前' });
    const withBom = file(
      'bom.json',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    assert.deepEqual(readJsonFile(withBom, 'document'), { title: 'Café 😀 — 名前' });
  });

  test('a Latin-1 file is refused with its name and the offset of the bad byte', () => {
    const path = file('latin1.json', LATIN1);
    assert.throws(
      () => readInputOption(`@${path}`),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'VALIDATION');
        assert.equal(
          error.message,
          `--input from ${path} is not UTF-8 text (byte 0xE9 at offset 13, counting from 0); save it as UTF-8 and try again.`,
        );
        assert.deepEqual(error.details, { path, offset: 13 });
        return true;
      },
    );
  });

  test('the CLI refuses bad bytes in @file, stdin and a file argument, before opening the database', () => {
    const path = file('latin1-cli.json', LATIN1);
    const viaFile = cli.expect(1, ['task', 'create', '--input', `@${path}`]);
    assert.match(
      viaFile.stderr,
      /^error\[VALIDATION\]: --input from .*latin1-cli\.json is not UTF-8 text \(byte 0xE9 at offset 13/,
    );
    const viaStdin = runWithBytes(cli, ['task', 'create', '--input', '-'], LATIN1);
    assert.match(viaStdin, /^error\[VALIDATION\]: --input from standard input is not UTF-8 text/);
    const viaArgument = cli.expect(1, ['import', path, '--json']);
    assert.match(
      viaArgument.stderr,
      /^error\[VALIDATION\]: document from .*latin1-cli\.json is not UTF-8 text/,
    );
    assert.equal(JSON.parse(viaArgument.stdout).error.details.offset, 13);
    assert.ok(!existsSync(cli.databasePath), 'nothing was opened or created');
  });

  test('--input nested 100,000 levels deep is refused with VALIDATION, not a crash', () => {
    const deep = `{"title":"deep","tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const run = cli.expect(1, ['task', 'create', '--input', '-'], { input: deep });
    assert.match(
      run.stderr,
      /^error\[VALIDATION\]: The input is nested more than 32 levels deep at tags(\[0\])+; send flat JSON objects\.\n$/,
    );
  });

  test('--input with a NUL or a lone surrogate in a field names the field', () => {
    const nul = cli.expect(1, ['task', 'create', '--input', '{"title":"a\\u0000b"}']);
    assert.match(nul.stderr, /^error\[VALIDATION\]: title contains U\+0000 \(NUL\) at index 1/);
    const half = cli.expect(1, [
      'task',
      'create',
      '--input',
      '{"title":"x","tags":["ok","\\ud83d"]}',
    ]);
    assert.match(
      half.stderr,
      /^error\[VALIDATION\]: tags\[1\] contains U\+D83D \(high surrogate\)/,
    );
  });
});

/** Runs with raw bytes on standard input (the harness sends text) and returns stderr. */
function runWithBytes(cli: CliSandbox, args: readonly string[], bytes: Buffer): string {
  const run = spawnSync(process.execPath, [BIN, '--db', cli.databasePath, ...args], {
    input: bytes,
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(run.status, 1, run.stderr);
  return run.stderr;
}
