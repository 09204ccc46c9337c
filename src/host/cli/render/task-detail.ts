// The detail view of one task: a heading, its fields as aligned key/value lines, and its long
// texts (description, details, criteria, file references) as indented sections; then the work
// on it (task-work.ts) when the view is of a get_task result.
import { FIELD_NAMES, fieldsInView } from '../../../shared/tasks/task-declaration.ts';
import { priorityLabel } from '../../../shared/tasks/task-fields.ts';
import { cell } from './text-table.ts';
import { isRecord, type Row } from './task-table.ts';
import { summaryLines, WORK_FIELDS, workSections } from './task-work.ts';

/** Fields shown as `key  value` lines, text blocks, and list blocks, as the declaration says. */
const SUMMARY_FIELDS = fieldsInView('summary');
const TEXT_FIELDS = fieldsInView('text');
const SHOWN = new Set<string>(FIELD_NAMES);

function statusText(task: Row): string {
  const notes = [
    task['ready'] === true ? 'ready' : '',
    task['waiting_on_failed'] === true ? 'waiting on a failed prerequisite' : '',
  ];
  const extra = notes.filter(Boolean).join(', ');
  return extra ? `${cell(task['status'])} (${extra})` : cell(task['status']);
}

function fieldText(task: Row, key: string): string {
  if (key === 'status') return statusText(task);
  if (key === 'priority' && typeof task['priority'] === 'number')
    return `${priorityLabel(task['priority'])} (${task['priority']})`;
  const value = task[key];
  return Array.isArray(value) ? value.map(cell).join(', ') : cell(value);
}

/** Unset fields (null, empty lists) are left out; status and priority always show. */
function isSet(task: Row, key: string): boolean {
  const value = task[key];
  if (key === 'status' || key === 'priority') return true;
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function listSection(task: Row): string[] {
  const lines: string[] = [];
  const criteria = Array.isArray(task['acceptance_criteria'])
    ? task['acceptance_criteria'].filter(isRecord)
    : [];
  if (criteria.length > 0) {
    lines.push('  acceptance criteria:');
    for (const criterion of criteria)
      lines.push(`    [${criterion['done'] === true ? 'x' : ' '}] ${cell(criterion['text'])}`);
  }
  const refs = Array.isArray(task['file_refs']) ? task['file_refs'].filter(isRecord) : [];
  if (refs.length > 0) {
    lines.push('  file references:');
    for (const ref of refs) {
      const range =
        ref['line_start'] === null
          ? ''
          : `:${cell(ref['line_start'])}${ref['line_end'] === null ? '' : `-${cell(ref['line_end'])}`}`;
      lines.push(
        `    ${cell(ref['path'])}${range}${typeof ref['note'] === 'string' ? `  ${ref['note']}` : ''}`,
      );
    }
  }
  return lines;
}

/** The summary's `label  value` pairs: the work on the task in words where its gate came. */
function summaryPairs(task: Row): [string, string][] {
  const keys = [...SUMMARY_FIELDS, ...Object.keys(task).filter((key) => !SHOWN.has(key))];
  const pairs: [string, string][] = [];
  const work = summaryLines(task);
  let placed = false;
  for (const key of keys) {
    if (WORK_FIELDS.has(key)) {
      if (!placed) pairs.push(...work);
      placed = true;
    } else if (isSet(task, key)) {
      pairs.push([key.replaceAll('_', ' '), fieldText(task, key)]);
    }
  }
  if (!placed) pairs.push(...work);
  return pairs;
}

/**
 * A task's detail view; `output` is the get_task result it came in, whose checkpoints,
 * artifacts, clarifications and last rejection are shown after the task's own texts.
 */
export function renderTaskDetail(task: Row, output: Row = {}): string {
  const lines = [`#${cell(task['id'])} ${cell(task['title'])}`];
  const pairs = summaryPairs(task);
  const width = Math.max(...pairs.map(([label]) => label.length));
  for (const [label, value] of pairs) lines.push(`  ${label.padEnd(width)}  ${value}`);
  for (const key of TEXT_FIELDS) {
    const text = task[key];
    if (typeof text === 'string' && text.trim() !== '')
      lines.push(`  ${key.replaceAll('_', ' ')}:`, indent(text));
  }
  lines.push(...listSection(task));
  lines.push(...workSections(output));
  return lines.join('\n');
}
