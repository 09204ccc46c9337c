// The workflow document as JSON: what the schema fills in, and each document it refuses, with
// the path and words that say how to fix it (the same rules the Markdown parser applies).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkflowDocumentSchema } from '../../../src/shared/workflow/workflow.schema.ts';

/** The issues of a document the schema must refuse, as "path: message". */
function refusals(document: unknown): string[] {
  const result = WorkflowDocumentSchema().safeParse(document);
  assert.ok(!result.success, 'the schema should refuse this document');
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const step = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: id.toUpperCase(),
  ...extra,
});

describe('a workflow document', () => {
  test('gets its defaults filled in and its texts normalised', () => {
    const document = WorkflowDocumentSchema().parse({
      title: 'T',
      objective: '\n\nShip it.\n\n',
      steps: [step('a', { description: '  indented first line\n' })],
    });
    assert.deepEqual(document, {
      title: 'T',
      objective: 'Ship it.',
      notes: '',
      steps: [
        {
          id: 'a',
          title: 'A',
          description: '  indented first line',
          depends_on: [],
          parallel: false,
          commands: [],
          verify: null,
        },
      ],
    });
  });

  test('refuses duplicate ids, unknown dependencies and cycles, at their paths', () => {
    assert.deepEqual(
      refusals({
        title: 'T',
        steps: [
          step('a', { depends_on: ['b'] }),
          step('b', { depends_on: ['a', 'c'] }),
          step('a'),
          step('d', { depends_on: ['d'] }),
        ],
      }),
      [
        'steps.0.depends_on.0: the steps wait on each other in a cycle, so none of them could start: "a" depends on "b" and "b" on "a"; remove one of these dependencies',
        'steps.1.depends_on.1: step "b" depends on "c", but no step has that id; the step ids are a, b, a, d',
        'steps.2.id: step id "a" is already used by the step at steps[0]; give each step its own id',
        'steps.3.depends_on.0: step "d" depends on itself; remove "d" from its dependencies',
      ],
    );
  });

  test('refuses verify specs that check nothing, bad patterns and stray flags', () => {
    assert.deepEqual(
      refusals({
        title: 'T',
        steps: [
          step('a', { verify: {} }),
          step('b', { verify: { output_pattern: '(' } }),
          step('c', { verify: { exit_code: 0, output_flags: 'm' } }),
          step('d', { verify: { output_pattern: 'x', output_flags: 'g' } }),
        ],
      }).map((issue) => issue.split(';')[0]),
      [
        'steps.0.verify: a verify spec needs exit_code, output_pattern or output_contains (or use null for none)',
        'steps.1.verify.output_pattern: invalid regular expression: /(/: Unterminated group',
        'steps.2.verify.output_flags: output_flags apply to output_pattern, which is missing',
        'steps.3.verify.output_flags: output_flags is one or more of i, m, s, u',
      ],
    );
  });

  test('refuses bad ids, empty code, unknown languages, control characters and no steps', () => {
    assert.deepEqual(
      refusals({
        title: ' padded',
        steps: [
          step('-a'),
          step('b', { commands: [{ language: 'ruby', code: 'puts 1' }] }),
          step('c', { commands: [{ language: 'bash', code: '  \n' }] }),
          step('d', { description: 'line\r\nbreak' }),
        ],
      }).map((issue) => issue.split(';')[0]),
      [
        'title: title must be non-empty text without spaces at either end',
        'steps.0.id: a step id is letters and digits, with . _ - allowed inside, e.g. setup, 1.2, build-docs',
        'steps.1.commands.0.language: language must be one of bash, python, javascript, typescript, sql',
        'steps.2.commands.0.code: code is empty',
        'steps.3.description: description holds U+000D (CR) at index 4',
      ],
    );
    assert.deepEqual(refusals({ title: 'T', steps: [] }), [
      'steps: a workflow needs at least one step',
    ]);
  });
});
