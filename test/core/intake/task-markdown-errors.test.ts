// Every way a task-Markdown document can fail to convert names its line (and column where the
// line alone does not say where) and how to fix it; several problems are reported together.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTaskMarkdown } from '../../../src/core/intake/task-markdown/parse-task-markdown.ts';
import { AppError } from '../../../src/shared/errors.ts';
import { lines, problemsOf } from './task-markdown-helpers.ts';

/** The one problem of a document, as [line, column, message]. */
function onlyProblem(markdown: string): [number, number | undefined, string] {
  const { problems } = problemsOf(markdown);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  const [problem] = problems;
  return [problem!.line, problem!.column, problem!.message];
}

describe('links between steps', () => {
  test('an unknown id in Depends on is named at its column, with the closest id', () => {
    const [line, column, message] = onlyProblem(
      lines('# T', '', '## Step build: Build', '', '## Step test: Test', 'Depends on: biuld'),
    );
    assert.deepEqual([line, column], [6, 13]);
    assert.equal(
      message,
      'step "test" depends on "biuld", but no step has that id; did you mean "build"?',
    );
  });

  test('without a close id, the message lists the ids there are', () => {
    const [, , message] = onlyProblem(lines('# T', '', '## Step a: A', 'Depends on: zzz'));
    assert.match(message, /no step has that id; the step ids are a$/);
  });

  test('a duplicate step id is reported at the second heading, naming the first', () => {
    const [line, column, message] = onlyProblem(
      lines('# T', '', '## Step a: One', '', '## Step a: Two'),
    );
    assert.deepEqual([line, column], [5, 9]);
    assert.match(
      message,
      /step id "a" is already used by the step at line 3; give each step its own id/,
    );
  });

  test('a cycle is named step by step', () => {
    const [line, column, message] = onlyProblem(
      lines(
        '# T',
        '',
        '## Step a: A',
        'Depends on: c',
        '## Step b: B',
        'Depends on: a',
        '## Step c: C',
        'Depends on: b',
      ),
    );
    assert.deepEqual([line, column], [4, 13]);
    assert.match(message, /in a cycle.*"a" depends on "c", "c" on "b", and "b" on "a"; remove one/);
  });

  test('a step that depends on itself', () => {
    const [line, , message] = onlyProblem(lines('# T', '', '## Step a: A', 'Depends on: a'));
    assert.equal(line, 4);
    assert.match(message, /step "a" depends on itself; remove "a"/);
  });

  test('a dependency that is not an id', () => {
    const [line, column, message] = onlyProblem(
      lines('# T', '', '## Step a: A', '', '## Step b: B', 'Depends on: a, the build'),
    );
    assert.deepEqual([line, column], [6, 16]);
    assert.match(message, /"the build" is not a step id/);
  });
});

describe('code and verify blocks', () => {
  test('an unknown code language is named at the fence', () => {
    const [line, column, message] = onlyProblem(
      lines('# T', '', '## Step a: A', '', '```pyhton', 'print(1)', '```'),
    );
    assert.deepEqual([line, column], [5, 4]);
    assert.match(
      message,
      /unknown code language "pyhton": steps run bash \(or sh, shell\), python/,
    );
    assert.match(message, /or `text` for a block that is only shown/);
  });

  test('an invalid regular expression is named at its column with the reason', () => {
    const [line, column, message] = onlyProblem(
      lines('# T', '', '## Step a: A', '', '```verify', 'exit: 0', 'output: /ready (/', '```'),
    );
    assert.deepEqual([line, column], [7, 10]);
    assert.match(message, /^invalid regular expression: .*Unterminated group/);
  });

  test('pattern flags that would change between checks are refused', () => {
    const [line, , message] = onlyProblem(lines('# T', '', '## Step a: A', 'Verify: output /x/g'));
    assert.equal(line, 4);
    assert.match(message, /unknown pattern flag "g"/);
  });

  test('a verify block before any step', () => {
    const [line, , message] = onlyProblem(
      lines('# T', '', '```verify', 'exit: 0', '```', '', '## Step a: A'),
    );
    assert.equal(line, 3);
    assert.match(
      message,
      /this verify block is before any step, so it would check nothing; put it under the heading/,
    );
  });

  test('an unknown check, a bad exit code, an empty verify block, a check given twice', () => {
    const { problems } = problemsOf(
      lines(
        '# T',
        '',
        '## Step a: A',
        'Verify: exit 0',
        '',
        '```verify',
        'exitcode: 0',
        'exit: 256',
        'exit: 1',
        'output: ready',
        '```',
        '',
        '## Step b: B',
        '',
        '```verify',
        '```',
      ),
    );
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.message]),
      [
        [7, 'unknown check "exitcode": write exit: 0, output: /regex/ or contains: text'],
        [8, 'the exit code must be a whole number from 0 to 255, not "256"'],
        [9, 'the exit code is already checked at line 4; keep one of the two'],
        [10, 'write the pattern between slashes, e.g. output: /^ready$/m'],
        [15, 'the verify block is empty; write exit: 0, output: /regex/ or contains: text in it'],
      ],
    );
  });

  test('an empty code block', () => {
    const [line, , message] = onlyProblem(lines('# T', '', '## Step a: A', '', '```bash', '```'));
    assert.equal(line, 5);
    assert.match(message, /the bash block is empty/);
  });
});

