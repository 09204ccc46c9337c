// Workflow document → task Markdown in the documented layout, such that converting the result
// gives the same document back. Descriptions, objective and notes are Markdown already and are
// written as they are; code gets a fence longer than any run of backticks that could close it.
import { checkLines } from '../../../shared/workflow/verify-checks.ts';
import type { WorkflowDocument, WorkflowStep } from '../../../shared/workflow/workflow.schema.ts';

/** A backtick fence that no line of `code` can close: longer than any closing-fence-like line. */
export function fenceFor(code: string): string {
  let longest = 2;
  for (const match of code.matchAll(/^ {0,3}(`{3,})[ \t]*$/gm))
    longest = Math.max(longest, match[1]!.length);
  return '`'.repeat(longest + 1);
}

function settings(step: WorkflowStep): string[] {
  const lines: string[] = [];
  if (step.depends_on.length > 0) lines.push(`Depends on: ${step.depends_on.join(', ')}`);
  if (step.parallel) lines.push('Parallel: yes');
  if (step.timeout_seconds !== undefined) lines.push(`Timeout: ${step.timeout_seconds}s`);
  return lines;
}

function renderStep(step: WorkflowStep): string {
  const blocks = [`## Step ${step.id}: ${step.title}`];
  const lines = settings(step);
  if (lines.length > 0) blocks.push(lines.join('\n'));
  if (step.description !== '') blocks.push(step.description);
  for (const command of step.commands) {
    const fence = fenceFor(command.code);
    blocks.push(`${fence}${command.language}\n${command.code}\n${fence}`);
  }
  if (step.verify !== null)
    blocks.push(['```verify', ...checkLines(step.verify), '```'].join('\n'));
  return blocks.join('\n\n');
}

export function renderTaskMarkdown(document: WorkflowDocument): string {
  const blocks = [`# ${document.title}`];
  if (document.objective !== '') blocks.push(`## Objective\n\n${document.objective}`);
  if (document.notes !== '') blocks.push(`## Notes\n\n${document.notes}`);
  blocks.push(...document.steps.map(renderStep));
  return `${blocks.join('\n\n')}\n`;
}
