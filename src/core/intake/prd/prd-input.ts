// The text a PRD parse accepts: bounded in size, free of binary, and made safe for the Markdown
// parser: Task Master's <context>/<PRD> wrapper lines blanked (they would swallow the heading
// after them as HTML) and nesting deeper than the parser's stack can take flattened, with a warning.
import { AppError } from '../../../shared/errors.ts';
import { PRD_LIMITS, type PrdWarning } from '../../../shared/operations/prd.ops.ts';
import { describeCodePoint, findControlCharacter } from '../../../shared/text/unicode-checks.ts';

/**
 * Lists and quotes nested deeper than this are read as this deep. Real PRDs nest 3 or 4 levels;
 * the parser's cost grows with depth and its tree builder recurses (10,000 levels overflow it).
 */
export const MAX_NESTING = 16;
/** Leading columns kept on a line: 16 levels of 3-column list indentation. */
const MAX_INDENT = 48;

const WRAPPER = /^[ \t]*<\/?(?:context|prd)>[ \t]*$/i;
/** One container marker at the start of a line: a quote, a bullet, or an ordered item. */
const MARKER = /^[ \t]*(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;

export interface AcceptedPrd {
  text: string;
  format: 'markdown' | 'taskmaster' | 'plain';
  warnings: PrdWarning[];
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1))
    line++;
  return line;
}

function refuseBinary(text: string): void {
  const found = findControlCharacter(text, { multiline: true });
  if (found === null) return;
  const line = lineOf(text, found.index);
  const why =
    found.codePoint === 0 ? 'a NUL byte: the file is binary, not text' : 'a control character';
  throw new AppError(
    'VALIDATION',
    `The PRD has ${describeCodePoint(found.codePoint)} at line ${line}, ${why}. Pass the document as UTF-8 text.`,
    { line },
  );
}

/** The line with its container markers cut to MAX_NESTING and its indentation to MAX_INDENT. */
function flatten(line: string): string | null {
  let rest = line;
  let depth = 0;
  let kept = '';
  for (let match = MARKER.exec(rest); match !== null; match = MARKER.exec(rest)) {
    if (depth < MAX_NESTING) kept += match[0];
    depth++;
    rest = rest.slice(match[0].length);
  }
  const indent = /^[ \t]*/.exec(line)![0];
  if (depth <= MAX_NESTING && indent.replace(/\t/g, '    ').length <= MAX_INDENT) return null;
  const flat = depth > MAX_NESTING ? kept + rest : line;
  return flat.replace(/^[ \t]*/, (lead) => ' '.repeat(Math.min(lead.length, MAX_INDENT)));
}

/** The PRD ready to parse (same line numbers as given), or a VALIDATION/LIMIT error. */
export function acceptPrd(content: string): AcceptedPrd {
  if (content.length > PRD_LIMITS.content)
    throw new AppError(
      'LIMIT',
      `The PRD is ${content.length} characters, more than the ${PRD_LIMITS.content} one parse reads; split it into several documents.`,
    );
  const text = (content.startsWith('\uFEFF') ? content.slice(1) : content).replace(/\r\n?/g, '\n');
  refuseBinary(text);
  if (text.trim() === '')
    throw new AppError('VALIDATION', 'The PRD is empty; pass the text of the document.');
  const warnings: PrdWarning[] = [];
  let wrapped = false;
  const deep: number[] = [];
  const lines = text.split('\n').map((line, index) => {
    if (WRAPPER.test(line)) {
      wrapped = true;
      return '';
    }
    const flat = flatten(line);
    if (flat === null) return line;
    deep.push(index + 1);
    return flat;
  });
  if (deep.length > 0) {
    warnings.push({
      line: deep[0]!,
      message: `${deep.length} line(s) nest lists or quotes deeper than ${MAX_NESTING} levels; they were read as ${MAX_NESTING} levels deep.`,
    });
  }
  const format = wrapped ? 'taskmaster' : /^#{1,6}[ \t]/m.test(text) ? 'markdown' : 'plain';
  return { text: lines.join('\n'), format, warnings };
}
