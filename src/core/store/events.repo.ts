// SQL for the append-only event log.
import type { OrchestronEvent } from '../../shared/operations/events.ops.ts';
import type { Db } from './database.ts';
import { StatementCache } from './statement-cache.ts';

export interface NewEvent {
  at: string;
  actor: string;
  type: string;
  project_id: number | null;
  task_id: number | null;
  before: unknown;
  after: unknown;
}

interface EventRow extends Omit<OrchestronEvent, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

export interface EventQuery {
  after_id: number;
  project_id?: number;
  task_id?: number;
  limit: number;
}

// a row's type and payload match as written by emit.ts; the compiler cannot relate a union of
// more than 25 kinds to its spread, so the row is asserted to be the event it is
const toEvent = (row: EventRow): OrchestronEvent =>
  ({
    ...row,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }) as OrchestronEvent;

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Rows per multi-row INSERT at most: 7 parameters each stays far below SQLite's 32,766. */
const MAX_BATCH_ROWS = 256;

export type EventsRepo = ReturnType<typeof createEventsRepo>;

export function createEventsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO events (at, actor, type, project_id, task_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const columns = 'id, at, actor, type, project_id, task_id, before, after';
  const after = db.prepare<[number, number], EventRow>(
    `SELECT ${columns} FROM events WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const afterInProject = db.prepare<[number, number, number], EventRow>(
    `SELECT ${columns} FROM events WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const afterForTask = db.prepare<[number, number, number], EventRow>(
    `SELECT ${columns} FROM events WHERE task_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const lastId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events');
  const cache = new StatementCache(db);
  const values = (event: NewEvent) => [
    event.at,
    event.actor,
    event.type,
    event.project_id,
    event.task_id,
    json(event.before),
    json(event.after),
  ];

  return {
    append: (event: NewEvent): number => Number(insert.run(...values(event)).lastInsertRowid),
    /**
     * Appends many events with a few multi-row INSERTs: a cascade over thousands of dependents
     * writes its events in a handful of statements, not one per task. Batches have power-of-two
     * sizes, so at most nine statement shapes are ever prepared.
     */
    appendMany(events: readonly NewEvent[]): void {
      for (let start = 0; start < events.length;) {
        let size = MAX_BATCH_ROWS;
        while (size > events.length - start) size /= 2;
        const rows = events.slice(start, start + size);
        start += size;
        const statement = cache.get(
          `INSERT INTO events (at, actor, type, project_id, task_id, before, after) VALUES ${rows
            .map(() => '(?, ?, ?, ?, ?, ?, ?)')
            .join(', ')}`,
        );
        statement.run(rows.flatMap(values));
      }
    },
    query(query: EventQuery): OrchestronEvent[] {
      const rows =
        query.task_id !== undefined
          ? afterForTask.all(query.task_id, query.after_id, query.limit)
          : query.project_id !== undefined
            ? afterInProject.all(query.project_id, query.after_id, query.limit)
            : after.all(query.after_id, query.limit);
      return rows.map(toEvent);
    },
    lastId: (): number => lastId.get()!.id ?? 0,
  };
}
