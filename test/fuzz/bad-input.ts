// Generators of the malformed input a fuzz run sends: wrong types, control characters, deep
// nesting, huge values, bad bytes (lone surrogates), odd ids, unknown fields and enum words.
import fc from 'fast-check';

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u0000title',
  'a\u0007b',
  'line\nbreak',
  '\ud800',
  'x\udfffy',
  '\ufffd',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9007199254740993',
  'null',
  'true',
  '[]',
  '{}',
  '{"a":',
  '../../etc/passwd',
  "'; DROP TABLE tasks; --",
  '🙂'.repeat(300),
  'x'.repeat(100_000),
  'done',
  'In-Progress',
  'UI',
);

const oddNumber = fc.constantFrom(
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53,
  2 ** 53 - 1,
  Number.MAX_VALUE,
  -0,
  1e-300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
);

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let index = 0; index < levels; index++) value = index % 2 ? [value] : { nested: value };
  return value;
}

const deepValue = fc.constantFrom(40, 5_000).map(deep);

/** Any JSON-ish value a caller might send by mistake. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  oddNumber,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  deepValue,
  fc.array(fc.oneof(nasty, oddNumber, fc.integer({ min: -3, max: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.oneof(nasty, fc.constantFrom('title', 'x', '__proto__')), nasty, { maxKeys: 3 }),
  fc.constant(2_000).map((length) => Array.from({ length }, (_, index) => index)),
);

/** An input object for an operation: some of its own fields with bad values, and stray ones. */
export function badInput(fields: readonly string[]): fc.Arbitrary<unknown> {
  const known = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('title');
  return fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(known, badValue, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(known, nasty), badValue, { maxKeys: 3 }) },
    { weight: 1, arbitrary: badValue },
  );
}

/** A message a person can act on: short, says what is wrong, quotes no huge value. */
export function unclearReason(message: string): string | null {
  if (message.trim().length < 10) return 'too short to say anything';
  if (message.length > 1_500) return `too long (${message.length} characters)`;
  if (/\bundefined\b|\[object Object\]|received NaN/.test(message))
    return 'leaks a JavaScript value';
  if (/Invalid input(\.|;|$)|Invalid option(\.|;|$)/.test(message))
    return "says only 'Invalid input' without what was expected";
  if (/x{200}|(🙂){100}/u.test(message)) return 'repeats a huge value';
  if (/\n\s+at /.test(message)) return 'has a stack trace';
  return null;
}
