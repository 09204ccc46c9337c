// Scoring ready tasks for get_next_task and claim_next_task. Pure (no database), so the ranking
// rules are tested on their own. Priority dominates: each level is worth more than everything
// else together can add, so a preference or an affinity never hands out a lower-priority task
// while a higher one is ready. Within a priority: the work a task unblocks, the caller's stated
// preferences, its affinity with the caller's last task, then lower complexity (and, given
// hours_available_today, a known fit in them). Complexity and estimates in the limits are said.
import { AppError } from '../../shared/errors.ts';
import type { NextTaskCriteriaInput } from '../../shared/operations/next-task.ops.ts';
import { priorityLabel } from '../../shared/tasks/task-fields.ts';

/** The criteria with aliases merged and words lower-cased; filters are null when not asked for. */
export interface NextTaskCriteria {
  max_complexity: { value: number; field: 'max_complexity' | 'max_complexity_limit' } | null;
  max_hours: { value: number; field: 'max_estimated_hours' | 'hours_available_today' } | null;
  min_hours: number | null;
  min_priority: number | null;
  required_tags: string[];
  excluded_tags: string[];
  preferred_languages: string[];
  preferred_types: string[];
  grouping: boolean;
  affinity: boolean;
}

/** What scoring needs to know of a ready task. */
export interface Candidate {
  id: number;
  priority: number;
  parent_id: number | null;
  code_language: string | null;
  complexity_score: number | null;
  /** Hours estimated for it (estimate_effort or by hand); left out or null when unknown. */
  estimated_hours?: number | null;
  tags: readonly string[];
  /** Tasks waiting on it, directly or through others, counted up to a cap. */
  unblocks: number;
  /** True when `unblocks` hit the cap (the real number is larger). */
  unblocks_capped: boolean;
}

/** The task the caller worked on last, for affinity; null for people and fresh agents. */
export interface LastTask {
  id: number;
  parent_id: number | null;
  code_language: string | null;
  tags: readonly string[];
}

export interface Scored<C extends Candidate = Candidate> {
  candidate: C;
  score: number;
  reasons: string[];
}

/**
 * Points. One priority level (1000) exceeds the most the rest can add (about 235), which is
 * what makes priority dominant. Unblocking grows with the logarithm of the count: the first few
 * waiting tasks matter most, and one hub cannot drown every other signal. Stated preferences
 * outweigh inferred affinity; complexity only separates otherwise equal tasks ("slightly").
 */
export const WEIGHTS = {
  priority: 1000,
  unblocksPerDoubling: 20,
  preferredLanguage: 30,
  preferredType: 20,
  sameLanguage: 15,
  sharedTag: 8,
  sharedTagsCounted: 3,
  sameGroup: 10,
  complexityPerPoint: 0.5,
  /** With hours_available_today, a task known to fit in them: less than one unblocked task. */
  fitsToday: 5,
  /** An unscored task counts as middling (5 of 10): neither favoured nor penalised. */
  unknownComplexity: 5,
} as const;

const lower = (words: readonly string[] | undefined) => [
  ...new Set((words ?? []).map((word) => word.toLowerCase())),
];

function smaller<F extends string>(
  a: { value: number; field: F } | null,
  b: { value: number; field: F } | null,
) {
  if (a === null) return b;
  if (b === null) return a;
  return b.value < a.value ? b : a;
}

const entry = <F extends string>(value: number | undefined, field: F) =>
  value === undefined ? null : { value, field };

/** Merges aliases and refuses criteria no task could meet, naming both fields; left-out booleans are true. */
export function criteriaOf(input: Partial<NextTaskCriteriaInput>): NextTaskCriteria {
  const maxHours = smaller(
    entry(input.max_estimated_hours, 'max_estimated_hours' as const),
    entry(input.hours_available_today, 'hours_available_today' as const),
  );
  const minHours = input.min_estimated_hours ?? null;
  if (minHours !== null && maxHours !== null && minHours > maxHours.value)
    throw new AppError(
      'VALIDATION',
      `min_estimated_hours (${minHours}) is more than ${maxHours.field} (${maxHours.value}), so no task could match; lower min_estimated_hours or raise ${maxHours.field}.`,
      { fields: ['min_estimated_hours', maxHours.field] },
    );
  const required = lower(input.required_tags);
  const excluded = lower(input.excluded_tags);
  const both = required.filter((tag) => excluded.includes(tag));
  if (both.length > 0)
    throw new AppError(
      'VALIDATION',
      `Tag(s) ${both.join(', ')} are both in required_tags and excluded_tags, so no task could match; remove them from one of the two.`,
      { fields: ['required_tags', 'excluded_tags'], tags: both },
    );
  return {
    max_complexity: smaller(
      entry(input.max_complexity, 'max_complexity' as const),
      entry(input.max_complexity_limit, 'max_complexity_limit' as const),
    ),
    max_hours: maxHours,
    min_hours: minHours,
    min_priority: input.priority_threshold ?? null,
    required_tags: required,
    excluded_tags: excluded,
    preferred_languages: lower(input.preferred_languages),
    preferred_types: lower(input.preferred_task_types),
    grouping: input.enable_grouping ?? true,
    affinity: input.minimize_context_switching ?? true,
  };
}

/** True when some filter narrows the ready set (preferences only reorder it). */
export function hasFilters(criteria: NextTaskCriteria): boolean {
  return (
    criteria.max_complexity !== null ||
    criteria.max_hours !== null ||
    criteria.min_hours !== null ||
    criteria.min_priority !== null ||
    criteria.required_tags.length > 0 ||
    criteria.excluded_tags.length > 0
  );
}

