// The character checks behind text validation: control characters (tab and newlines allowed in
// multi-line text), lone surrogates, and how a code point is named in messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  describeCodePoint,
  findControlCharacter,
  findLoneSurrogate,
} from '../../../src/shared/text/unicode-checks.ts';

const isControl = (unit: number) => unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f);

describe('findControlCharacter', () => {
  test('finds C0 controls, DEL and C1 controls with their index', () => {
    assert.deepEqual(findControlCharacter('ab\u0000c', { multiline: false }), {
      index: 2,
      codePoint: 0,
    });
    assert.deepEqual(findControlCharacter('x\u007f', { multiline: true }), {
      index: 1,
      codePoint: 0x7f,
    });
    assert.deepEqual(findControlCharacter('next\u0085line', { multiline: true }), {
      index: 4,
      codePoint: 0x85,
    });
    assert.deepEqual(findControlCharacter('\u001b[31m', { multiline: true }), {
      index: 0,
      codePoint: 0x1b,
    });
  });

  test('tab, LF and CR are allowed only in multi-line text', () => {
    for (const allowed of ['\t', '\n', '\r']) {
      const text = `one${allowed}two`;
      assert.equal(findControlCharacter(text, { multiline: true }), null);
      assert.deepEqual(findControlCharacter(text, { multiline: false }), {
        index: 3,
        codePoint: allowed.charCodeAt(0),
      });
    }
  });

  test('printable text, emoji and U+00A0 pass', () => {
    assert.equal(findControlCharacter('Écrire la doc 😀\u00a0ok', { multiline: false }), null);
    assert.equal(findControlCharacter('', { multiline: false }), null);
  });

  test('property: the first code unit that is a control (and not allowed) is found', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        fc.boolean(),
        (text, multiline) => {
          const allowed = (unit: number) => multiline && (unit === 9 || unit === 10 || unit === 13);
          let expected: { index: number; codePoint: number } | null = null;
          for (let index = 0; index < text.length && !expected; index++) {
            const unit = text.charCodeAt(index);
            if (isControl(unit) && !allowed(unit)) expected = { index, codePoint: unit };
          }
          assert.deepEqual(findControlCharacter(text, { multiline }), expected);
        },
      ),
    );
  });
});

describe('findLoneSurrogate', () => {
  test('whole pairs pass; a lone half, or halves in the wrong order, are found', () => {
    assert.equal(findLoneSurrogate('emoji 😀 ok'), null);
    assert.equal(findLoneSurrogate('cut \ud83d'), 4);
    assert.equal(findLoneSurrogate('\ude00 low first'), 0);
    assert.equal(findLoneSurrogate('ab\ude00\ud83d'), 2);
    assert.equal(findLoneSurrogate('😀\ud83d😀'), 2);
  });

  test('property: agrees with the string iterator, which yields a lone surrogate on its own', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'é', '😀', '\ud83d', '\ude00', '\udbff', '\udc00'),
      fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        let expected: number | null = null;
        let index = 0;
        for (const character of text) {
          const code = character.codePointAt(0)!;
          if (code >= 0xd800 && code <= 0xdfff) {
            expected = index;
            break;
          }
          index += character.length;
        }
        assert.equal(findLoneSurrogate(text), expected);
        assert.equal(expected === null, text.isWellFormed());
      }),
    );
  });
});

describe('describeCodePoint', () => {
  test('names controls, surrogates and a few invisible characters; others by number', () => {
    assert.equal(describeCodePoint(0), 'U+0000 (NUL)');
    assert.equal(describeCodePoint(0x09), 'U+0009 (TAB)');
    assert.equal(describeCodePoint(0x1b), 'U+001B (ESC)');
    assert.equal(describeCodePoint(0x1f), 'U+001F (US)');
    assert.equal(describeCodePoint(0x7f), 'U+007F (DEL)');
    assert.equal(describeCodePoint(0x85), 'U+0085 (NEL)');
    assert.equal(describeCodePoint(0x9f), 'U+009F (APC)');
    assert.equal(describeCodePoint(0xd83d), 'U+D83D (high surrogate)');
    assert.equal(describeCodePoint(0xde00), 'U+DE00 (low surrogate)');
    assert.equal(describeCodePoint(0xfeff), 'U+FEFF (byte order mark)');
    assert.equal(describeCodePoint(0xe9), 'U+00E9');
    assert.equal(describeCodePoint(0x1f600), 'U+1F600');
  });

  test('every control character has a name', () => {
    for (let code = 0; code <= 0x9f; code++) {
      if (isControl(code))
        assert.match(describeCodePoint(code), /^U\+00[0-9A-F]{2} \([A-Z0-9]+\)$/);
    }
  });
});
