// Command-line strings become input values by what each field's schema accepts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coerceField } from '../../../src/host/cli/coerce.ts';
import { describeFields, type FieldInfo } from '../../../src/host/cli/zod-fields.ts';
import { OPERATIONS } from '../../../src/shared/operations/registry.ts';

function field(operation: keyof typeof OPERATIONS, name: string): FieldInfo {
  const found = describeFields(OPERATIONS[operation].input).find((info) => info.name === name);
  assert.ok(found, `${operation} has ${name}`);
  return found;
}

describe('coercion of option values', () => {
  test('fields are classified as boolean, list or value, with defaults, choices and descriptions', () => {
    assert.equal(field('get_task_graph', 'include_completed').kind, 'boolean');
    assert.equal(field('get_task_graph', 'include_completed').defaultValue, true);
    assert.deepEqual(field('get_task_graph', 'format').choices, ['json', 'mermaid', 'dot']);
    assert.equal(field('create_task', 'dependencies').kind, 'list');
    assert.equal(
      field('create_task', 'dependencies').description,
      'Ids of tasks this task depends on',
    );
    assert.equal(field('list_tasks', 'status').kind, 'list');
    assert.equal(field('create_task', 'title').required, true);
    assert.equal(field('update_task', 'task_id').required, true);
    assert.equal(field('update_task', 'title').required, false);
  });

  test('numbers, labels, ids and text are read as the schema accepts them', () => {
    assert.equal(coerceField(field('create_task', 'priority'), '3'), 3);
    assert.equal(coerceField(field('create_task', 'priority'), 'high'), 'high');
    assert.equal(coerceField(field('create_task', 'title'), '42'), '42');
    assert.equal(coerceField(field('create_task', 'project_id'), '2'), 2);
    assert.equal(coerceField(field('create_task', 'project_id'), 'web'), 'web');
    assert.equal(coerceField(field('update_task', 'assignee'), 'null'), null);
    assert.deepEqual(coerceField(field('create_task', 'position'), '{"x":1,"y":2}'), {
      x: 1,
      y: 2,
    });
    assert.equal(coerceField(field('get_task_graph', 'include_completed'), false), false);
  });

  test('lists take comma-separated ids, repeated flags and JSON arrays', () => {
    const dependencies = field('create_task', 'dependencies');
    assert.deepEqual(coerceField(dependencies, ['3,4']), [3, 4]);
    assert.deepEqual(coerceField(dependencies, ['3', '4,5']), [3, 4, 5]);
    assert.deepEqual(coerceField(dependencies, ['[6, 7]']), [6, 7]);
    assert.deepEqual(coerceField(field('create_task', 'tags'), ['a', 'b']), ['a', 'b']);
    assert.deepEqual(coerceField(field('list_tasks', 'status'), ['pending,review']), [
      'pending',
      'review',
    ]);
    const criteria = field('create_task', 'acceptance_criteria');
    assert.deepEqual(
      coerceField(criteria, ['Works, even offline', '{"text":"Fast","done":true}']),
      ['Works, even offline', { text: 'Fast', done: true }],
    );
  });

  test('values no reading makes valid pass on in their likeliest form for the operation to explain', () => {
    assert.equal(coerceField(field('get_task', 'task_id'), '-3'), -3);
    assert.equal(coerceField(field('get_task', 'task_id'), 'abc'), 'abc');
    assert.deepEqual(coerceField(field('create_task', 'dependencies'), ['x,y']), ['x,y']);
  });
});
