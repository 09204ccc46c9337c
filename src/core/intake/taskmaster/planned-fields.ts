// One Task Master task's (or subtask's) fields in our terms, with a note for every value that
// could not be kept as it was and every field that has no place here.
import { TASK_LIMITS, type TaskStatus } from '../../../shared/tasks/task-fields.ts';
import type { ImportNotes } from './import-notes.ts';
import type { RawSubtask } from './taskmaster-file.ts';
import { complexityIn, criteriaIn, priorityIn, statusIn } from './taskmaster-fields.ts';

export interface PlannedFields {
  title: string;
  description: string;
  details: string;
  test_strategy: string;
  acceptance_criteria: { text: string; done: boolean }[];
  status: TaskStatus;
  priority: number;
  complexity_score: number | null;
  tags: string[];
  assignee: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** Fields read into ours. */
const KEPT = new Set([
  'id',
  'title',
  'description',
  'details',
  'testStrategy',
  'status',
  'priority',
  'dependencies',
  'subtasks',
  'acceptanceCriteria',
  'complexity',
  'tags',
  'assignee',
  'createdAt',
  'updatedAt',
]);
/** Fields that repeat what the nesting already says; nothing is lost without them. */
const STRUCTURAL = new Set(['parentId', 'parentTaskId', 'parentTask', 'isSubtask']);

export interface FieldContext {
  notes: ImportNotes;
  now: string;
  /** The Task Master tag, as a task tag, when the import takes several. */
  extraTag: string | null;
}

export function plannedFields(
  raw: RawSubtask,
  label: string,
  context: FieldContext,
): PlannedFields {
  const { notes } = context;
  for (const key of Object.keys(raw)) {
    if (!KEPT.has(key) && !STRUCTURAL.has(key) && raw[key] !== undefined)
      notes.count(`field "${key}" has no place here (dropped)`, label);
  }
  let status = statusIn(raw.status);
  if (status === undefined) {
    notes.count(`unknown status "${String(raw.status).slice(0, 40)}" (imported as pending)`, label);
    status = 'pending';
  }
  let priority = priorityIn(raw.priority);
  if (priority === undefined) {
    notes.count(
      `unknown priority "${String(raw.priority).slice(0, 40)}" (imported as medium)`,
      label,
    );
    priority = 1;
  }
  let complexity = complexityIn(raw.complexity);
  if (complexity === undefined) {
    notes.count('complexity outside 1..10 (dropped)', label);
    complexity = null;
  }
  const { criteria, cut } = criteriaIn(raw.acceptanceCriteria);
  if (cut > 0)
    notes.count(
      `acceptance criteria longer than ${TASK_LIMITS.criterionLength} characters (cut)`,
      label,
    );
  const { title, description } = titleOf(raw, label, notes);
  const created = timestamp(raw.createdAt) ?? context.now;
  const updated = timestamp(raw.updatedAt) ?? created;
  return {
    title,
    description,
    details: raw.details ?? '',
    test_strategy: raw.testStrategy ?? '',
    acceptance_criteria: criteria,
    status,
    priority,
    complexity_score: complexity,
    tags: tagsOf(raw.tags ?? [], context.extraTag, label, notes),
    assignee: raw.assignee?.trim().slice(0, TASK_LIMITS.shortText) || null,
    created_at: created,
    updated_at: updated,
    completed_at: status === 'completed' ? updated : null,
  };
}

/** A title on one line within our limit; the whole of a longer one opens the description. */
function titleOf(raw: RawSubtask, label: string, notes: ImportNotes) {
  const description = raw.description ?? '';
  const line = (raw.title ?? '').replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (line === '') {
    notes.count('tasks without a title (named after their id)', label);
    return { title: `Task ${label}`, description };
  }
  if (line.length <= TASK_LIMITS.title) return { title: line, description };
  notes.count(
    `titles longer than ${TASK_LIMITS.title} characters (cut; whole in the description)`,
    label,
  );
  return {
    title: `${line.slice(0, TASK_LIMITS.title - 1)}…`,
    description: description === '' ? line : `${line}\n\n${description}`,
  };
}

function tagsOf(raw: readonly string[], extra: string | null, label: string, notes: ImportNotes) {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const tag of extra === null ? raw : [extra, ...raw]) {
    const clean = tag
      .trim()
      .replace(/[\s,]+/gu, '-')
      .slice(0, TASK_LIMITS.tagLength);
    if (clean === '' || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    tags.push(clean);
  }
  if (tags.length <= TASK_LIMITS.tags) return tags;
  notes.count(`more than ${TASK_LIMITS.tags} tags (the rest dropped)`, label);
  return tags.slice(0, TASK_LIMITS.tags);
}

/** An ISO timestamp as stored, or undefined when the text is not a date. */
function timestamp(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
