// Strict UTF-8 decoding: valid text decodes (without a leading BOM), anything else reports the
// offset of the first ill-formed sequence, agreeing with the platform's fatal decoder.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8, firstInvalidUtf8, formatByte } from '../../../src/shared/text/utf8.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const fatal = new TextDecoder('utf-8', { fatal: true });

describe('decodeUtf8', () => {
  test('decodes UTF-8, emoji included, and drops a byte order mark', () => {
    assert.deepEqual(decodeUtf8(new TextEncoder().encode('{"t":"é😀"}')), {
      ok: true,
      text: '{"t":"é😀"}',
    });
    assert.deepEqual(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d)), { ok: true, text: '{}' });
  });

  test('reports the first bad byte: Latin-1, a lone continuation, a cut sequence, a surrogate', () => {
    assert.deepEqual(decodeUtf8(bytes(0x61, 0xe9, 0x62)), { ok: false, offset: 1, byte: 0xe9 });
    assert.deepEqual(decodeUtf8(bytes(0x80)), { ok: false, offset: 0, byte: 0x80 });
    assert.deepEqual(decodeUtf8(bytes(0x61, 0x62, 0xe2, 0x82)), {
      ok: false,
      offset: 2,
      byte: 0xe2,
    });
    // CESU-8 style surrogate and an overlong "/" are ill-formed too
    assert.equal(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80)), 0);
    assert.equal(firstInvalidUtf8(bytes(0x20, 0xc0, 0xaf)), 1);
    assert.equal(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80)), 0);
    assert.equal(formatByte(0xe9), '0xE9');
    assert.equal(formatByte(0x0a), '0x0A');
  });

  test('property: agrees with the fatal TextDecoder, and everything before the offset is valid', () => {
    const anyBytes = fc.oneof(
      fc.uint8Array({ maxLength: 16 }),
      fc
        .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 8 })
        .map((codes) => new TextEncoder().encode(String.fromCodePoint(...codes))),
    );
    fc.assert(
      fc.property(anyBytes, fc.nat(16), fc.nat(255), (data, at, byte) => {
        const input = Uint8Array.from(data);
        if (input.length > 0) input[at % input.length] = byte;
        let valid = true;
        try {
          fatal.decode(input);
        } catch {
          valid = false;
        }
        const offset = firstInvalidUtf8(input);
        assert.equal(offset === -1, valid);
        if (!valid) assert.doesNotThrow(() => fatal.decode(input.subarray(0, offset)));
      }),
      { numRuns: 2000 },
    );
  });
});
