// Converting task Markdown: the documented example becomes steps with commands and verify specs,
// seed 004 becomes a plan of steps without commands, and the tolerant forms people write by hand
// read the same as the documented ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseTaskMarkdown } from '../../../src/core/intake/task-markdown/parse-task-markdown.ts';
import { GUIDE_PATH, lines, readExample, readSeed } from './task-markdown-helpers.ts';

describe('the documented example', () => {
  test('converts to four steps with commands, dependencies and verify specs', () => {
    const { document, warnings } = parseTaskMarkdown(readExample());
    assert.deepEqual(warnings, []);
    assert.equal(document.title, 'Count words two ways');
    assert.match(document.objective, /^Check that the machine has the interpreters/);
    assert.deepEqual(
      document.steps.map((step) => [step.id, step.depends_on, step.parallel]),
      [
        ['tools', [], false],
        ['count-bash', ['tools'], true],
        ['count-python', ['tools'], true],
        ['report', ['count-bash', 'count-python'], false],
      ],
    );
    const [tools, countBash, countPython, report] = document.steps;
    assert.equal(tools!.timeout_seconds, 30);
    assert.equal(
      tools!.description,
      'Both interpreters must be present before anything else runs.',
    );
    assert.deepEqual(tools!.commands, [
      { language: 'bash', code: 'bash --version | head -n 1\npython3 --version' },
    ]);
    assert.deepEqual(tools!.verify, { exit_code: 0, output_pattern: 'Python 3\\.\\d+' });
    assert.deepEqual(countBash!.verify, { exit_code: 0, output_pattern: '^9$', output_flags: 'm' });
    assert.equal(countPython!.commands[0]!.language, 'python');
    assert.deepEqual(report!.commands, [
      { language: 'sql', code: "SELECT 'words: ' || 9 AS result;" },
    ]);
    assert.deepEqual(report!.verify, { exit_code: 0, output_contains: 'words: 9' });
  });

  test('is the same text in the guide as in its own file', () => {
    const guide = readFileSync(GUIDE_PATH, 'utf8');
    const start = guide.indexOf('````markdown\n') + '````markdown\n'.length;
    const end = guide.indexOf('````\n', start);
    assert.equal(guide.slice(start, end), readExample());
  });

  test('its verify patterns match what its commands print', () => {
    const { document } = parseTaskMarkdown(readExample());
    const pattern = (index: number) => {
      const verify = document.steps[index]!.verify!;
      return new RegExp(verify.output_pattern!, verify.output_flags ?? '');
    };
    assert.match('GNU bash, version 5.2.15\nPython 3.11.7\n', pattern(0));
    assert.match('9\n', pattern(1));
    assert.doesNotMatch('19\n', pattern(1));
  });
});

describe('seed 004', () => {
  test('converts as a plan: its five Task headings become steps without commands', () => {
    const { document, warnings } = parseTaskMarkdown(readSeed());
    assert.deepEqual(warnings, []);
    assert.match(document.title, /^Task 003: Claude Code MCP Task Orchestration System/);
    assert.match(document.objective, /^Implement a task orchestration system for Claude Code/);
    assert.deepEqual(
      document.steps.map((step) => step.id),
      ['1', '2', '3', '4', '5'],
    );
    assert.match(document.steps[0]!.title, /^Task Description Format and Converter/);
    for (const step of document.steps) {
      assert.deepEqual(step.commands, []);
      assert.equal(step.verify, null);
      assert.deepEqual(step.depends_on, []);
    }
  });

  test('keeps each task’s checklists in its description and the other sections as notes', () => {
    const { document } = parseTaskMarkdown(readSeed());
    const first = document.steps[0]!.description;
    assert.match(first, /^\*\*Priority\*\*: HIGH/);
    assert.match(first, /- \[ \] 1\.1 Define task description format/);
    assert.match(first, /\*\*Acceptance Criteria\*\*:/);
    assert.doesNotMatch(first, /Task Executor and Orchestration Engine/);
    const last = document.steps[4]!.description;
    assert.match(last, /CRITICAL ITERATION REQUIREMENT/);
    assert.doesNotMatch(last, /Usage Table/);
    for (const section of ['## Overview', '## Usage Table', '## Resources', '**Requirements**:'])
      assert.ok(document.notes.includes(section), `notes should keep ${section}`);
    assert.ok(document.notes.includes('perplexity_ask: "python task orchestration'));
  });
});

