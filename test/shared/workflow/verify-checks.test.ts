// The check lines of a verify block: their spellings, and each mistake with where it starts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkLines, parseCheck } from '../../../src/shared/workflow/verify-checks.ts';

describe('parseCheck', () => {
  test('reads each check with or without a colon, in any case', () => {
    assert.deepEqual(parseCheck('exit: 0'), { key: 'exit_code', value: 0 });
    assert.deepEqual(parseCheck('Exit code 3'), { key: 'exit_code', value: 3 });
    assert.deepEqual(parseCheck('output:/^ok$/mi'), {
      key: 'output_pattern',
      value: '^ok$',
      flags: 'mi',
    });
    assert.deepEqual(parseCheck('matches /a/b/'), {
      key: 'output_pattern',
      value: 'a/b',
      flags: '',
    });
    assert.deepEqual(parseCheck('  contains: a: b  '), { key: 'output_contains', value: 'a: b' });
  });

  test('says what is wrong and where it starts', () => {
    assert.deepEqual(parseCheck('exitcode: 0'), {
      message: 'unknown check "exitcode": write exit: 0, output: /regex/ or contains: text',
      index: 0,
      unknownKey: true,
    });
    assert.deepEqual(parseCheck('exit: -1'), {
      message: 'the exit code must be a whole number from 0 to 255, not "-1"',
      index: 6,
    });
    assert.deepEqual(parseCheck('contains:'), {
      message: '"contains" needs a value: write exit: 0, output: /regex/ or contains: text',
      index: 9,
    });
    assert.deepEqual(parseCheck('output: ready'), {
      message: 'write the pattern between slashes, e.g. output: /^ready$/m',
      index: 8,
    });
    assert.deepEqual(parseCheck('output: //'), {
      message: 'the pattern is empty; write what the output must match between the slashes',
      index: 9,
    });
    assert.deepEqual(parseCheck('output: /a/ii'), {
      message: 'the flags "ii" repeat a letter',
      index: 9,
    });
  });
});

describe('checkLines', () => {
  test('writes the checks in a fixed order, as parseCheck reads them', () => {
    const lines = checkLines({
      output_contains: 'done',
      output_pattern: 'a/b',
      output_flags: 'm',
      exit_code: 2,
    });
    assert.deepEqual(lines, ['exit: 2', 'output: /a/b/m', 'contains: done']);
    assert.deepEqual(lines.map(parseCheck), [
      { key: 'exit_code', value: 2 },
      { key: 'output_pattern', value: 'a/b', flags: 'm' },
      { key: 'output_contains', value: 'done' },
    ]);
  });
});
