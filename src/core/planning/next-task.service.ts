// Choosing the next task, for get_next_task here and for claim_next_task (which leases the pick):
//
//   choose(projectId, criteria, caller, limit) → { ranked, explanation? }
//     criteria: criteriaOf(input) from next-task-scoring.ts (throws VALIDATION for criteria no
//       task could meet); caller: the call's caller (an agent's last task gives affinity);
//     ranked: at most `limit` ScoredTask, best first (ranked[0] is the pick);
//     explanation: when ranked is empty, why ({ reasons, message }).
//   It runs plain queries and opens no transaction, so it belongs inside the caller's: a
//   store.write for a claim (select and lease in one transaction), store.read for a look.
import type { EventType } from '../../shared/events/event-types.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { priorityLabel } from '../../shared/tasks/task-fields.ts';
import type { CallContext, Caller, Clock } from '../call-context.ts';
import type { ProjectService } from '../projects/project.service.ts';
import { createReadyTasksRepo, type ReadyTasksRepo } from '../store/ready-tasks.repo.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { toCompactTasks, toTask } from '../tasks/task-view.ts';
import {
  criteriaOf,
  hasFilters,
  rankCandidates,
  type LastTask,
  type NextTaskCriteria,
} from './next-task-scoring.ts';
import { filterOf, whyNothingReady } from './nothing-ready.ts';

/**
 * Ready tasks scored per call: the first WINDOW that pass the filters, by priority then age,
 * read from the tasks_ready index. Priority dominates the score, so the pick is always in the
 * highest priority present and the window holds that band's oldest tasks. It is exact unless
 * that band alone holds more than WINDOW tasks: then a newer task of the same priority that
 * unblocks more (or suits the caller better) can be missed. That bound keeps a call on a
 * 5,000-task project to WINDOW small capped walks instead of one walk per ready task.
 */
const WINDOW = 32;
/** Waiting tasks counted per candidate; beyond it the reason says "50+". */
const UNBLOCKS_CAP = 50;
/** Events searched for an agent's last task: the most recent ones only (no actor index). */
const RECENT_EVENTS = 10_000;
/** Events that mean an agent worked on a task: status changes, claims, progress, context. */
const WORK_EVENTS: readonly EventType[] = [
  'task.status_changed',
  'task.claimed',
  'task.review_requested',
  'task.progress',
  'task.checkpoints_changed',
  'context.saved',
  'artifact.stored',
];

export interface ScoredTask {
  record: TaskRecord;
  unblocks: number;
  score: number;
  reasons: string[];
}

export interface Choice {
  ranked: ScoredTask[];
  explanation?: { reasons: string[]; message: string };
}

export class NextTaskService {
  private readonly store: Store;
  private readonly projects: ProjectService;
  private readonly clock: Clock;
  private readonly ready: ReadyTasksRepo;

  constructor(store: Store, projects: ProjectService, clock: Clock) {
    this.store = store;
    this.projects = projects;
    this.clock = clock;
    this.ready = createReadyTasksRepo(store.db);
  }

  /** The best `limit` ready tasks for `caller` (see the top of this file); no transaction of its own. */
  choose(projectId: number, criteria: NextTaskCriteria, caller: Caller, limit: number): Choice {
    const now = this.clock.now();
    const records = this.ready.window(projectId, filterOf(criteria), now, WINDOW);
    if (records.length === 0) {
      const reasons = whyNothingReady(this.store, this.ready, projectId, criteria, now);
      return {
        ranked: [],
        explanation: { reasons, message: `Nothing is ready: ${reasons.join('; ')}.` },
      };
    }
    const ids = records.map((record) => record.id);
    const tags = this.store.details.tagsOf(ids);
    const waitedOn = this.ready.withDependents(ids);
    const candidates = records.map((record) => {
      const unblocks = waitedOn.has(record.id) ? this.ready.unblocks(record.id, UNBLOCKS_CAP) : 0;
      return {
        ...record,
        record,
        tags: tags.get(record.id) ?? [],
        unblocks,
        unblocks_capped: unblocks >= UNBLOCKS_CAP,
      };
    });
    const last = this.lastTask(projectId, caller, criteria);
    return {
      ranked: rankCandidates(candidates, criteria, last)
        .slice(0, limit)
        .map(({ candidate, score, reasons }) => ({
          record: candidate.record,
          unblocks: candidate.unblocks,
          score,
          reasons,
        })),
    };
  }

  /** The task an agent caller last worked on in this project; null for people or when unused. */
  private lastTask(projectId: number, caller: Caller, criteria: NextTaskCriteria): LastTask | null {
    if (caller.kind !== 'agent' || !(criteria.affinity || criteria.grouping)) return null;
    const id = this.ready.lastTaskOf(projectId, `agent:${caller.name}`, WORK_EVENTS, RECENT_EVENTS);
    const record = id === null ? undefined : this.store.tasks.get(id);
    if (!record) return null;
    const tags = this.store.details.tagsOf([record.id]).get(record.id) ?? [];
    return {
      id: record.id,
      parent_id: record.parent_id,
      code_language: record.code_language,
      tags,
    };
  }

  next(
    input: OperationArgs<'get_next_task'>,
    context: CallContext,
  ): OperationOutput<'get_next_task'> {
    const criteria = criteriaOf(input);
    return this.store.read(() => {
      const project = this.projects.resolve(input.project_id, context);
      const developers = input.available_developers ?? 1;
      const runnersUp = Math.max(input.alternatives, developers - 1);
      const choice = this.choose(project.id, criteria, context.caller, 1 + runnersUp);
      if (choice.ranked.length === 0) {
        const { reasons, message } = choice.explanation!;
        return { task: null, score: null, reasons, alternatives: [], message };
      }
      return this.answer(project.id, choice.ranked, criteria, developers);
    });
  }

  private answer(
    projectId: number,
    ranked: ScoredTask[],
    criteria: NextTaskCriteria,
    developers: number,
  ): OperationOutput<'get_next_task'> {
    const [best, ...rest] = ranked as [ScoredTask, ...ScoredTask[]];
    const reasons = [
      this.priorityReason(projectId, best.record.priority, criteria),
      ...best.reasons.slice(1),
    ];
    if (best.unblocks === 0) reasons.splice(1, 0, 'nothing else waits on it');
    const task = toTask(this.store, best.record);
    const compact = toCompactTasks(
      this.store,
      rest.map((scored) => scored.record),
    );
    let message = `Next: #${task.id} ${task.title} (${reasons.join('; ')}).`;
    if (developers > 1) message += ` ${this.parallel(ranked.slice(0, developers), developers)}`;
    return {
      task,
      score: best.score,
      reasons,
      alternatives: compact.map((item, index) => {
        const { unblocks, score, reasons: why } = rest[index]!;
        return { ...item, unblocks, score, reasons: why };
      }),
      message,
    };
  }

  /** "high priority, the highest among 11 ready task(s)": the pick is always in the top band. */
  private priorityReason(projectId: number, priority: number, criteria: NextTaskCriteria): string {
    const { passing } = this.ready.exclusions(projectId, filterOf(criteria), this.clock.now());
    const which = hasFilters(criteria) ? ' passing your filters' : '';
    return `${priorityLabel(priority)} priority, the highest among ${passing} ready task(s)${which}`;
  }

  private parallel(picks: ScoredTask[], developers: number): string {
    const ids = picks.map((scored) => `#${scored.record.id}`);
    if (ids.length < 2) return `Only one ready task suits ${developers} developers.`;
    return `For ${developers} developers: ${ids.join(', ')} can be worked on in parallel (ready tasks never wait on each other).`;
  }
}
