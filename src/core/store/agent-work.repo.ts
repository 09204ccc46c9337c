// SQL for what an agent left behind across tasks: its unfinished task (assigned to it or
// leased by it), the tasks it touched last, and the questions on a task it asked the person.
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { Db } from './database.ts';

export interface TouchedTask {
  id: number;
  title: string;
  status: TaskStatus;
  at: string;
}

export interface QuestionRow {
  id: number;
  question: string;
  answer: string | null;
  chosen_option: string | null;
}

export type AgentWorkRepo = ReturnType<typeof createAgentWorkRepo>;

/** Statuses of a task someone started and has not finished. */
export const UNFINISHED: readonly TaskStatus[] = ['in_progress', 'needs_input', 'review'];

/** How far back in the event log "what the agent did last" looks, in events. */
const RECENT_WINDOW = 20_000;

export function createAgentWorkRepo(db: Db) {
  const unfinished = db.prepare<[string, string, string], { id: number; count: number }>(
    `SELECT id, count(*) OVER () AS count FROM tasks
     WHERE status IN (SELECT value FROM json_each(?)) AND (lease_holder = ? OR assignee = ?)
     ORDER BY updated_at DESC, id DESC LIMIT 1`,
  );
  const touched = db.prepare<
    { after: number; actor: string; prefix: string; limit: number },
    TouchedTask
  >(
    `SELECT t.id, t.title, t.status, r.at FROM
       (SELECT task_id, max(id) AS last_id, max(at) AS at FROM events
        WHERE id > @after AND task_id IS NOT NULL
          AND (actor = @actor OR substr(actor, 1, length(@prefix)) = @prefix)
        GROUP BY task_id) r
     JOIN tasks t ON t.id = r.task_id ORDER BY r.last_id DESC LIMIT @limit`,
  );
  const lastEvent = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events');
  const questions = db.prepare<[number, string, number], QuestionRow>(
    `SELECT id, question, answer, chosen_option FROM interventions
     WHERE task_id = ? AND status = ? ORDER BY id DESC LIMIT ?`,
  );

  return {
    /** The unfinished task the agent (or person) by this name changed last, and how many there are. */
    unfinishedOf: (name: string): { id: number; count: number } | undefined =>
      unfinished.get(JSON.stringify(UNFINISHED), name, name),
    /** Tasks whose events this actor (any of its sessions) wrote last, newest first. */
    touchedBy: (actor: string, limit: number): TouchedTask[] => {
      const last = lastEvent.get()?.id ?? 0;
      return touched.all({ after: last - RECENT_WINDOW, actor, prefix: `${actor}#`, limit });
    },
    openQuestions: (taskId: number, limit: number): QuestionRow[] =>
      questions.all(taskId, 'open', limit),
    answeredQuestions: (taskId: number, limit: number): QuestionRow[] =>
      questions.all(taskId, 'answered', limit),
  };
}
