// Task Master's field values in our terms and back: statuses, priorities, complexity and
// acceptance criteria. Values we cannot read become our defaults, with a warning.
import {
  PRIORITY_LABELS,
  TASK_LIMITS,
  type TaskStatus,
} from '../../../shared/tasks/task-fields.ts';

/** Task Master's statuses (every spelling seen in real files) and ours for them. */
const STATUS_IN: Readonly<Record<string, TaskStatus>> = {
  pending: 'pending',
  todo: 'pending',
  'in-progress': 'in_progress',
  in_progress: 'in_progress',
  review: 'review',
  done: 'completed',
  completed: 'completed',
  complete: 'completed',
  // deferred work waits on something outside the graph: our "blocked", as the status aliases say
  deferred: 'blocked',
  blocked: 'blocked',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

/** Ours in Task Master's words; statuses it lacks go to the nearest it has. */
export const STATUS_OUT = {
  pending: 'pending',
  in_progress: 'in-progress',
  needs_input: 'in-progress',
  review: 'review',
  completed: 'done',
  // failed work has to be done again
  failed: 'pending',
  cancelled: 'cancelled',
  blocked: 'deferred',
} as const satisfies Record<TaskStatus, string>;

export function statusIn(raw: string | null | undefined): TaskStatus | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return 'pending';
  return STATUS_IN[raw.trim().toLowerCase()];
}

/** low 0, medium 1, high 2, critical 3 (urgent 4); 0..4 as numbers too. */
export function priorityIn(raw: string | number | null | undefined): number | undefined {
  if (raw === null || raw === undefined) return 1;
  if (typeof raw === 'number')
    return Number.isInteger(raw) && raw >= 0 && raw <= 4 ? raw : undefined;
  const index = (PRIORITY_LABELS as readonly string[]).indexOf(raw.trim().toLowerCase());
  return index >= 0 ? index : undefined;
}

/** Task Master has no "urgent": it becomes critical. */
export function priorityOut(priority: number): 'low' | 'medium' | 'high' | 'critical' {
  return (['low', 'medium', 'high', 'critical', 'critical'] as const)[priority] ?? 'medium';
}

/** Task Master's complexity words, on our 1..10 scale (the middle of each band). */
const COMPLEXITY_WORDS: Readonly<Record<string, number>> = {
  simple: 2,
  moderate: 5,
  complex: 7,
  'very-complex': 9,
};

export function complexityIn(raw: number | string | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw >= 1 && raw <= 10 ? raw : undefined;
  const text = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return complexityIn(Number(text));
  return COMPLEXITY_WORDS[text];
}

/**
 * Criteria as Task Master keeps them: a list, or one text of "- " lines (what its files hold).
 * Each line becomes one criterion; a line too long is cut, which the caller reports.
 */
export function criteriaIn(raw: string | string[] | null | undefined): {
  criteria: { text: string; done: boolean }[];
  cut: number;
} {
  if (raw === null || raw === undefined) return { criteria: [], cut: 0 };
  const lines = Array.isArray(raw) ? raw : raw.split('\n');
  let cut = 0;
  const criteria = lines
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•]|\d+[.)])\s+/u, '')
        .replace(/\s+/gu, ' ')
        .trim(),
    )
    .filter((text) => text !== '')
    .map((text) => {
      if (text.length <= TASK_LIMITS.criterionLength) return { text, done: false };
      cut++;
      return { text: text.slice(0, TASK_LIMITS.criterionLength), done: false };
    });
  return { criteria, cut };
}

export function criteriaOut(criteria: readonly { text: string }[]): string | undefined {
  return criteria.length === 0 ? undefined : criteria.map((c) => `- ${c.text}`).join('\n');
}
