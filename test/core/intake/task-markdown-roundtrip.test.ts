// JSON → Markdown → JSON gives back the same document: on generated documents (fast-check), on
// the documented example and on seed 004; and rendering names a field that could not survive.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTaskMarkdown } from '../../../src/core/intake/task-markdown/parse-task-markdown.ts';
import { renderChecked } from '../../../src/core/intake/task-markdown/render-checked.ts';
import { renderTaskMarkdown } from '../../../src/core/intake/task-markdown/render-task-markdown.ts';
import { COMMAND_LANGUAGES } from '../../../src/shared/workflow/languages.ts';
import {
  WorkflowDocumentSchema,
  type WorkflowDocument,
  type WorkflowStep,
} from '../../../src/shared/workflow/workflow.schema.ts';
import { readExample, readSeed } from './task-markdown-helpers.ts';

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
/** Titles with punctuation, digits and letters beyond ASCII, but no heading-closing `#`. */
const titleWord = fc.oneof(
  word,
  fc.constantFrom(
    '1.2',
    'é',
    'Straße',
    '日本語',
    '🙂',
    '(draft)',
    '`code`',
    '*em*',
    'a/b',
    'x: y',
    '50%',
  ),
);
const title = fc.array(titleWord, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));

/** Blocks a description may hold: none of them reads as a heading, setting or command. */
const block = fc.oneof(
  words(1, 12),
  words(2, 8).map((text) => `${text}\nand ${text}`),
  fc
    .array(words(1, 4), { minLength: 1, maxLength: 4 })
    .map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc
    .array(words(1, 4), { minLength: 1, maxLength: 3 })
    .map((items) => items.map((item) => `- [ ] ${item}`).join('\n')),
  fc
    .array(words(1, 4), { minLength: 1, maxLength: 3 })
    .map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n')),
  words(1, 4).map((text) => `### Section ${text}`),
  words(1, 6).map((text) => `> ${text}`),
  words(1, 6).map((text) => `\`\`\`text\n${text}\n\`\`\``),
  fc.constant('| a | b |\n| --- | --- |\n| 1 | 2 |'),
);
const markdownText = fc.array(block, { maxLength: 4 }).map((blocks) => blocks.join('\n\n'));

/** Code with fence-like lines, tabs, blank lines and shell punctuation. */
const codeLine = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'ab1 \t`~#$"\'\\|&;<>(){}[]*?!=-_./:'.split('')),
    maxLength: 30,
  }),
  fc.constantFrom('```', '````', '  ```', '~~~', '```bash', 'echo "done"', ''),
);
const code = fc
  .array(codeLine, { minLength: 1, maxLength: 6 })
  .map((list) => list.join('\n'))
  .filter((text) => text.trim() !== '');

const verify = fc.oneof(
  fc.constant(null),
  fc
    .record(
      {
        exit_code: fc.integer({ min: 0, max: 255 }),
        output_pattern: fc.constantFrom(
          '^ok$',
          'a/b',
          '\\d+ passed',
          '[/]+',
          'x{2,3}',
          '(?<n>\\w+)',
        ),
        output_flags: fc.constantFrom('i', 'm', 'ms', 'imsu'),
        output_contains: fc.oneof(words(1, 3), fc.constantFrom('#1 done', 'a: b', '`x`')),
      },
      { requiredKeys: [], noNullPrototype: true },
    )
    .filter((spec) => Object.keys(spec).length > 0)
    .map((spec) => {
      if (spec.output_pattern === undefined) delete spec.output_flags;
      if (Object.keys(spec).length === 0) return { exit_code: 0 };
      return spec;
    }),
);

const STEP_ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,8}[A-Za-z0-9])?$/;

