// The text a conversion accepts: bounded in size, and free of characters no Markdown file
// holds (NUL, other control characters, lone surrogates), each refused with its line and column.
import { AppError } from '../../../shared/errors.ts';
import {
  describeCodePoint,
  findLoneSurrogate,
  isControlCharacter,
} from '../../../shared/text/unicode-checks.ts';
import { WORKFLOW_LIMITS } from '../../../shared/workflow/workflow.schema.ts';
import { MAX_SHOWN, problemsError, type MarkdownProblem } from './problems.ts';

const TAB = 0x09;
const LF = 0x0a;

/** 1-based line and column of the character at `index`. */
export function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function badCharacters(text: string): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // carriage returns are gone by now: line endings are \n
    if (!isControlCharacter(code) || code === TAB || code === LF) continue;
    const why =
      code === 0 ? 'a NUL byte: the file is binary or not UTF-8 text' : 'a control character';
    problems.push({
      ...positionAt(text, index),
      message: `${describeCodePoint(code)} is ${why}; remove it, or save the file as UTF-8 text`,
    });
    if (problems.length > MAX_SHOWN) break;
  }
  const surrogate = findLoneSurrogate(text);
  if (surrogate !== null)
    problems.push({
      ...positionAt(text, surrogate),
      message: `${describeCodePoint(text.charCodeAt(surrogate))} is half of a character (often an emoji cut in two); write the whole character`,
    });
  return problems;
}

/**
 * The Markdown to parse: a byte order mark dropped and line endings made \n (which keeps every
 * line number), or a VALIDATION error naming where the text cannot be Markdown.
 */
export function acceptMarkdown(markdown: string): string {
  if (markdown.length > WORKFLOW_LIMITS.markdown)
    throw new AppError(
      'LIMIT',
      `The task Markdown is ${markdown.length} characters, more than the ${WORKFLOW_LIMITS.markdown} one conversion reads; split it into several documents.`,
    );
  const text = (markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown).replace(
    /\r\n?/g,
    '\n',
  );
  const problems = badCharacters(text);
  if (problems.length > 0) throw problemsError(problems);
  if (text.trim() === '')
    throw problemsError([
      { line: 1, message: 'the document is empty; start it with a line `# Title`' },
    ]);
  return text;
}
