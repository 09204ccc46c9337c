// What a field edit sends: the text typed mapped to update_task's input, leaving validation to
// the server (a non-number goes as text so the server names the field it refuses).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  editValue,
  fieldText,
  fileRefText,
  parseFileRef,
  updateInput,
} from '../../../src/renderer/features/inspector/field-edits.ts';
import { parseInput } from '../../../src/shared/operations/validation.ts';

describe('field edit → update_task input', () => {
  it('sends texts as typed, so the server trims and refuses them by its own rules', () => {
    assert.deepEqual(editValue('line', '  '), { ok: true, value: '  ' });
    assert.deepEqual(editValue('text', 'a\nb'), { ok: true, value: 'a\nb' });
  });

  it('clears an optional field left empty, and keeps the trimmed text otherwise', () => {
    assert.deepEqual(editValue('optional', '   '), { ok: true, value: null });
    assert.deepEqual(editValue('optional', ' ann '), { ok: true, value: 'ann' });
  });

  it('sends numbers as numbers, an empty number as null, and other text as it is', () => {
    assert.deepEqual(editValue('number', '7.5'), { ok: true, value: 7.5 });
    assert.deepEqual(editValue('number', ''), { ok: true, value: null });
    assert.deepEqual(editValue('number', 'abc'), { ok: true, value: 'abc' });
    assert.deepEqual(editValue('task', '#12'), { ok: true, value: 12 });
    assert.deepEqual(editValue('task', ' '), { ok: true, value: null });
  });

  it('splits tags at commas and reads an empty box as no tags', () => {
    assert.deepEqual(editValue('tags', 'ui, backend ,x'), {
      ok: true,
      value: ['ui', 'backend', 'x'],
    });
    assert.deepEqual(editValue('tags', ''), { ok: true, value: [] });
  });

  it('parses JSON specs, and refuses invalid JSON before sending', () => {
    assert.deepEqual(editValue('json', '{"a":1}'), { ok: true, value: { a: 1 } });
    assert.deepEqual(editValue('json', ''), { ok: true, value: null });
    const bad = editValue('json', '{a');
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.message : '', /^Not valid JSON/);
  });

  it('shows values back in the box as they were typed', () => {
    assert.equal(fieldText('tags', ['ui', 'v2']), 'ui, v2');
    assert.equal(fieldText('number', null), '');
    assert.equal(fieldText('json', { a: 1 }), '{\n  "a": 1\n}');
  });

  it('builds an input update_task accepts, carrying the version read', () => {
    const input = updateInput(3, 7, { assignee: null, tags: ['ui'], priority: 4 });
    assert.deepEqual(input, {
      task_id: 3,
      expected_version: 7,
      assignee: null,
      tags: ['ui'],
      priority: 4,
    });
    assert.doesNotThrow(() => parseInput('update_task', input));
  });

  it('reads a file reference with lines, and one without', () => {
    const ref = parseFileRef('src/app.ts:12-40', ' the loop ');
    assert.deepEqual(ref, { path: 'src/app.ts', line_start: 12, line_end: 40, note: 'the loop' });
    assert.equal(fileRefText(ref), 'src/app.ts:12-40');
    assert.deepEqual(parseFileRef('README.md', ''), {
      path: 'README.md',
      line_start: null,
      line_end: null,
      note: null,
    });
    assert.doesNotThrow(() => parseInput('update_task', { task_id: 1, file_refs: [ref] }));
  });
});
