// Task statuses, priorities and field limits: the vocabulary shared by core, transports and UI.

export const TASK_STATUSES = [
  'pending',
  'in_progress',
  'needs_input',
  'review',
  'completed',
  'failed',
  'cancelled',
  'blocked',
] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Index = stored priority (0 lowest). */
export const PRIORITY_LABELS = ['low', 'medium', 'high', 'critical', 'urgent'] as const;

export type PriorityLabel = (typeof PRIORITY_LABELS)[number];

export const DEFAULT_PRIORITY = 1;

export function priorityLabel(priority: number): PriorityLabel {
  return PRIORITY_LABELS[priority] ?? 'medium';
}

/** Limits of task fields; the seed's tm CLI used 500 for titles and we keep it. */
export const TASK_LIMITS = {
  title: 500,
  description: 20_000,
  details: 50_000,
  testStrategy: 20_000,
  tags: 50,
  tagLength: 64,
  acceptanceCriteria: 100,
  criterionLength: 2_000,
  fileRefs: 100,
  pathLength: 1_024,
  noteLength: 2_000,
  dependencies: 500,
  shortText: 200,
} as const;

/** Page sizes: small by default so an agent's context window never receives a whole project. */
export const PAGE_LIMITS = { default: 50, max: 500 } as const;
