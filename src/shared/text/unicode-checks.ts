// Finds the characters that text fields refuse (control characters, lone surrogates) and names
// a code point the way error messages show it, e.g. "U+0000 (NUL)".

/** Abbreviations of the C0 controls U+0000..U+001F, in order. */
const C0_NAMES = (
  'NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI ' +
  'DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'
).split(' ');

/** Abbreviations of the C1 controls U+0080..U+009F, in order. */
const C1_NAMES = (
  'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 ' +
  'DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI CSI ST OSC PM APC'
).split(' ');

const OTHER_NAMES: ReadonlyMap<number, string> = new Map([
  [0x7f, 'DEL'],
  [0xa0, 'no-break space'],
  [0x200b, 'zero width space'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0xfeff, 'byte order mark'],
  [0xfffd, 'replacement character'],
]);

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

export function isControlCharacter(codeUnit: number): boolean {
  return codeUnit <= 0x1f || (codeUnit >= 0x7f && codeUnit <= 0x9f);
}

/**
 * The first C0 or C1 control character (or DEL) in `text`; with `multiline`, tab, line feed and
 * carriage return are allowed, as in a description.
 */
export function findControlCharacter(
  text: string,
  options: { multiline: boolean },
): { index: number; codePoint: number } | null {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (!isControlCharacter(unit)) continue;
    if (options.multiline && (unit === TAB || unit === LF || unit === CR)) continue;
    return { index, codePoint: unit };
  }
  return null;
}

/**
 * The index of the first surrogate that is not half of a pair, or null. Such a string cannot
 * be written as UTF-8 (it usually comes from text cut in the middle of an emoji).
 */
export function findLoneSurrogate(text: string): number | null {
  if (text.isWellFormed()) return null;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index++;
    else return index;
  }
  return null;
}

function nameOf(codePoint: number): string | undefined {
  if (codePoint <= 0x1f) return C0_NAMES[codePoint];
  if (codePoint >= 0x80 && codePoint <= 0x9f) return C1_NAMES[codePoint - 0x80];
  if (codePoint >= 0xd800 && codePoint <= 0xdbff) return 'high surrogate';
  if (codePoint >= 0xdc00 && codePoint <= 0xdfff) return 'low surrogate';
  return OTHER_NAMES.get(codePoint);
}

/** "U+0000 (NUL)", "U+D83D (high surrogate)", or "U+00E9" for characters without a short name. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name = nameOf(codePoint);
  return name === undefined ? `U+${hex}` : `U+${hex} (${name})`;
}
