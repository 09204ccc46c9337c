// Task Markdown → workflow document (docs/task-markdown.md describes the layout). Every problem
// found is reported at once, each at its line; a document that converts has passed the same
// schema a JSON document must pass.
import type { z } from 'zod';
import { workflowProblems } from '../../../shared/workflow/workflow-checks.ts';
import {
  normalizeBlockText,
  WorkflowDocumentSchema,
  type WorkflowDocument,
} from '../../../shared/workflow/workflow.schema.ts';
import { outlineDocument, type Outline } from './document-outline.ts';
import { acceptMarkdown } from './markdown-input.ts';
import { readBlocks } from './markdown-blocks.ts';
import { Problems, type MarkdownProblem } from './problems.ts';
import { readStep, type ReadStep } from './step-reader.ts';

export interface ConvertedMarkdown {
  document: WorkflowDocument;
  warnings: MarkdownProblem[];
}

function checkLinks(read: readonly ReadStep[], problems: Problems): void {
  const steps = read.map((entry) => entry.step);
  const where = (index: number) => `line ${read[index]!.heading.line}`;
  for (const problem of workflowProblems(steps, where)) {
    const entry = read[problem.step]!;
    const at =
      problem.field === 'depends_on' && problem.entry !== undefined && problem.entry >= 0
        ? entry.dependencies[problem.entry]!
        : entry.heading;
    problems.error(at.line, problem.message, at.column);
  }
}

/** What the schema still refuses (lengths, counts), placed at the step or title it is about. */
function schemaProblems(
  error: z.ZodError,
  read: readonly ReadStep[],
  outline: Outline,
): MarkdownProblem[] {
  return error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    const step = first === 'steps' && typeof index === 'number' ? read[index] : undefined;
    const line = step?.heading.line ?? outline.title?.line ?? 1;
    const field = step ? [step.step.id, ...rest].join('.') : issue.path.join('.');
    return { line, message: field ? `${field}: ${issue.message}` : issue.message };
  });
}

/**
 * Converts task Markdown into a validated workflow document and the warnings worth reading
 * (commands never run, steps without verification). Throws one VALIDATION error listing every
 * problem by line when the document cannot convert.
 */
export function parseTaskMarkdown(markdown: string): ConvertedMarkdown {
  const text = acceptMarkdown(markdown);
  const problems = new Problems();
  const outline = outlineDocument(readBlocks(text), text, problems);
  if (outline.title === null)
    problems.error(
      1,
      'the document has no title; start it with a line `# Title`, e.g. # Publish the docs',
    );
  if (outline.steps.length === 0)
    problems.error(
      outline.title?.line ?? 1,
      'the document has no steps; give each step a heading such as `## Step build: Build the app`',
    );
  const read = outline.steps.map((section) => readStep(section, problems));
  checkLinks(read, problems);
  problems.throwIfAny();
  const parsed = WorkflowDocumentSchema().safeParse({
    title: outline.title!.text,
    objective: normalizeBlockText(outline.objective.join('\n\n')),
    notes: normalizeBlockText(outline.notes.join('\n\n')),
    steps: read.map((entry) => entry.step),
  });
  if (!parsed.success)
    for (const problem of schemaProblems(parsed.error, read, outline))
      problems.error(problem.line, problem.message, problem.column);
  problems.throwIfAny();
  return { document: parsed.data!, warnings: problems.sortedWarnings() };
}
