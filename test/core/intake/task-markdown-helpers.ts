// What the task-Markdown tests share: the documented example, seed 004, and a way to read the
// problems of a conversion that must fail.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTaskMarkdown } from '../../../src/core/intake/task-markdown/parse-task-markdown.ts';
import type { MarkdownProblem } from '../../../src/core/intake/task-markdown/problems.ts';
import { AppError } from '../../../src/shared/errors.ts';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const EXAMPLE_PATH = root('docs/task-markdown-example.md');
export const GUIDE_PATH = root('docs/task-markdown.md');
/** A copy of seed 004 (shared/seeds/004_78b9419a4bbd296f.txt), the plan the format must read. */
export const SEED_PATH = root('test/core/intake/fixtures/seed-004.txt');

export const readExample = () => readFileSync(EXAMPLE_PATH, 'utf8');
export const readSeed = () => readFileSync(SEED_PATH, 'utf8');

/** The problems of a conversion that must fail, and its whole message. */
export function problemsOf(markdown: string): { problems: MarkdownProblem[]; message: string } {
  try {
    parseTaskMarkdown(markdown);
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, 'VALIDATION');
    const problems = (error.details?.['problems'] ?? []) as MarkdownProblem[];
    return { problems, message: error.message };
  }
  assert.fail(`this Markdown should not convert:\n${markdown}`);
}

/** Lines joined with \n: tests write documents as arrays so their line numbers are easy to read. */
export const lines = (...text: string[]) => `${text.join('\n')}\n`;
