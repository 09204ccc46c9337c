// A converted workflow in a few lines for a person at a terminal: each step with what it waits
// for, what it runs and how it is verified, then the warnings by line.
import { checkLines } from '../../../shared/workflow/verify-checks.ts';
import type { WorkflowDocument, WorkflowStep } from '../../../shared/workflow/workflow.schema.ts';
import { formatProblem, type MarkdownProblem } from './problems.ts';

function stepLine(step: WorkflowStep, idWidth: number): string {
  const parts: string[] = [];
  if (step.depends_on.length > 0) parts.push(`after ${step.depends_on.join(', ')}`);
  if (step.parallel) parts.push('parallel');
  const languages = [...new Set(step.commands.map((command) => command.language))];
  parts.push(
    step.commands.length === 0
      ? 'no commands'
      : `${step.commands.length} command${step.commands.length === 1 ? '' : 's'} (${languages.join(', ')})`,
  );
  if (step.timeout_seconds !== undefined) parts.push(`timeout ${step.timeout_seconds}s`);
  if (step.verify !== null) parts.push(`verify ${checkLines(step.verify).join(', ')}`);
  return `  ${step.id.padEnd(idWidth)}  ${step.title}\n  ${' '.repeat(idWidth)}  ${parts.join('; ')}`;
}

export function summarizeWorkflow(
  document: WorkflowDocument,
  warnings: readonly MarkdownProblem[],
): string {
  const count = document.steps.length;
  const width = Math.min(16, Math.max(...document.steps.map((step) => step.id.length)));
  const lines = [`${document.title}: ${count} step${count === 1 ? '' : 's'}`];
  lines.push(...document.steps.map((step) => stepLine(step, width)));
  if (warnings.length > 0) {
    lines.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`);
    lines.push(...warnings.map((warning) => `  ${formatProblem(warning)}`));
  }
  lines.push('Add --json for the whole document.');
  return lines.join('\n');
}
