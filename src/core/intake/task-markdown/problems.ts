// What a conversion found wrong (errors) or worth saying (warnings), each at a line of the
// Markdown. Errors are collected rather than thrown one by one, so a person fixes them all in
// one pass; a long list is cut, since the first few say what kind of mistake it is.
import { AppError } from '../../../shared/errors.ts';

export interface MarkdownProblem {
  line: number;
  /** 1-based; given where the line alone does not show where the problem is. */
  column?: number;
  message: string;
}

/** Errors shown in the message; details carry up to MAX_KEPT of them. */
export const MAX_SHOWN = 20;
const MAX_KEPT = 100;

export function formatProblem(problem: MarkdownProblem): string {
  const at = problem.column === undefined ? '' : `, column ${problem.column}`;
  return `line ${problem.line}${at}: ${problem.message}`;
}

const byPosition = (a: MarkdownProblem, b: MarkdownProblem) =>
  a.line - b.line || (a.column ?? 0) - (b.column ?? 0);

export class Problems {
  readonly errors: MarkdownProblem[] = [];
  readonly warnings: MarkdownProblem[] = [];

  error(line: number, message: string, column?: number): void {
    this.errors.push(column === undefined ? { line, message } : { line, column, message });
  }

  warn(line: number, message: string, column?: number): void {
    this.warnings.push(column === undefined ? { line, message } : { line, column, message });
  }

  /** Throws one VALIDATION error listing every error found so far, if there is any. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    throw problemsError(this.errors);
  }

  sortedWarnings(): MarkdownProblem[] {
    return [...this.warnings].sort(byPosition);
  }
}

/** One error naming every problem by line, in reading order. */
export function problemsError(found: readonly MarkdownProblem[]): AppError {
  const sorted = [...found].sort(byPosition);
  const shown = sorted.slice(0, MAX_SHOWN).map((problem) => `  ${formatProblem(problem)}`);
  if (sorted.length > MAX_SHOWN) shown.push(`  … and ${sorted.length - MAX_SHOWN} more`);
  const count = sorted.length === 1 ? 'a problem' : `${sorted.length} problems`;
  return new AppError(
    'VALIDATION',
    `The task Markdown has ${count}; fix ${sorted.length === 1 ? 'it' : 'them'} and convert again:\n${shown.join('\n')}`,
    { problems: sorted.slice(0, MAX_KEPT), problem_count: sorted.length },
  );
}
