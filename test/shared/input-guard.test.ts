// checkInputShape refuses input no operation should take (too deep, too long a list, text that
// cannot be stored) with VALIDATION naming the field path, and never overflows the stack itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../src/shared/errors.ts';
import { checkInputShape, MAX_INPUT_DEPTH } from '../../src/shared/input-guard.ts';

/** The VALIDATION error checkInputShape throws for `input`, checked for shape. */
function refusal(input: unknown): AppError {
  try {
    checkInputShape(input);
  } catch (error) {
    assert.ok(error instanceof AppError, `not an AppError: ${String(error)}`);
    assert.equal(error.code, 'VALIDATION');
    assert.equal(typeof error.details?.['path'], 'string');
    assert.ok(error.message.length < 600, `a short message, not ${error.message.length} chars`);
    return error;
  }
  assert.fail('the input was accepted');
}

function nested(levels: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = wrap(value);
  return value;
}

describe('checkInputShape', () => {
  test('accepts ordinary inputs: text with emoji, tabs and newlines, numbers, null', () => {
    checkInputShape({
      title: 'Write docs 😀',
      description: 'line one\n\tline two\r\n',
      tags: ['a', 'b'],
      file_refs: [{ path: 'src/x.ts', line: 3 }],
      parent_id: null,
    });
    checkInputShape('plain');
    checkInputShape(undefined);
  });

  test('32 levels of nesting pass; the 33rd is refused with where it is', () => {
    checkInputShape(nested(MAX_INPUT_DEPTH, (inner) => [inner]));
    const error = refusal({ tasks: nested(MAX_INPUT_DEPTH, (inner) => ({ child: inner })) });
    assert.match(
      error.message,
      /^The input is nested more than 32 levels deep at tasks(\.child)+…(\.child)+; send flat JSON objects\.$/,
      'a long path is shown by its start and end',
    );
    assert.equal(error.details?.['path'], `tasks${'.child'.repeat(31)}`);
    const short = refusal({ a: nested(MAX_INPUT_DEPTH, (inner) => [inner]) });
    assert.equal(short.details?.['path'], `a${'[0]'.repeat(31)}`);
    assert.match(short.message, new RegExp(`deep at a(\\[0\\]){31};`));
  });

  test('100,000 levels of arrays or objects are refused quickly, without a stack overflow', () => {
    for (const wrap of [(inner: unknown) => [inner], (inner: unknown) => ({ a: inner })]) {
      const start = performance.now();
      assert.match(refusal(nested(100_000, wrap)).message, /nested more than 32 levels deep/);
      assert.ok(performance.now() - start < 500);
    }
  });

  test('JSON.parse of 100,000 nested arrays is refused too', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    assert.match(refusal(JSON.parse(text)).message, /nested more than 32 levels/);
  });

  test('a NUL character is refused, naming the field path and index', () => {
    const error = refusal({ title: 'ok', tags: ['a', 'b', 'c', 'd\u0000e'] });
    assert.equal(
      error.message,
      'tags[3] contains U+0000 (NUL) at index 1 ("d\\u0000e"); remove it, text cannot hold NUL characters.',
    );
    assert.deepEqual(error.details, { path: 'tags[3]', index: 1 });
  });

  test('a lone surrogate is refused, naming the field path', () => {
    const error = refusal({ file_refs: [{ path: 'src/\ud83d.ts' }] });
    assert.match(
      error.message,
      /^file_refs\[0\]\.path contains U\+D83D \(high surrogate\) at index 4/,
    );
    assert.match(error.message, /send whole characters/);
    assert.equal(error.details?.['path'], 'file_refs[0].path');
  });

  test('keys are checked too, and odd keys are quoted in the path', () => {
    const key = refusal({ meta: { ['bad\u0000key']: 1 } });
    assert.match(key.message, /^A key in meta contains U\+0000 \(NUL\) at index 3/);
    assert.equal(key.details?.['path'], 'meta');
    const odd = refusal({ 'two words': ['\udc00'] });
    assert.equal(odd.details?.['path'], '["two words"][0]');
    assert.equal(refusal('top\u0000').details?.['path'], '');
  });

  test('a list of more than 100,000 items is refused; 100,000 pass', () => {
    checkInputShape({ ids: new Array(100_000).fill(1) });
    const error = refusal({ ids: new Array(100_001).fill(1) });
    assert.match(error.message, /^ids is a list of 100001 items, more than the 100000/);
  });

  test('a 100 KB value is quoted as an excerpt, never whole', () => {
    const value = `${'x'.repeat(100_000)}\u0000`;
    const error = refusal({ description: value });
    assert.match(error.message, /at index 100000 \("x{60}…" \(100001 characters\)\)/);
  });

  test('cycles are refused as too deep; shared objects are not walked once per path', () => {
    const loop: Record<string, unknown> = {};
    loop['again'] = loop;
    assert.match(refusal(loop).message, /nested more than 32 levels/);
    // 2^30 paths to the leaf through 30 shared levels: fine, and checked in linear time
    let shared: unknown = 'leaf';
    for (let level = 0; level < 30; level++) shared = [shared, shared];
    const start = performance.now();
    checkInputShape(shared);
    assert.ok(performance.now() - start < 100);
  });

  test('property: clean JSON of moderate depth is always accepted', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
        checkInputShape(value);
      }),
    );
  });

  test('property: a NUL planted anywhere in a JSON value is found at its path', () => {
    const scenario = fc.record({
      before: fc.jsonValue({ maxDepth: 3 }),
      after: fc.jsonValue({ maxDepth: 3 }),
      text: fc.string({ maxLength: 10 }),
      at: fc.nat(10),
      keys: fc.array(fc.constantFrom('a', 'b', 'file_refs'), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(scenario, ({ before, after, text, at, keys }) => {
        const index = Math.min(at, text.length);
        let value: unknown = [before, `${text.slice(0, index)}\u0000${text.slice(index)}`, after];
        for (const key of [...keys].reverse()) value = { [key]: value };
        const error = refusal(value);
        const prefix = keys.join('.');
        // `before` is clean, so the planted NUL is the first problem in reading order
        assert.equal(error.details?.['path'], `${prefix}[1]`);
        assert.equal(error.details?.['index'], index);
      }),
    );
  });
});
