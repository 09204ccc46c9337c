// Choosing the next task: among the ready tasks, the highest priority, then the one whose
// completion unblocks the most work, then the oldest; with the reasons and the runners-up.
// When nothing is ready it says what everything waits on.
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { priorityLabel } from '../../shared/tasks/task-fields.ts';
import type { CallContext } from '../call-context.ts';
import type { ProjectService } from '../projects/project.service.ts';
import type { Store } from '../store/store.ts';
import { toCompactTasks, toTask } from '../tasks/task-view.ts';

/** Ready tasks scored for unblocking value: the best few by priority, which decide the pick. */
const CANDIDATES = 25;

export class NextTaskService {
  private readonly store: Store;
  private readonly projects: ProjectService;

  constructor(store: Store, projects: ProjectService) {
    this.store = store;
    this.projects = projects;
  }

  next(
    input: OperationArgs<'get_next_task'>,
    context: CallContext,
  ): OperationOutput<'get_next_task'> {
    return this.store.read(() => {
      const project = this.projects.resolve(input.project_id, context);
      const records = this.store.taskLists.readyPage(project.id, null, CANDIDATES);
      if (records.length === 0) return this.nothingReady(project.id, project.name);
      const scored = records
        .map((record) => ({ record, unblocks: this.store.dependencies.downstreamCount(record.id) }))
        .sort(
          (a, b) =>
            b.record.priority - a.record.priority ||
            b.unblocks - a.unblocks ||
            a.record.id - b.record.id,
        );
      const [best, ...rest] = scored;
      const readyCount = this.store.taskLists.readyCount(project.id);
      const reasons = [
        `${priorityLabel(best!.record.priority)} priority, the highest among ${readyCount} ready task(s)`,
        best!.unblocks > 0
          ? `completing it unblocks ${best!.unblocks} task(s)`
          : 'nothing else waits on it',
        'every prerequisite is completed',
      ];
      const compact = toCompactTasks(
        this.store,
        rest.slice(0, input.alternatives).map((s) => s.record),
      );
      const task = toTask(this.store, best!.record);
      return {
        task,
        reasons,
        alternatives: compact.map((item, index) => ({ ...item, unblocks: rest[index]!.unblocks })),
        message: `Next: #${task.id} ${task.title} (${reasons.join('; ')}).`,
      };
    });
  }

  private nothingReady(projectId: number, name: string): OperationOutput<'get_next_task'> {
    const metrics = this.store.taskLists.metrics(projectId);
    const blockers = this.store.tasks.refs(
      this.store.dependencies.blockers(projectId, 3).map((row) => row.id),
    );
    const pending = metrics.by_status['pending'] ?? 0;
    let why: string;
    if (metrics.total === 0) why = `project "${name}" has no tasks yet`;
    else if (pending === 0)
      why = `no task of project "${name}" is pending (${Object.entries(metrics.by_status)
        .map(([status, count]) => `${count} ${status}`)
        .join(', ')})`;
    else
      why = `all ${pending} pending task(s) wait on unfinished work: ${blockers.map((ref) => `#${ref.id} "${ref.title}" (${ref.status})`).join(', ')}`;
    return { task: null, reasons: [why], alternatives: [], message: `Nothing is ready: ${why}.` };
  }
}