describe('forms people write by hand', () => {
  test('bold keys, Task headings, dashes, "and" lists and Verify lines read like the plain forms', () => {
    const { document } = parseTaskMarkdown(
      lines(
        '# Release',
        '',
        '### Task 1 - Build',
        '',
        '```sh',
        'make',
        '```',
        '',
        '### **Step 2:** Test',
        '**Depends on**: Step 1',
        '**Parallel:** yes',
        'Timeout: 5m',
        'Verify: exit 0',
        'Verify: output /passed/i',
        'Runs the whole suite.',
        '',
        '```py',
        'print("PASSED")',
        '```',
        '',
        '## Step 3: Ship',
        'Dependencies: 1 and `2`',
        '',
        '```verify',
        '# the tag must be printed',
        'contains: v1.0',
        '```',
      ),
    );
    const [build, testStep, ship] = document.steps;
    assert.deepEqual(build, {
      id: '1',
      title: 'Build',
      description: '',
      depends_on: [],
      parallel: false,
      commands: [{ language: 'bash', code: 'make' }],
      verify: null,
    });
    assert.equal(testStep!.title, 'Test');
    assert.deepEqual(testStep!.depends_on, ['1']);
    assert.equal(testStep!.parallel, true);
    assert.equal(testStep!.timeout_seconds, 300);
    assert.equal(testStep!.description, 'Runs the whole suite.');
    assert.deepEqual(testStep!.verify, {
      exit_code: 0,
      output_pattern: 'passed',
      output_flags: 'i',
    });
    assert.deepEqual(ship!.depends_on, ['1', '2']);
    assert.deepEqual(ship!.verify, { output_contains: 'v1.0' });
  });

  test('the objective is an Objective section, else an Objective: paragraph, else the first paragraph', () => {
    const section = parseTaskMarkdown(
      lines('# T', '', 'Intro.', '', '## Objective', '', 'Ship it.', '', '## Step a: A'),
    ).document;
    assert.equal(section.objective, 'Ship it.');
    assert.equal(section.notes, 'Intro.');
    const marked = parseTaskMarkdown(
      lines('# T', '', 'Intro.', '', 'Goal: ship it.', '', '## Step a: A'),
    ).document;
    assert.equal(marked.objective, 'ship it.');
    const first = parseTaskMarkdown(lines('# T', '', 'Ship it.', '', '## Step a: A')).document;
    assert.deepEqual([first.objective, first.notes], ['Ship it.', '']);
  });

  test('display-only code stays in the description; a Verify line of prose is text', () => {
    const { document, warnings } = parseTaskMarkdown(
      lines(
        '# T',
        '',
        '## Step a: A',
        '',
        'Verify: the page looks right.',
        '',
        '```json',
        '{"ok": true}',
        '```',
      ),
    );
    assert.equal(
      document.steps[0]!.description,
      'Verify: the page looks right.\n\n```json\n{"ok": true}\n```',
    );
    assert.deepEqual(warnings, []);
  });

  test('headings that only look like steps stay ordinary headings', () => {
    const { document } = parseTaskMarkdown(
      lines('# T', '', '## Task list', '', '## Step by step', '', '## Step 1: Real'),
    );
    assert.deepEqual(
      document.steps.map((step) => step.id),
      ['1'],
    );
    assert.equal(document.notes, '## Task list\n\n## Step by step');
  });

  test('a deeper heading belongs to the step; one at the step’s level ends it', () => {
    const { document } = parseTaskMarkdown(
      lines(
        '# T',
        '',
        '## Step a: A',
        '',
        '### Details',
        '',
        'More.',
        '',
        '## Afterword',
        '',
        'Bye.',
      ),
    );
    assert.equal(document.steps[0]!.description, '### Details\n\nMore.');
    assert.equal(document.notes, '## Afterword\n\nBye.');
  });

  test('Windows line endings and a byte order mark convert like plain text', () => {
    const plain = parseTaskMarkdown(readExample()).document;
    const windows = parseTaskMarkdown(`\uFEFF${readExample().replaceAll('\n', '\r\n')}`).document;
    assert.deepEqual(windows, plain);
  });
});

describe('warnings', () => {
  test('name the line of code that will not run and of a step nobody verifies', () => {
    const { warnings } = parseTaskMarkdown(
      lines(
        '# T',
        '',
        '```bash',
        'echo never',
        '```',
        '',
        '## Step a: A',
        'Some text',
        'Depends on: b',
        '',
        '- item',
        '',
        '  ```bash',
        '  echo nested',
        '  ```',
        '',
        '```',
        'no language',
        '```',
        '',
        '```bash',
        'echo runs',
        '```',
        '',
        '## Step b: B',
      ),
    );
    assert.deepEqual(
      warnings.map((warning) => [warning.line, warning.message.split(',')[0]]),
      [
        [3, 'this bash block is before any step'],
        [7, 'step "a" has commands but no verify block'],
        [
          9,
          'this line is read as text because it follows text in the same paragraph; put a blank line before it to make it a setting of the step',
        ],
        [13, 'this bash block is inside a list or quote'],
        [17, 'this code block has no language'],
      ],
    );
  });
});
