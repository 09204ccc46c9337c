// excerpt: error messages quote a bounded piece of any value, exactly as JSON when it is short,
// and in bounded time for huge, deep, circular or hostile values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { excerpt } from '../../../src/shared/text/excerpt.ts';

/** What excerpt may add after the first `max` characters: `…" (N characters)` or `… (N items)`. */
const SUFFIX = /…"? \(\d+ (characters|items)\)$|…$/;

const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((code) => String.fromCodePoint(code));

function timed<T>(body: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = body();
  return { value, ms: performance.now() - start };
}

describe('excerpt of a string', () => {
  test('a short string is quoted as JSON, escapes and all', () => {
    assert.equal(excerpt('Write docs'), '"Write docs"');
    assert.equal(excerpt('a\u0000b\n"'), '"a\\u0000b\\n\\""');
    assert.equal(excerpt(''), '""');
  });

  test('a long string is cut with … and its length', () => {
    const value = 'x'.repeat(100_000);
    assert.equal(excerpt(value), `"${'x'.repeat(60)}…" (100000 characters)`);
    assert.equal(excerpt(value, 5), '"xxxxx…" (100000 characters)');
  });

  test('the cut never splits an emoji into a lone surrogate', () => {
    const value = `${'a'.repeat(59)}😀 and more`;
    assert.equal(excerpt(value), `"${'a'.repeat(59)}…" (${value.length} characters)`);
  });

  test('property: short strings are exactly JSON, long ones a bounded prefix of it', () => {
    fc.assert(
      fc.property(
        // any code point, lone surrogates included
        fc.string({ unit: anyCodePoint, maxLength: 200 }),
        fc.integer({ min: 1, max: 120 }),
        (value, max) => {
          const quoted = excerpt(value, max);
          if (value.length <= max) return assert.equal(quoted, JSON.stringify(value));
          assert.match(quoted, /…" \(\d+ characters\)$/);
          assert.ok(quoted.includes(`(${value.length} characters)`));
          const shown = quoted.slice(0, quoted.lastIndexOf('…'));
          assert.ok(JSON.stringify(value).startsWith(shown), 'a prefix of the JSON');
          assert.ok(quoted.isWellFormed());
        },
      ),
    );
  });
});

describe('excerpt of other values', () => {
  test('scalars, arrays and objects read as JSON (NaN and undefined as themselves)', () => {
    assert.equal(excerpt(42), '42');
    assert.equal(excerpt(null), 'null');
    assert.equal(excerpt(true), 'true');
    assert.equal(excerpt(NaN), 'NaN');
    assert.equal(excerpt(undefined), 'undefined');
    assert.equal(excerpt(12n), '12');
    assert.equal(excerpt([1, 'two', { three: 3 }]), '[1,"two",{"three":3}]');
    assert.equal(excerpt(new Date(0)), '"1970-01-01T00:00:00.000Z"');
  });

  test('a long array is cut with … and its length', () => {
    const quoted = excerpt(Array.from({ length: 1_000_000 }, (_, index) => index));
    assert.match(quoted, /^\[0,1,2,3,.*… \(1000000 items\)$/);
    assert.ok(quoted.length <= 60 + ' (1000000 items)'.length + 1);
  });

  test('circular, 100,000-level deep and huge values are quoted quickly without throwing', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular['self'] = circular;
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level++) deep = { next: deep };
    const wide: Record<string, string> = {};
    const long = 'v'.repeat(1_000);
    for (let index = 0; index < 50_000; index++) wide[`key${index}`] = long;
    for (const value of [circular, deep, wide, ['y'.repeat(1_000_000)]]) {
      const { value: quoted, ms } = timed(() => excerpt(value));
      assert.ok(quoted.length <= 80, quoted);
      assert.ok(ms < 500, `took ${ms} ms`);
    }
    assert.equal(excerpt(circular), '{"name":"loop","self":[circular]}');
  });

  test('a value whose getter throws is described, not thrown', () => {
    const hostile = {
      get boom(): string {
        throw new Error('no');
      },
    };
    assert.equal(excerpt(hostile), '[an unreadable object]');
  });

  test('property: JSON values that fit are their JSON; others a prefix of it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 1, max: 100 }), (value, max) => {
        // a string's max counts its characters, not its quotes: see the string property
        fc.pre(typeof value !== 'string');
        const json = JSON.stringify(value);
        const quoted = excerpt(value, max);
        if (json.length <= max) return assert.equal(quoted, json);
        const shown = quoted.replace(SUFFIX, '');
        assert.ok(json.startsWith(shown), `${quoted} is not a prefix of ${json}`);
        assert.ok(shown.length <= max);
      }),
    );
  });

  test('property: any value at all gives a bounded, well-formed quotation', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (value) => {
          const quoted = excerpt(value, 40);
          assert.ok(quoted.length <= 40 + 25, quoted);
          assert.ok(quoted.isWellFormed());
        },
      ),
    );
  });
});
