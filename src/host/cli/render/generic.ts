// Readable rendering of any JSON value by its shape: tasks as a table or a detail view, lists
// of records as tables, nested records indented, scalars as `key: value` lines.
import { renderTaskDetail } from './task-detail.ts';
import { isRecord, isTaskLike, isTaskList, renderTaskTable, type Row } from './task-table.ts';
import { cell, formatTable } from './text-table.ts';

function label(key: string): string {
  return key.replaceAll('_', ' ');
}

function indent(text: string, depth: number): string {
  const pad = '  '.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/** A table of records: the given columns, or every key some row has a value for. */
export function recordTable(rows: readonly Row[], columns?: readonly string[]): string {
  const keys = (columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))]).filter((key) =>
    rows.some((row) => row[key] !== null && row[key] !== undefined),
  );
  return formatTable(
    keys.map((key) => ({ header: key.toUpperCase(), max: 48 })),
    rows.map((row) => keys.map((key) => cell(row[key]))),
  );
}

/** A list of [from, to] pairs as "1 → 15, 2 → 16". */
export function renderPairs(key: string, value: unknown): string {
  const pairs = Array.isArray(value) ? value.filter(Array.isArray) : [];
  const text = pairs.map((pair) => `${cell(pair[0])} → ${cell(pair[1])}`).join(', ');
  return `${label(key)}: ${text || 'none'}`;
}

function isScalar(value: unknown): boolean {
  return (
    value === null ||
    typeof value !== 'object' ||
    (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
  );
}

/** One field as a block of text (possibly several lines). */
export function renderField(key: string, value: unknown, depth = 0): string {
  const text = (() => {
    if (isTaskLike(value) && 'description' in value) return renderTaskDetail(value);
    if (Array.isArray(value) && value.length === 0) return `${label(key)}: none`;
    if (isScalar(value))
      return `${label(key)}: ${Array.isArray(value) ? value.map(cell).join(', ') : cell(value)}`;
    if (isTaskList(value))
      return key === 'tasks'
        ? renderTaskTable(value)
        : `${label(key)}:\n${indent(renderTaskTable(value), 1)}`;
    if (Array.isArray(value) && value.every(Array.isArray)) {
      return [
        `${label(key)}:`,
        ...value.map((item, index) => `  ${index + 1}. ${item.map(cell).join(', ')}`),
      ].join('\n');
    }
    if (Array.isArray(value) && value.every(isRecord))
      return `${label(key)}:\n${indent(recordTable(value), 1)}`;
    if (isRecord(value)) return `${label(key)}:\n${renderRecord(value, 1)}`;
    return `${label(key)}: ${cell(value)}`;
  })();
  return indent(text, depth);
}

/** Every field of a record, scalars first as aligned `key: value` lines, then the rest. */
export function renderRecord(record: Row, depth = 0): string {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined);
  const scalars = entries.filter(([, value]) => isScalar(value));
  const width = Math.max(0, ...scalars.map(([key]) => label(key).length));
  const lines = scalars.map(([key, value]) => {
    const text = Array.isArray(value)
      ? value.length
        ? value.map(cell).join(', ')
        : '-'
      : cell(value);
    return indent(`${`${label(key)}:`.padEnd(width + 1)} ${text}`, depth);
  });
  const blocks = entries
    .filter(([, value]) => !isScalar(value))
    .map(([key, value]) => renderField(key, value, depth));
  return [...lines, ...blocks].join('\n');
}
