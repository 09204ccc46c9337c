// What the project's finished work says: how long its completed tasks took (started to
// completed), which of them resemble a task, and the hours a complexity point has cost. Shared
// by the complexity's history factor and the effort calibration. Durations are wall-clock, so a
// task left open overnight looks long: medians keep such tasks from steering the result.
import type { FinishedTask } from '../store/task-analyses.repo.ts';

/** Longer than this is no measure of work (a task forgotten in progress), so it is left out. */
const MAX_MEASURED_HOURS = 60 * 24;
const HOUR_MS = 3_600_000;

export interface Measured extends FinishedTask {
  hours: number;
  tags: readonly string[];
}

/** Completed tasks with a usable duration, `exclude` (the task analysed) left out. */
export function measuredTasks(
  finished: readonly FinishedTask[],
  tagsOf: ReadonlyMap<number, readonly string[]>,
  exclude: number,
): Measured[] {
  const measured: Measured[] = [];
  for (const task of finished) {
    if (task.id === exclude) continue;
    const hours = (Date.parse(task.completed_at) - Date.parse(task.started_at)) / HOUR_MS;
    if (!(hours > 0) || hours > MAX_MEASURED_HOURS) continue;
    measured.push({ ...task, hours, tags: tagsOf.get(task.id) ?? [] });
  }
  return measured;
}

export function quantile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * fraction;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'add', 'fix', 'new']);

/** Title words that can tell tasks apart: three letters or more, not the commonest verbs. */
function titleWords(title: string): Set<string> {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)));
}

export interface Subject {
  title: string;
  code_language: string | null;
  tags: readonly string[];
}

/** Why `other` resembles `subject` (a shared tag, the same language, two shared title words), or null. */
export function resemblance(subject: Subject, other: Measured): string | null {
  const tags = new Set(subject.tags.map((tag) => tag.toLowerCase()));
  const shared = other.tags.filter((tag) => tags.has(tag.toLowerCase()));
  if (shared.length > 0) return `tag ${shared[0]}`;
  const language = subject.code_language?.toLowerCase();
  if (language && language === other.code_language?.toLowerCase()) return `language ${language}`;
  const words = titleWords(subject.title);
  const common = [...titleWords(other.title)].filter((word) => words.has(word));
  return common.length >= 2 ? `title words ${common.slice(0, 3).join(', ')}` : null;
}

export const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** "3.5 h", "45 min": durations as a reader wants them. */
export function hoursText(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  return `${Number(hours.toFixed(hours < 10 ? 1 : 0))} h`;
}