function unblockingPart(candidate: Candidate, reasons: string[]): number {
  if (candidate.unblocks > 0)
    reasons.push(
      `unblocks ${candidate.unblocks}${candidate.unblocks_capped ? '+' : ''} task${candidate.unblocks === 1 ? '' : 's'}`,
    );
  return WEIGHTS.unblocksPerDoubling * Math.log2(1 + candidate.unblocks);
}

function preferencePart(candidate: Candidate, criteria: NextTaskCriteria, reasons: string[]) {
  let points = 0;
  const language = candidate.code_language?.toLowerCase();
  if (language !== undefined && criteria.preferred_languages.includes(language)) {
    points += WEIGHTS.preferredLanguage;
    reasons.push(`preferred language ${candidate.code_language}`);
  }
  const types = candidate.tags.filter((tag) =>
    criteria.preferred_types.includes(tag.toLowerCase()),
  );
  if (types.length > 0) {
    points += WEIGHTS.preferredType;
    reasons.push(`preferred type ${types.join(', ')} (tag)`);
  }
  return points;
}

function affinityPart(candidate: Candidate, criteria: NextTaskCriteria, last: LastTask | null) {
  const reasons: string[] = [];
  if (last === null || last.id === candidate.id) return { points: 0, reasons };
  let points = 0;
  if (criteria.affinity) {
    const language = candidate.code_language?.toLowerCase();
    if (language !== undefined && language === last.code_language?.toLowerCase()) {
      points += WEIGHTS.sameLanguage;
      reasons.push(`same language as your last task #${last.id} (${candidate.code_language})`);
    }
    const lastTags = new Set(last.tags.map((tag) => tag.toLowerCase()));
    const shared = candidate.tags.filter((tag) => lastTags.has(tag.toLowerCase()));
    if (shared.length > 0) {
      points += WEIGHTS.sharedTag * Math.min(shared.length, WEIGHTS.sharedTagsCounted);
      reasons.push(
        `shares tag${shared.length === 1 ? '' : 's'} ${shared.join(', ')} with #${last.id}`,
      );
    }
  }
  if (criteria.grouping) {
    if (last.parent_id !== null && candidate.parent_id === last.parent_id) {
      points += WEIGHTS.sameGroup;
      reasons.push(`same parent #${last.parent_id} as your last task #${last.id}`);
    } else if (candidate.parent_id === last.id) {
      points += WEIGHTS.sameGroup;
      reasons.push(`subtask of your last task #${last.id}`);
    }
  }
  return { points, reasons };
}

/** One task's score and the reasons behind it, most important first. */
export function scoreTask(
  candidate: Candidate,
  criteria: NextTaskCriteria,
  last: LastTask | null,
): { score: number; reasons: string[] } {
  const reasons = [`${priorityLabel(candidate.priority)} priority`];
  let score = WEIGHTS.priority * candidate.priority;
  score += unblockingPart(candidate, reasons);
  score += preferencePart(candidate, criteria, reasons);
  const affinity = affinityPart(candidate, criteria, last);
  score += affinity.points;
  reasons.push(...affinity.reasons);
  const complexity = candidate.complexity_score ?? WEIGHTS.unknownComplexity;
  score += WEIGHTS.complexityPerPoint * (10 - complexity);
  reasons.push(...complexityReasons(candidate, criteria));
  score += effortPart(candidate, criteria, reasons);
  return { score: Math.round(score * 10) / 10, reasons };
}

/** "complexity 3, within max_complexity 5"; an unscored task passes the limit, and says so. */
function complexityReasons(candidate: Candidate, criteria: NextTaskCriteria): string[] {
  const limit = criteria.max_complexity;
  const limitWords = limit === null ? '' : `${limit.field} ${limit.value}`;
  if (candidate.complexity_score !== null)
    return [`complexity ${candidate.complexity_score}${limit ? `, within ${limitWords}` : ''}`];
  return limit ? [`complexity not scored, so ${limitWords} does not apply`] : [];
}

/** The estimate against the hour limits; a task known to fit today's hours gets a little more. */
function effortPart(candidate: Candidate, criteria: NextTaskCriteria, reasons: string[]): number {
  const hours = candidate.estimated_hours ?? null;
  const { max_hours: max, min_hours: min } = criteria;
  if (hours === null) {
    const limits = [max?.field, min === null ? undefined : 'min_estimated_hours'].filter(Boolean);
    if (limits.length > 0)
      reasons.push(
        `no effort estimate, so ${limits.join(' and ')} ${limits.length === 1 ? 'does' : 'do'} not apply`,
      );
    return 0;
  }
  const within = [
    max ? `within ${max.field} ${max.value} h` : '',
    min === null ? '' : `at least min_estimated_hours ${min} h`,
  ].filter(Boolean);
  reasons.push(`estimated ${hours} h${within.length > 0 ? `, ${within.join(' and ')}` : ''}`);
  return max?.field === 'hours_available_today' ? WEIGHTS.fitsToday : 0;
}

/** Candidates best first; equal scores go to the older task (lower id), so the order is stable. */
export function rankCandidates<C extends Candidate>(
  candidates: readonly C[],
  criteria: NextTaskCriteria,
  last: LastTask | null,
): Scored<C>[] {
  return candidates
    .map((candidate) => ({ candidate, ...scoreTask(candidate, criteria, last) }))
    .sort((a, b) => b.score - a.score || a.candidate.id - b.candidate.id);
}
