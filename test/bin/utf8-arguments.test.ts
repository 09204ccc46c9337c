// An argument that is not UTF-8 (say Latin-1 from an old terminal) is refused with exit 2 before
// anything runs, naming the argument and the byte, instead of being stored with U+FFFD in it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN, NO_OLD_NODE, SYSTEM_NODE, runBash, tempDir } from './bin-harness.ts';

const notLinux = process.platform === 'linux' ? false : 'the check reads /proc/self/cmdline';

/** `node BIN task create --db <db> --title <printf of title>`: printf makes the raw bytes. */
function createWithTitle(node: string, databasePath: string, title: string) {
  return runBash('exec "$1" "$2" task create --db "$3" --title "$(printf "$4")"', [
    node,
    BIN,
    databasePath,
    title,
  ]);
}

describe('arguments that are not UTF-8', { skip: notLinux }, () => {
  let temp: ReturnType<typeof tempDir>;
  before(() => (temp = tempDir()));
  after(() => temp.dispose());

  test('are refused with exit 2, naming the argument, the byte and its position', () => {
    const databasePath = join(temp.dir, 'refused.db');
    const run = createWithTitle(process.execPath, databasePath, 'caf\\xe9');
    assert.equal(run.code, 2, run.stderr);
    assert.equal(
      run.stderr,
      'error[VALIDATION]: argument 6 is not valid UTF-8 text (byte 0xe9 at position 4); pass text in UTF-8.\n',
    );
    assert.equal(run.stdout, '');
    assert.equal(existsSync(databasePath), false, 'nothing ran');
  });

  test('a truncated sequence after valid multi-byte text is found where it starts', () => {
    const run = createWithTitle(
      process.execPath,
      join(temp.dir, 'x.db'),
      'ok \\xf0\\x9f\\x98\\x80 \\xe2\\x28',
    );
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /argument 6 .*\(byte 0xe2 at position 9\)/);
  });

  test('are refused before the re-launch on an old Node', { skip: NO_OLD_NODE }, () => {
    const run = createWithTitle(SYSTEM_NODE, join(temp.dir, 'x.db'), '\\xff');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^error\[VALIDATION\]: argument 6 .*\(byte 0xff at position 1\)/);
  });

  test('a real U+FFFD written in UTF-8 is accepted', () => {
    const run = createWithTitle(
      process.execPath,
      join(temp.dir, 'kept.db'),
      'real \\xef\\xbf\\xbd',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /real \uFFFD/);
  });
});
