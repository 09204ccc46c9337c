// What the detail view shows of the work on a task, compactly and only when there is some: its
// gate, lease and pause as summary lines in words, and its checkpoints, artifacts, the person's
// latest clarifications and the last rejection as short sections wrapped to the terminal.
import { cell, outputWidth, truncate } from './text-table.ts';
import { isRecord, type Row } from './task-table.ts';

/** Task fields shown combined in words by summaryLines, not as one raw line each. */
export const WORK_FIELDS: ReadonlySet<string> = new Set([
  'requires_approval',
  'lease_holder',
  'lease_expires_at',
  'paused_at',
  'paused_by',
  'paused_reason',
]);

/** Statuses in which a lease does not run out: the task waits on a person. */
const WAITING_ON_PERSON = new Set(['needs_input', 'review']);

/** "2026-03-02 14:15 UTC": a moment to the minute. */
function minute(value: unknown): string {
  const iso = cell(value);
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso)
    ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
    : iso;
}

function size(bytes: unknown): string {
  if (typeof bytes !== 'number') return cell(bytes);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `label  value` pairs for the gate, the lease and the pause, when the task has them. */
export function summaryLines(task: Row): [string, string][] {
  const lines: [string, string][] = [];
  if (task['requires_approval'] === true)
    lines.push(['approval', "required (an agent's done goes to review)"]);
  const holder = task['lease_holder'];
  if (typeof holder === 'string') {
    const until = task['lease_expires_at'];
    const status = cell(task['status']);
    const term = WAITING_ON_PERSON.has(status)
      ? `(held while it waits on a person)`
      : typeof until === 'string'
        ? `until ${minute(until)}`
        : '(no expiry)';
    lines.push(['lease', `${holder} ${term}`]);
  }
  if (typeof task['paused_at'] === 'string') {
    const by = typeof task['paused_by'] === 'string' ? task['paused_by'] : 'a person';
    lines.push(['paused', `by ${by}: ${cell(task['paused_reason'])}`]);
  }
  return lines;
}

/** `text` in lines of at most `width` characters, the first after `first`, the rest after `rest`. */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  const room = () => width - line.length;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let piece = word;
    if (!fresh && piece.length + 1 > room()) {
      lines.push(line);
      line = rest;
      fresh = true;
    }
    if (!fresh) line += ' ';
    // a word longer than a whole line is cut across lines
    while (piece.length > room() && room() > 0) {
      lines.push(line + piece.slice(0, room()));
      piece = piece.slice(room());
      line = rest;
    }
    line += piece;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

function records(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The sections of a get_task result about work on the task; none for a task without any. */
export function workSections(output: Row): string[] {
  const width = outputWidth();
  const lines: string[] = [];
  const steps = records(output['checkpoints']);
  if (steps.length > 0) {
    const done = steps.filter((step) => step['done'] === true).length;
    lines.push(`  checkpoints (${done} of ${steps.length} done):`);
    for (const step of steps)
      lines.push(
        `    ${step['done'] === true ? '✓' : '·'} ${truncate(cell(step['name']), width - 6)}`,
      );
  }
  const artifacts = records(output['artifacts']);
  if (artifacts.length > 0) {
    lines.push('  artifacts:');
    // sizes first, right-aligned, so a long name does not push them off the line
    const sizes = artifacts.map((artifact) => size(artifact['size']));
    const sizeWidth = Math.max(...sizes.map((text) => text.length));
    artifacts.forEach((artifact, index) => {
      const name = truncate(cell(artifact['name']), width - 6 - sizeWidth);
      lines.push(`    ${sizes[index]!.padStart(sizeWidth)}  ${name}`);
    });
  }
  const notes = records(output['clarifications']);
  if (notes.length > 0) {
    const total = output['clarification_count'];
    const of =
      typeof total === 'number' && total > notes.length ? `, last ${notes.length} of ${total}` : '';
    lines.push(`  clarifications (oldest first${of}):`);
    for (const note of notes) {
      const head = `    ${minute(note['at'])} ${cell(note['author'])}: `;
      lines.push(...wrap(cell(note['text']), width, head, '      '));
    }
  }
  const rejection = output['last_rejection'];
  if (isRecord(rejection)) {
    lines.push(`  last rejection (${minute(rejection['at'])}, ${cell(rejection['by'])}):`);
    lines.push(...wrap(cell(rejection['reason']), width, '    ', '    '));
  }
  return lines;
}
