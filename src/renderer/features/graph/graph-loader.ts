// Reads a whole project for the graph: every task (full fields, 500 a page), the open
// questions per task and the critical path, with the earliest event the read reflects.
import type { OrchestronClient } from '../../../shared/client.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { PAGE_LIMITS } from '../../../shared/tasks/task-fields.ts';
import type { GraphData } from './graph-events.ts';

/** list_interventions serves at most this many a page. */
const QUESTION_PAGE = 100;

type Client = Pick<OrchestronClient, 'call'>;

export interface GraphRead {
  data: GraphData;
  /** Events after this one may not be in the read: the feed's are applied on top. */
  asOfEvent: number;
}

export async function readGraph(client: Client, projectId: number): Promise<GraphRead> {
  const tasks = new Map<number, Task>();
  let asOfEvent = Infinity;
  let cursor: string | undefined;
  do {
    const page = await client.call('list_tasks', {
      project_id: projectId,
      fields: 'full',
      limit: PAGE_LIMITS.max,
      ...(cursor === undefined ? {} : { cursor }),
    });
    asOfEvent = Math.min(asOfEvent, page.as_of_event);
    for (const task of page.tasks) if ('priority_label' in task) tasks.set(task.id, task);
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
  const questions = new Map<number, Set<string>>();
  let questionCursor: string | undefined;
  do {
    const page = await client.call('list_interventions', {
      project_id: projectId,
      status: 'open',
      limit: QUESTION_PAGE,
      ...(questionCursor === undefined ? {} : { cursor: questionCursor }),
    });
    for (const question of page.interventions) {
      const tickets = questions.get(question.task_id) ?? new Set<string>();
      tickets.add(question.ticket);
      questions.set(question.task_id, tickets);
    }
    questionCursor = page.next_cursor ?? undefined;
  } while (questionCursor !== undefined);
  return { data: { tasks, questions }, asOfEvent: Number.isFinite(asOfEvent) ? asOfEvent : 0 };
}

export async function readCriticalPath(client: Client, projectId: number): Promise<number[]> {
  const { path } = await client.call('get_critical_path', { project_id: projectId });
  return path.map((step) => step.id);
}
