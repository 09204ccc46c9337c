// Strict UTF-8 decoding for files and request bodies: bytes in another encoding are refused
// with where they are, instead of being silently turned into U+FFFD and stored damaged.

const decoder = new TextDecoder('utf-8', { fatal: true });

export type Utf8Decoding =
  | { ok: true; text: string }
  /** `offset` counts bytes from 0 and points at the first byte of the ill-formed sequence. */
  | { ok: false; offset: number; byte: number };

/** The index of the first byte of the first ill-formed sequence (Unicode Table 3-7), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (lead < 0xc2 || lead > 0xf4) return index;
    // the second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates,
    // or code points above U+10FFFF)
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined) return index;
      if (next === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return -1;
}

/** The text of `bytes` (a leading byte order mark dropped), or where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): Utf8Decoding {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = Math.max(firstInvalidUtf8(bytes), 0);
    return { ok: false, offset, byte: bytes[offset] ?? 0 };
  }
}

/** "0xFF", as messages show a byte. */
export function formatByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

const encoder = new TextEncoder();

/** How many bytes `text` takes as UTF-8 (no Node Buffer in shared code). */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
