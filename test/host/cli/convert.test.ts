// `orchestron convert` and `orchestron to-markdown` through the real executable: a file, standard
// input, a broken file (exit 1, problems by line), a binary file, and JSON back to Markdown.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

const EXAMPLE = fileURLToPath(new URL('../../../docs/task-markdown-example.md', import.meta.url));

describe('orchestron convert', () => {
  let cli: CliSandbox;
  before(() => {
    cli = openCliSandbox();
  });
  after(() => cli.dispose());

  test('prints a summary of the documented example', () => {
    const run = cli.expect(0, ['convert', EXAMPLE]);
    assert.match(
      run.stdout,
      /^Count words two ways: 4 steps\n {2}tools {9}Check the interpreters\n/,
    );
    assert.match(
      run.stdout,
      /after tools; parallel; 1 command \(python\); verify exit: 0, output: \/\^9\$\/m/,
    );
  });

  test('prints the whole document with --json', () => {
    const { document, warnings } = cli.json('convert_task', ['convert', EXAMPLE]);
    assert.deepEqual(
      document.steps.map((step) => step.id),
      ['tools', 'count-bash', 'count-python', 'report'],
    );
    assert.deepEqual(warnings, []);
  });

  test('reads standard input for -', () => {
    const run = cli.expect(0, ['convert', '-'], {
      input: '# T\n\n## Step a: A\n\n```sh\ntrue\n```\n',
    });
    assert.match(
      run.stdout,
      /^T: 1 step\n {2}a {2}A\n {5}1 command \(bash\)\n1 warning:\n {2}line 3: step "a" has commands but no verify block/,
    );
  });

  test('a broken file exits 1 with every problem by line', () => {
    const path = join(cli.dir, 'broken.md');
    writeFileSync(
      path,
      '# T\n\n## Step a: A\nDepends on: zz\n\n```verify\noutput: /(/\n```\n\n## Step a: B\n',
    );
    const run = cli.expect(1, ['convert', path]);
    assert.equal(
      run.stderr.replace(/^orchestron: created a new database.*\n/m, ''),
      [
        'error[VALIDATION]: The task Markdown has 3 problems; fix them and convert again:',
        '  line 4, column 13: step "a" depends on "zz", but no step has that id; the step ids are a, a',
        '  line 7, column 10: invalid regular expression: /(/: Unterminated group',
        '  line 10, column 9: step id "a" is already used by the step at line 3; give each step its own id',
        '',
      ].join('\n'),
    );
  });

  test('a binary file is refused with where its NUL byte is', () => {
    const path = join(cli.dir, 'binary.md');
    writeFileSync(path, Buffer.from([0x23, 0x20, 0x54, 0x0a, 0x41, 0x00, 0x42]));
    const run = cli.expect(1, ['convert', path]);
    assert.match(
      run.stderr,
      /has a NUL byte at line 2, column 2: it is a binary file, not text\. Pass a UTF-8 text file\./,
    );
  });

  test('a file that is not UTF-8, and a missing file', () => {
    const path = join(cli.dir, 'latin1.md');
    writeFileSync(path, Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.match(
      cli.expect(1, ['convert', path]).stderr,
      /is not UTF-8 text \(byte 0xE9 at offset 5/,
    );
    assert.match(cli.expect(1, ['convert', join(cli.dir, 'nope.md')]).stderr, /no such file/);
  });

  test('to-markdown writes a --json document back as Markdown that converts the same', () => {
    const { document } = cli.json('convert_task', ['convert', EXAMPLE]);
    const path = join(cli.dir, 'workflow.json');
    writeFileSync(path, JSON.stringify(document));
    const markdown = cli.expect(0, ['to-markdown', path]).stdout;
    assert.match(markdown, /^# Count words two ways\n\n## Objective\n/);
    const back = cli.run(['convert', '-', '--json'], { input: markdown });
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual((JSON.parse(back.stdout) as { document: unknown }).document, document);
  });
});
