// Why no task can be chosen, in words a caller can act on: the project is empty, nothing is
// pending, everything waits on named prerequisites (and who holds them), or the ready tasks are
// all left out by the caller's filters (which filter, how many) or paused.
import { priorityLabel } from '../../shared/tasks/task-fields.ts';
import type {
  ReadyFilter,
  FilterKey,
  LeaseRow,
  ReadyTasksRepo,
} from '../store/ready-tasks.repo.ts';
import type { Store } from '../store/store.ts';
import type { NextTaskCriteria } from './next-task-scoring.ts';

const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

/** "14:05 (UTC)", with the date when the lease ends on another day than `now`. */
export function untilTime(iso: string, now: string): string {
  const day = iso.slice(0, 10);
  return `${day === now.slice(0, 10) ? '' : `${day} `}${iso.slice(11, 16)} (UTC)`;
}

const claimedBy = (lease: LeaseRow, now: string) =>
  lease.lease_expires_at === null
    ? `claimed by ${lease.lease_holder} (no expiry)`
    : `claimed by ${lease.lease_holder} until ${untilTime(lease.lease_expires_at, now)}`;

/** How the filter `key` leaves tasks out, e.g. "over max_complexity 5". */
function filterWords(key: FilterKey, criteria: NextTaskCriteria): string {
  switch (key) {
    case 'paused':
      return 'paused';
    case 'claimed':
      return 'claimed by someone else';
    case 'min_priority':
      return `below priority_threshold ${priorityLabel(criteria.min_priority ?? 0)}`;
    case 'max_complexity':
      return `over ${criteria.max_complexity?.field} ${criteria.max_complexity?.value}`;
    case 'max_hours':
      return `estimated over ${criteria.max_hours?.field} ${criteria.max_hours?.value}`;
    case 'min_hours':
      return `estimated under min_estimated_hours ${criteria.min_hours}`;
    case 'required_tags':
      return `without required_tags ${criteria.required_tags.join(', ')}`;
    case 'excluded_tags':
      return `tagged with excluded_tags ${criteria.excluded_tags.join(', ')}`;
  }
}

export function filterOf(criteria: NextTaskCriteria): ReadyFilter {
  return {
    max_complexity: criteria.max_complexity?.value ?? null,
    max_hours: criteria.max_hours?.value ?? null,
    min_hours: criteria.min_hours,
    min_priority: criteria.min_priority,
    required_tags: criteria.required_tags,
    excluded_tags: criteria.excluded_tags,
  };
}

function excludedReason(
  exclusions: ReturnType<ReadyTasksRepo['exclusions']>,
  criteria: NextTaskCriteria,
): string {
  const { ready } = exclusions;
  const active = exclusions.excluded.filter((entry) => entry.count > 0);
  const head = `${ready} ready ${ready === 1 ? 'task' : 'tasks'}`;
  if (active.length === 1 && active[0]!.count === ready)
    return `${head}, ${ready === 1 ? '' : 'all '}${filterWords(active[0]!.key, criteria)}`;
  const parts = active.map((entry) => `${entry.count} ${filterWords(entry.key, criteria)}`);
  return `${head}, none passes your filters: ${parts.join(', ')}`;
}

/** Reasons, most telling first, why no ready task of `projectId` passes `criteria`. */
export function whyNothingReady(
  store: Store,
  ready: ReadyTasksRepo,
  projectId: number,
  criteria: NextTaskCriteria,
  now: string,
): string[] {
  const metrics = store.taskLists.metrics(projectId);
  if (metrics.total === 0)
    return [`project "${store.projects.get(projectId)?.name ?? projectId}" has no tasks yet`];
  const exclusions = ready.exclusions(projectId, filterOf(criteria), now);
  if (exclusions.ready > 0) return [excludedReason(exclusions, criteria)];
  const reasons: string[] = [];
  const pending = metrics.by_status['pending'] ?? 0;
  if (pending === 0) {
    const counts = Object.entries(metrics.by_status).map(([status, n]) => `${n} ${status}`);
    reasons.push(`no task is pending (${counts.join(', ')})`);
    const leases = ready.liveLeases(projectId, now, 3);
    for (const lease of leases) reasons.push(`#${lease.id} is ${claimedBy(lease, now)}`);
  } else {
    const blockers = store.tasks.refs(
      store.dependencies.blockers(projectId, 3).map((row) => row.id),
    );
    const leases = new Map(
      ready
        .leasesOf(
          blockers.map((ref) => ref.id),
          now,
        )
        .map((l) => [l.id, l]),
    );
    const named = blockers.map((ref) => {
      const lease = leases.get(ref.id);
      return `#${ref.id} "${ref.title}" (${ref.status}${lease ? `, ${claimedBy(lease, now)}` : ''})`;
    });
    if (named.length === 0) reasons.push(`all ${tasks(pending)} pending wait on unfinished work`);
    else if (named.length === 1) reasons.push(`everything pending waits on ${named[0]}`);
    else reasons.push(`all ${tasks(pending)} pending wait on unfinished work: ${named.join(', ')}`);
  }
  if (metrics.waiting_on_failed > 0)
    reasons.push(`${tasks(metrics.waiting_on_failed)} wait on a failed or cancelled prerequisite`);
  return reasons;
}
