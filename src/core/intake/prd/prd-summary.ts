// A preview in a few readable lines for the terminal: the counts, each proposed task with its
// priority, source lines, confidence and prerequisites, then the warnings.
import type { PrdPreview } from '../../../shared/operations/prd.ops.ts';

/** Tasks listed one per line; more are counted, since --json gives them all. */
const TASKS_SHOWN = 200;

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summarizePreview(preview: PrdPreview): string {
  const selected = preview.tasks.filter((task) => task.selected).length;
  const lines = [
    `"${preview.title}" (${preview.format}): ${count(preview.features.length, 'feature')}, ${count(preview.user_stories.length, 'user story').replace('storys', 'stories')}, ${count(preview.requirements.length, 'requirement')}, ${count(preview.acceptance_criteria.length, 'acceptance criterion').replace('criterions', 'criteria')}.`,
    `${count(preview.tasks.length, 'proposed task')}, ${selected} selected (confidence at or above ${preview.confidence_threshold}):`,
  ];
  for (const task of preview.tasks.slice(0, TASKS_SHOWN)) {
    const after = task.dependencies.map((dependency) => dependency.on);
    const criteria = task.acceptance_criteria.length;
    lines.push(
      `  ${task.selected ? '[x]' : '[ ]'} ${task.id} ${task.title}  (${task.priority}; lines ${task.lines.start}-${task.lines.end}; confidence ${task.confidence}${criteria > 0 ? `; ${count(criteria, 'criterion').replace('criterions', 'criteria')}` : ''}${after.length > 0 ? `; after ${after.slice(0, 8).join(', ')}${after.length > 8 ? ` and ${after.length - 8} more` : ''}` : ''})`,
    );
  }
  if (preview.tasks.length > TASKS_SHOWN)
    lines.push(`  … and ${preview.tasks.length - TASKS_SHOWN} more (--json shows all)`);
  if (preview.warnings.length > 0) lines.push('Warnings:');
  for (const warning of preview.warnings.slice(0, 50))
    lines.push(`  ${warning.line === null ? '' : `line ${warning.line}: `}${warning.message}`);
  return lines.join('\n');
}
