// A refused edit's message goes under the field the person typed in: the server's validation
// issues by their field, any other refusal of a one-field edit under that field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeErrors } from '../../../src/renderer/features/inspector/field-errors.ts';
import { toErrorPayload } from '../../../src/shared/errors.ts';
import { parseInput } from '../../../src/shared/operations/validation.ts';

/** The server's own VALIDATION error for an input. */
function refusal(input: Record<string, unknown>) {
  try {
    parseInput('update_task', input);
  } catch (error) {
    return toErrorPayload(error);
  }
  throw new Error('the input was accepted');
}

describe('server validation message → field', () => {
  it('puts each issue under its field, without the field name in front', () => {
    const placed = placeErrors(refusal({ task_id: 1, title: '  ' }), ['title']);
    assert.deepEqual(Object.keys(placed.byField), ['title']);
    assert.match(placed.byField['title']!, /^title must not be empty/);
    assert.equal(placed.rest, null);
  });

  it('places issues of nested values (a criterion) under the list field', () => {
    const error = refusal({ task_id: 1, acceptance_criteria: [{ text: '', done: false }] });
    const placed = placeErrors(error, ['acceptance_criteria']);
    assert.match(placed.byField['acceptance_criteria']!, /must not be empty/);
  });

  it('keeps issues about fields not sent out of the fields', () => {
    const placed = placeErrors(refusal({ task_id: 0, title: 'ok' }), ['title']);
    assert.deepEqual(placed.byField, {});
    assert.match(placed.rest!, /task_id/);
  });

  it('puts a refusal without issues under the one field edited', () => {
    const conflict = { code: 'CONFLICT' as const, message: 'Task 1 changed since you read it.' };
    assert.deepEqual(placeErrors(conflict, ['title']), {
      byField: { title: 'Task 1 changed since you read it.' },
      rest: null,
    });
    assert.deepEqual(placeErrors(conflict, ['title', 'tags']), {
      byField: {},
      rest: 'Task 1 changed since you read it.',
    });
  });
});
