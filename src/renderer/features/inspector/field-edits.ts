// What the person typed into an inspector field, as the update_task input that carries it. Only
// what must be decided here is decided here (an empty optional field clears it, a number is
// sent as a number, invalid JSON is caught before sending): the server validates the rest and
// its message is shown at the field.
import type { PriorityLabel } from '../../../shared/tasks/task-fields.ts';

export type FieldKind =
  'line' | 'text' | 'priority' | 'tags' | 'optional' | 'number' | 'task' | 'json';

/** The update_task fields the inspector edits through a text box or a select. */
export const FIELD_KINDS = {
  title: 'line',
  description: 'text',
  details: 'text',
  test_strategy: 'text',
  priority: 'priority',
  tags: 'tags',
  assignee: 'optional',
  code_language: 'optional',
  execution_environment: 'optional',
  complexity_score: 'number',
  estimated_hours: 'number',
  progress: 'number',
  parent_id: 'task',
  run_spec: 'json',
  verify_spec: 'json',
} as const satisfies Record<string, FieldKind>;

export type TextField = keyof typeof FIELD_KINDS;

export const FIELD_LABELS: Record<TextField, string> = {
  title: 'Title',
  description: 'Description',
  details: 'Details',
  test_strategy: 'Test strategy',
  priority: 'Priority',
  tags: 'Tags',
  assignee: 'Assignee',
  code_language: 'Language',
  execution_environment: 'Environment',
  complexity_score: 'Complexity',
  estimated_hours: 'Estimated hours',
  progress: 'Progress %',
  parent_id: 'Parent task',
  run_spec: 'Run spec',
  verify_spec: 'Verify spec',
};

export type EditResult = { ok: true; value: unknown } | { ok: false; message: string };

/** A number when the text is one; otherwise the text itself, for the server to refuse by name. */
function numberOrText(text: string): unknown {
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : text;
}

/** The value to send for what was typed into a field of this kind. */
export function editValue(kind: FieldKind, raw: string): EditResult {
  const trimmed = raw.trim();
  switch (kind) {
    case 'line':
    case 'text':
      return { ok: true, value: raw };
    case 'priority':
      return { ok: true, value: numberOrText(trimmed) };
    case 'tags':
      return { ok: true, value: trimmed === '' ? [] : trimmed.split(',').map((tag) => tag.trim()) };
    case 'optional':
      return { ok: true, value: trimmed === '' ? null : trimmed };
    case 'number':
      return { ok: true, value: trimmed === '' ? null : numberOrText(trimmed) };
    case 'task':
      return { ok: true, value: trimmed === '' ? null : numberOrText(trimmed.replace(/^#/, '')) };
    case 'json':
      return parseJson(trimmed);
  }
}

function parseJson(text: string): EditResult {
  if (text === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
}

/** How a field's current value reads in its text box. */
export function fieldText(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (kind === 'tags' && Array.isArray(value)) return value.join(', ');
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

/** The update_task input for changed fields: the version read, so another's change is not overwritten. */
export function updateInput(
  taskId: number,
  version: number,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  return { task_id: taskId, expected_version: version, ...patch };
}

export const PRIORITY_CHOICES: readonly { value: number; label: PriorityLabel }[] = [
  { value: 4, label: 'urgent' },
  { value: 3, label: 'critical' },
  { value: 2, label: 'high' },
  { value: 1, label: 'medium' },
  { value: 0, label: 'low' },
];

export interface FileRefInput {
  path: string;
  line_start: number | null;
  line_end: number | null;
  note: string | null;
}

/**
 * "src/app.ts", "src/app.ts:12" or "src/app.ts:12-40" as a file reference; a trailing
 * ":digits" is read as lines (paths rarely end so, and the path field takes the text otherwise).
 */
export function parseFileRef(text: string, note: string): FileRefInput {
  const trimmed = text.trim();
  const lines = /^(.*?):(\d+)(?:-(\d+))?$/.exec(trimmed);
  const trimmedNote = note.trim() === '' ? null : note.trim();
  if (!lines || lines[1] === '')
    return { path: trimmed, line_start: null, line_end: null, note: trimmedNote };
  return {
    path: lines[1]!,
    line_start: Number(lines[2]),
    line_end: lines[3] === undefined ? null : Number(lines[3]),
    note: trimmedNote,
  };
}

/** How a file reference reads: path:start-end. */
export function fileRefText(ref: FileRefInput): string {
  if (ref.line_start === null) return ref.path;
  return `${ref.path}:${ref.line_start}${ref.line_end === null ? '' : `-${ref.line_end}`}`;
}
