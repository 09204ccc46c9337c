// SQL for questions asked of the person (interventions): insert, read, close once, and list a
// page in urgency or newest-first order.
import {
  formatTicket,
  type Intervention,
  type InterventionStatus,
} from '../../shared/operations/interventions.ops.ts';
import type { Db } from './database.ts';

/** A question as stored: what callers see, plus the row's own bookkeeping. */
export interface InterventionRecord extends Intervention {
  id: number;
  notification_id: number | null;
  /** The notification telling the asking agent it was answered or cancelled. */
  reply_notification_id: number | null;
}

export type NewIntervention = Pick<
  Intervention,
  | 'project_id'
  | 'task_id'
  | 'kind'
  | 'question'
  | 'options'
  | 'urgency'
  | 'asked_by'
  | 'agent'
  | 'previous_status'
  | 'created_at'
>;

export interface Closing {
  status: Exclude<InterventionStatus, 'open'>;
  answer: string | null;
  chosen_option: string | null;
  cancel_reason: string | null;
  answered_by: string;
  answered_at: string;
}

export interface InterventionQuery {
  status: InterventionStatus | null;
  project_id: number | null;
  task_id: number | null;
  order: 'urgency' | 'newest';
  limit: number;
  offset: number;
}

type Row = Omit<InterventionRecord, 'ticket' | 'options'> & { options: string | null };

const COLUMNS = `id, project_id, task_id, kind, question, options, urgency, status, asked_by, agent,
  previous_status, notification_id, reply_notification_id, answer, chosen_option, cancel_reason, answered_by, created_at,
  answered_at`;

const FILTER = `(@status IS NULL OR status = @status)
  AND (@project_id IS NULL OR project_id = @project_id)
  AND (@task_id IS NULL OR task_id = @task_id)`;

/** Most urgent first; among equals the one waiting longest. */
const BY_URGENCY = `CASE urgency WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1
  ELSE 0 END DESC, id`;

function toRecord(row: Row): InterventionRecord {
  return {
    ticket: formatTicket(row.id),
    ...row,
    options: row.options === null ? null : (JSON.parse(row.options) as string[]),
  };
}

export type InterventionsRepo = ReturnType<typeof createInterventionsRepo>;

export function createInterventionsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO interventions (project_id, task_id, kind, question, options, urgency, asked_by,
       agent, previous_status, created_at)
     VALUES (@project_id, @task_id, @kind, @question, @options, @urgency, @asked_by, @agent,
       @previous_status, @created_at)`,
  );
  const get = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM interventions WHERE id = ?`);
  const openOnTask = db.prepare<[number], Row>(
    `SELECT ${COLUMNS} FROM interventions WHERE task_id = ? AND status = 'open' ORDER BY id`,
  );
  const close = db.prepare<Closing & { id: number }>(
    `UPDATE interventions SET status = @status, answer = @answer, chosen_option = @chosen_option,
       cancel_reason = @cancel_reason, answered_by = @answered_by, answered_at = @answered_at
     WHERE id = @id AND status = 'open'`,
  );
  const linkNotification = db.prepare<[number, number]>(
    'UPDATE interventions SET notification_id = ? WHERE id = ?',
  );
  const linkReply = db.prepare<[number, number]>(
    'UPDATE interventions SET reply_notification_id = ? WHERE id = ?',
  );
  const pages = {
    urgency: db.prepare<InterventionQuery, Row>(
      `SELECT ${COLUMNS} FROM interventions WHERE ${FILTER}
       ORDER BY ${BY_URGENCY} LIMIT @limit OFFSET @offset`,
    ),
    newest: db.prepare<InterventionQuery, Row>(
      `SELECT ${COLUMNS} FROM interventions WHERE ${FILTER}
       ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    ),
  };
  const count = db.prepare<Omit<InterventionQuery, 'order' | 'limit' | 'offset'>, { n: number }>(
    `SELECT count(*) AS n FROM interventions WHERE ${FILTER}`,
  );
  return {
    insert: (question: NewIntervention): number =>
      Number(
        insert.run({
          ...question,
          options: question.options === null ? null : JSON.stringify(question.options),
        }).lastInsertRowid,
      ),
    get: (id: number): InterventionRecord | undefined => {
      const row = get.get(id);
      return row && toRecord(row);
    },
    openOnTask: (taskId: number): InterventionRecord[] => openOnTask.all(taskId).map(toRecord),
    /** Closes an open question; false when it was no longer open. */
    close: (id: number, closing: Closing): boolean => close.run({ ...closing, id }).changes === 1,
    linkNotification: (id: number, notificationId: number): void => {
      linkNotification.run(notificationId, id);
    },
    linkReply: (id: number, notificationId: number): void => {
      linkReply.run(notificationId, id);
    },
    page: (query: InterventionQuery): InterventionRecord[] =>
      pages[query.order].all(query).map(toRecord),
    count: (query: InterventionQuery): number =>
      count.get({ status: query.status, project_id: query.project_id, task_id: query.task_id })!.n,
  };
}