const workflow: fc.Arbitrary<WorkflowDocument> = fc
  .record({
    title,
    objective: markdownText,
    notes: markdownText,
    ids: fc.uniqueArray(fc.stringMatching(STEP_ID), { minLength: 1, maxLength: 8 }),
  })
  .chain(({ ids, ...head }) =>
    fc
      .tuple(
        ...ids.map((id, index) =>
          fc
            .record({
              title,
              description: markdownText,
              depends_on: fc.subarray(ids.slice(0, index)),
              parallel: fc.boolean(),
              timeout_seconds: fc.option(fc.integer({ min: 1, max: 86_400 }), { nil: undefined }),
              commands: fc.array(
                fc.record(
                  { language: fc.constantFrom(...COMMAND_LANGUAGES), code },
                  { noNullPrototype: true },
                ),
                {
                  maxLength: 3,
                },
              ),
              verify,
            })
            .map(({ timeout_seconds, ...step }): WorkflowStep => ({
              id,
              ...step,
              ...(timeout_seconds === undefined ? {} : { timeout_seconds }),
            })),
        ),
      )
      .map((steps) => ({ ...head, steps })),
  );

describe('JSON → Markdown → JSON', () => {
  test('gives back every generated document exactly', () => {
    fc.assert(
      fc.property(workflow, (document) => {
        assert.deepEqual(
          WorkflowDocumentSchema().parse(document),
          document,
          'the generator makes valid documents',
        );
        const markdown = renderTaskMarkdown(document);
        assert.deepEqual(parseTaskMarkdown(markdown).document, document, markdown);
      }),
      { numRuns: 300 },
    );
  });

  test('gives back the documented example and seed 004 after their first conversion', () => {
    for (const source of [readExample(), readSeed()]) {
      const { document } = parseTaskMarkdown(source);
      const rendered = renderChecked(document);
      assert.deepEqual(rendered.warnings, []);
      assert.deepEqual(parseTaskMarkdown(rendered.markdown).document, document);
    }
  });

  test('writes the layout the guide documents', () => {
    const { document } = parseTaskMarkdown(readExample());
    const markdown = renderTaskMarkdown(document);
    assert.match(markdown, /^# Count words two ways\n\n## Objective\n\nCheck that/);
    assert.match(
      markdown,
      /\n## Step count-bash: Count the words with Bash\n\nDepends on: tools\nParallel: yes\n\n```bash\n/,
    );
    assert.match(markdown, /\n```verify\nexit: 0\noutput: \/\^9\$\/m\n```\n/);
  });

  test('fences code with more backticks than any line of it could close', () => {
    const document = WorkflowDocumentSchema().parse({
      title: 'T',
      steps: [
        { id: 'a', title: 'A', commands: [{ language: 'bash', code: "cat <<'EOF'\n````\nEOF" }] },
      ],
    });
    const markdown = renderTaskMarkdown(document);
    assert.match(markdown, /\n`````bash\n/);
    assert.deepEqual(parseTaskMarkdown(markdown).document, document);
  });
});

describe('rendering a document whose text the layout would read as structure', () => {
  test('still writes the Markdown and names each field that would read back differently', () => {
    const document = WorkflowDocumentSchema().parse({
      title: 'T',
      steps: [
        { id: 'a', title: 'A', description: 'Intro\n\n```bash\necho sneaky\n```' },
        { id: 'b', title: 'B', description: 'Depends on: a' },
      ],
    });
    const { markdown, warnings } = renderChecked(document);
    assert.match(markdown, /echo sneaky/);
    assert.equal(warnings.length, 4);
    assert.match(
      warnings[0]!,
      /^step "a": its description reads back differently: it holds text the layout reads as structure/,
    );
    assert.match(warnings[1]!, /^step "a": its commands reads back differently/);
    assert.match(warnings[2]!, /^step "b": its description reads back differently/);
    assert.match(warnings[3]!, /^step "b": its depends_on reads back differently/);
  });

  test('says so when the Markdown would not convert at all', () => {
    const document = WorkflowDocumentSchema().parse({
      title: 'T',
      steps: [{ id: 'a', title: 'A', description: '```verify\nexit: nine\n```' }],
    });
    const { warnings } = renderChecked(document);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /^the Markdown would not convert back: The task Markdown has a problem;[^]*line 6, column 7: the exit code must be/,
    );
  });
});
