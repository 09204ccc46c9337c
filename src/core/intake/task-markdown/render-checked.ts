// Rendering with proof: the Markdown is converted back and compared with the document, so a
// field whose text the layout would read differently (a description holding a `## Step`
// heading, a settings line or a runnable code block) is named instead of silently changing.
import { isDeepStrictEqual } from 'node:util';
import { isAppError } from '../../../shared/errors.ts';
import type { WorkflowDocument } from '../../../shared/workflow/workflow.schema.ts';
import { parseTaskMarkdown } from './parse-task-markdown.ts';
import { renderTaskMarkdown } from './render-task-markdown.ts';

const HOW =
  'it holds text the layout reads as structure (a heading, a Depends on/Parallel/Timeout/Verify line, or a runnable code block); reword or indent that part';

function differences(wanted: WorkflowDocument, got: WorkflowDocument): string[] {
  const found: string[] = [];
  for (const field of ['title', 'objective', 'notes'] as const)
    if (wanted[field] !== got[field]) found.push(`the ${field} reads back differently: ${HOW}`);
  if (wanted.steps.length !== got.steps.length)
    found.push(
      `the Markdown reads back as ${got.steps.length} steps instead of ${wanted.steps.length}: ${HOW}`,
    );
  wanted.steps.forEach((step, index) => {
    const other = got.steps[index];
    if (other === undefined) return;
    for (const key of Object.keys(step) as (keyof typeof step)[])
      if (!isDeepStrictEqual(step[key], other[key]))
        found.push(`step "${step.id}": its ${key} reads back differently: ${HOW}`);
  });
  return found;
}

export function renderChecked(document: WorkflowDocument): {
  markdown: string;
  warnings: string[];
} {
  const markdown = renderTaskMarkdown(document);
  try {
    const back = parseTaskMarkdown(markdown).document;
    return {
      markdown,
      warnings: isDeepStrictEqual(back, document) ? [] : differences(document, back),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { markdown, warnings: [`the Markdown would not convert back: ${error.message}`] };
  }
}