describe('settings and structure', () => {
  test('Parallel and Timeout values', () => {
    const { problems } = problemsOf(
      lines(
        '# T',
        '',
        '## Step a: A',
        'Parallel: maybe',
        'Timeout: 2 days',
        '## Step b: B',
        'Timeout: 0s',
      ),
    );
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.column, problem.message.split(';')[0]]),
      [
        [4, 11, 'Parallel takes yes or no, not "maybe"'],
        [5, 10, 'Timeout takes a duration from 1s to 24h, such as 90s, 5m or 1h'],
        [7, 10, 'Timeout takes a duration from 1s to 24h, such as 90s, 5m or 1h'],
      ],
    );
  });

  test('no title and no steps', () => {
    const { problems } = problemsOf(lines('Just some text.'));
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.message.split(';')[0]]),
      [
        [1, 'the document has no title'],
        [1, 'the document has no steps'],
      ],
    );
  });

  test('a value over a limit is placed at its step', () => {
    const [line, , message] = onlyProblem(lines('# T', '', `## Step a: ${'x'.repeat(501)}`));
    assert.equal(line, 3);
    assert.match(message, /^a\.title: title is longer than 500 characters/);
  });
});

describe('several problems', () => {
  test('are reported together, in line order, in one message', () => {
    const { problems, message } = problemsOf(
      lines(
        '# T',
        '',
        '```verify',
        'exit: 0',
        '```',
        '',
        '## Step a: A',
        'Depends on: nope',
        '',
        '```ruby',
        'puts 1',
        '```',
        '',
        '## Step a: Again',
      ),
    );
    assert.deepEqual(
      problems.map((problem) => problem.line),
      [3, 8, 10, 14],
    );
    assert.match(
      message,
      /^The task Markdown has 4 problems; fix them and convert again:\n {2}line 3: /,
    );
    assert.match(message, /\n {2}line 8, column 13: step "a" depends on "nope"/);
  });

  test('a long list is cut after 20 in the message but counted whole', () => {
    const steps = Array.from({ length: 30 }, (_, index) => [
      `## Step s${index}: S`,
      'Depends on: missing',
    ]).flat();
    const { problems, message } = problemsOf(lines('# T', '', ...steps));
    assert.equal(problems.length, 30);
    assert.match(message, /\n {2}… and 10 more$/);
    assert.equal(message.split('\n').filter((line) => line.startsWith('  line ')).length, 20);
  });
});

describe('text that is not Markdown', () => {
  test('a NUL byte is refused at its line and column', () => {
    const [line, column, message] = onlyProblem('# T\n\n## Step a: A\nab\u0000c\n');
    assert.deepEqual([line, column], [4, 3]);
    assert.match(
      message,
      /^U\+0000 \(NUL\) is a NUL byte: the file is binary or not UTF-8 text; remove it/,
    );
  });

  test('other control characters and half of a surrogate pair', () => {
    const { problems } = problemsOf('# T\u001b[0m\n\n## Step a: A \ud83d\n');
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.column, problem.message.split(' is ')[0]]),
      [
        [1, 4, 'U+001B (ESC)'],
        [3, 14, 'U+D83D (high surrogate)'],
      ],
    );
  });

  test('an empty document, and one over the size limit', () => {
    assert.deepEqual(onlyProblem('  \n\n').slice(0, 2), [1, undefined]);
    assert.throws(
      () => parseTaskMarkdown(`# T\n${'x'.repeat(1_000_001)}`),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'LIMIT' &&
        /split it into several documents/.test(error.message),
    );
  });
});
