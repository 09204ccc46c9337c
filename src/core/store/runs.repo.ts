// SQL for code runs: a row written as `running` before the code starts, then its sandbox, its
// package setup and its ending; read one, a task's latest, and the rows of runs whose process died.
import type { RunRecord, RunSummary } from '../../shared/operations/runs.ops.ts';
import {
  summarize,
  type NewRun,
  type PackageSetup,
  type RunEnding,
  type RunSandbox,
} from '../runs/run-records.ts';
import type { Db } from './database.ts';

type Row = Omit<RunRecord, 'limits' | 'sandbox' | 'setup' | 'truncated'> & {
  limits: string;
  sandbox: string | null;
  setup: string | null;
  truncated: number;
};

const COLUMNS = `id, task_id, project_id, language, code, working_directory, limits, sandbox, setup,
  status, exit_code, signal, duration_ms, started_at, finished_at, head, tail, total_bytes,
  truncated, log_path, created_by`;

function toRecord(row: Row): RunRecord {
  return {
    ...row,
    limits: JSON.parse(row.limits) as RunRecord['limits'],
    sandbox: row.sandbox === null ? null : (JSON.parse(row.sandbox) as RunSandbox),
    setup: row.setup === null ? null : (JSON.parse(row.setup) as PackageSetup),
    truncated: row.truncated === 1,
  };
}

export function createRunsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO runs (task_id, project_id, language, code, working_directory, limits, status,
       started_at, created_by, owner_pid)
     VALUES (@task_id, @project_id, @language, @code, @working_directory, @limits, 'running',
       @started_at, @created_by, @owner_pid)`,
  );
  const setStart = db.prepare(
    `UPDATE runs SET sandbox_kind = @kind, sandbox = @sandbox, log_path = @log_path, pid = @pid
     WHERE id = @id`,
  );
  const setSetup = db.prepare('UPDATE runs SET setup = @setup WHERE id = @id');
  const finish = db.prepare(
    `UPDATE runs SET status = @status, exit_code = @exit_code, signal = @signal,
       duration_ms = @duration_ms, finished_at = @finished_at, head = @head, tail = @tail,
       total_bytes = @total_bytes, truncated = @truncated
     WHERE id = @id AND status = 'running'`,
  );
  const remove = db.prepare('DELETE FROM runs WHERE id = ?');
  const byId = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM runs WHERE id = ?`);
  const ofTask = db.prepare<[number, number], Row>(
    `SELECT ${COLUMNS} FROM runs WHERE task_id = ? ORDER BY id DESC LIMIT ?`,
  );
  const running = db.prepare<[], { id: number; owner_pid: number | null; pid: number | null }>(
    "SELECT id, owner_pid, pid FROM runs WHERE status = 'running'",
  );
  const requestCancel = db.prepare(
    "UPDATE runs SET cancel_requested = 1 WHERE id = ? AND status = 'running'",
  );
  const cancelRequested = db.prepare<[string], { id: number }>(
    `SELECT id FROM runs WHERE status = 'running' AND cancel_requested = 1
       AND id IN (SELECT value FROM json_each(?))`,
  );
  const owner = db.prepare<[number], { owner_pid: number | null }>(
    'SELECT owner_pid FROM runs WHERE id = ?',
  );
  const queueInput = db.prepare(
    'INSERT INTO run_inputs (run_id, text, end_input) VALUES (?, ?, ?)',
  );
  const queuedInput = db.prepare<
    [string],
    { id: number; run_id: number; text: string; end_input: number }
  >(
    'SELECT id, run_id, text, end_input FROM run_inputs WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const takeInput = db.prepare(
    'DELETE FROM run_inputs WHERE id <= ? AND run_id IN (SELECT value FROM json_each(?))',
  );
  return {
    insert: (run: NewRun): number =>
      Number(insert.run({ ...run, limits: JSON.stringify(run.limits) }).lastInsertRowid),
    started: (id: number, sandbox: RunSandbox, logPath: string, pid: number): void => {
      setStart.run({
        id,
        kind: sandbox.kind,
        sandbox: JSON.stringify(sandbox),
        log_path: logPath,
        pid,
      });
    },
    setup: (id: number, setup: PackageSetup): void => {
      setSetup.run({ id, setup: JSON.stringify(setup) });
    },
    /** Records the ending once; false when the run had already ended (marked interrupted). */
    finish: (id: number, ending: RunEnding): boolean =>
      finish.run({ ...ending, id, truncated: ending.truncated ? 1 : 0 }).changes === 1,
    /** Removes a run whose code never started because its spec was refused. */
    remove: (id: number): void => {
      remove.run(id);
    },
    get: (id: number): RunRecord | undefined => {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    /** A task's latest runs, newest first. */
    ofTask: (taskId: number, limit: number): RunSummary[] =>
      ofTask.all(taskId, limit).map((row) => summarize(toRecord(row))),
    /** Asks the run's owner (in whatever process) to stop it; false when it is not running. */
    requestCancel: (id: number): boolean => requestCancel.run(id).changes === 1,
    /** Which of these runs a caller asked to stop. */
    cancelRequested: (ids: readonly number[]): number[] =>
      cancelRequested.all(JSON.stringify(ids)).map((row) => row.id),
    /** Input for a run another process hosts, in the order it was typed. */
    queueInput: (id: number, text: string, endInput: boolean): void => {
      queueInput.run(id, text, endInput ? 1 : 0);
    },
    /** The input queued for these runs, oldest first. */
    queuedInput: (ids: readonly number[]) =>
      queuedInput
        .all(JSON.stringify(ids))
        .map((row) => ({ ...row, end_input: row.end_input === 1 })),
    /** Removes the queued input of these runs up to and including `lastId`, once it was typed. */
    dropInput: (ids: readonly number[], lastId: number): void => {
      takeInput.run(lastId, JSON.stringify(ids));
    },
    ownerPid: (id: number): number | null => owner.get(id)?.owner_pid ?? null,
    /** Runs still marked running, with the process that ran them. */
    running: (): { id: number; owner_pid: number | null; pid: number | null }[] => running.all(),
  };
}

export type RunsRepo = ReturnType<typeof createRunsRepo>;
