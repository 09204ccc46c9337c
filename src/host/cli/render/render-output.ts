// The readable form of an operation's output, chosen by the render hint its contract declares:
// a write's one line, a task with its neighbours, a list as a table (with the command for the
// next page), a document or a text graph as is, or the fields as aligned lines.
import { valueAt } from './value-at.ts';
import type { CliRender } from '../../../shared/operations/operation.ts';
import { recordTable, renderField, renderPairs, renderRecord } from './generic.ts';
import { renderDoctor, renderRun } from './run-view.ts';
import { renderTaskDetail } from './task-detail.ts';
import { isRecord, isTaskList, renderTaskTable, type Row } from './task-table.ts';

export interface RenderContext {
  /** The words after `orchestron`, to print the command that fetches the next page. */
  args: readonly string[];
  /** The operation's output was already shown as it came (exec): say only how it ended. */
  streamed?: boolean;
}

const SAFE_WORD = /^[\w@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The same command line with `--cursor <next>` instead of any cursor it had. */
export function nextPageCommand(args: readonly string[], cursor: string): string {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--cursor') index++;
    else if (!arg.startsWith('--cursor=')) kept.push(arg);
  }
  return ['orchestron', ...kept, '--cursor', cursor].map(shellQuote).join(' ');
}

function pagingFooter(output: Row, label: string, shown: number, context: RenderContext): string[] {
  const lines: string[] = [];
  const total = output['count'];
  // "reviews: none" says it all for an empty list
  if (typeof total === 'number' && total > 0) lines.push(`${shown} of ${total} ${label} shown.`);
  const cursor = output['next_cursor'];
  if (typeof cursor === 'string' && cursor !== '')
    lines.push(`More on the next page: ${nextPageCommand(context.args, cursor)}`);
  return lines;
}

const refs = (value: unknown) =>
  Array.isArray(value) ? value.filter(isRecord).map((ref) => `#${String(ref['id'])}`) : [];

/** "#2 Write migrations → completed; ready now: #3, #5", or the message when nothing moved. */
function statusLine(output: Row): string {
  const task = isRecord(output['task']) ? output['task'] : {};
  const ready = refs(output['became_ready']);
  const waiting = refs(output['now_waiting_on_failed']);
  if (String(output['message']).includes('nothing changed')) return String(output['message']);
  const parts = [`#${String(task['id'])} ${String(task['title'])} → ${String(task['status'])}`];
  if (ready.length > 0) parts.push(`ready now: ${ready.join(', ')}`);
  if (waiting.length > 0) parts.push(`now waiting on a failed prerequisite: ${waiting.join(', ')}`);
  const warnings = Array.isArray(output['warnings']) ? output['warnings'].map(String) : [];
  return [parts.join('; '), ...warnings.map((warning) => `warning: ${warning}`)].join('\n');
}

function taskView(output: Row): string {
  const blocks = typeof output['message'] === 'string' ? [output['message']] : [];
  blocks.push(renderTaskDetail(isRecord(output['task']) ? output['task'] : {}, output));
  const counts = isRecord(output['counts']) ? output['counts'] : {};
  for (const key of ['dependencies', 'dependents', 'subtasks', 'failed_prerequisites', 'commits']) {
    const value = output[key];
    if (!Array.isArray(value) || value.length === 0) continue;
    blocks.push(renderField(key, value, 1));
    const total = counts[key];
    if (typeof total === 'number' && total > value.length)
      blocks.push(`  … ${total - value.length} more (${total} in all)`);
  }
  return blocks.join('\n');
}

function listView(
  output: Row,
  field: string,
  columns: readonly string[] | undefined,
  context: RenderContext,
) {
  const items = Array.isArray(output[field]) ? (output[field] as unknown[]) : [];
  const label = field.replaceAll('_', ' ');
  const rows = items.filter(isRecord);
  const blocks: string[] = [];
  if (typeof output['message'] === 'string') blocks.push(output['message']);
  if (rows.length === 0) blocks.push(`${label}: none`);
  else if (isTaskList(rows)) blocks.push(renderTaskTable(rows));
  else blocks.push(recordTable(rows, columns));
  return [...blocks, ...pagingFooter(output, label, rows.length, context)].join('\n');
}

function textView(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\n$/, '');
  return isRecord(value) ? renderRecord(value) : renderField('result', value);
}

export function renderOutput(output: unknown, render: CliRender, context: RenderContext): string {
  if (!isRecord(output)) return renderField('result', output);
  switch (render.kind) {
    case 'message':
      return String(output['message'] ?? renderRecord(output));
    case 'status':
      return statusLine(output);
    case 'task':
      return taskView(output);
    case 'list':
      return listView(output, render.field, render.columns, context);
    case 'document':
      return JSON.stringify(output[render.field], null, 2);
    case 'text':
      return textView(valueAt(output, render.field));
    case 'run':
      return renderRun(output, context.streamed === true);
    case 'doctor':
      return renderDoctor(output);
    case 'fields': {
      const { message, ...rest } = output;
      const pairs = (render.pairs ?? []).filter((key) => key in rest);
      const blocks = [
        renderRecord(
          Object.fromEntries(Object.entries(rest).filter(([key]) => !pairs.includes(key))),
        ),
      ];
      blocks.push(...pairs.map((key) => renderPairs(key, rest[key])));
      return [...(typeof message === 'string' ? [message] : []), ...blocks].join('\n');
    }
  }
}
