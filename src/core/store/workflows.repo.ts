// SQL for workflow runs: the run, each task's state in it, every attempt with its verification,
// every command with its output excerpt, and the reports written from them.
import type {
  WorkflowReport,
  WorkflowRun,
  WorkflowStatus,
  WorkflowTask,
  WorkflowTaskState,
} from '../../shared/operations/workflows.ops.ts';
import type { CommandOutcome } from '../workflows/command-runner.ts';
import type { Db } from './database.ts';

/** One check of a verify spec as it came out: what was expected, what was there. */
export interface CheckResult {
  check: 'exit_code' | 'output_pattern' | 'output_contains';
  expected: string;
  actual: string;
  passed: boolean;
}

export type AttemptStatus = 'running' | 'passed' | 'failed' | 'interrupted' | 'cancelled';

export interface AttemptRecord {
  id: number;
  workflow_run_id: number;
  task_id: number;
  attempt: number;
  status: AttemptStatus;
  verification: CheckResult[] | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
}

/** One command of an attempt: where it stands in the attempt, and how its run went. */
export interface CommandRecord extends CommandOutcome {
  attempt_id: number;
  position: number;
  language: string;
  code: string;
}

export interface RunOwner {
  owner_pid: number | null;
  owner_host: string | null;
}

type NewRun = Omit<WorkflowRun, 'id' | 'control' | 'finished_at' | 'status'> & RunOwner;
type Row = Record<string, unknown>;

const RUN_COLUMNS = `id, project_id, scope_task_id, status, control, concurrency, retries, backoff_ms,
  fail_fast, created_by, started_at, finished_at`;
const TASK_COLUMNS = 'task_id, title, state, attempts, note, started_at, finished_at';

const toRun = (row: Row): WorkflowRun =>
  ({ ...row, fail_fast: row['fail_fast'] === 1 }) as WorkflowRun;
const toAttempt = (row: Row): AttemptRecord =>
  ({
    ...row,
    verification: row['verification'] === null ? null : JSON.parse(row['verification'] as string),
  }) as AttemptRecord;
const toCommand = (row: Row): CommandRecord & { id: number } =>
  ({ ...row, truncated: row['truncated'] === 1 }) as CommandRecord & { id: number };

export type WorkflowsRepo = ReturnType<typeof createWorkflowsRepo>;

export function createWorkflowsRepo(db: Db) {
  const insertRun = db.prepare(
    `INSERT INTO workflow_runs (project_id, scope_task_id, status, concurrency, retries, backoff_ms,
       fail_fast, owner_pid, owner_host, created_by, started_at)
     VALUES (@project_id, @scope_task_id, 'running', @concurrency, @retries, @backoff_ms,
       @fail_fast, @owner_pid, @owner_host, @created_by, @started_at)`,
  );
  const getRun = db.prepare<[number], Row>(`SELECT ${RUN_COLUMNS} FROM workflow_runs WHERE id = ?`);
  const ownerOf = db.prepare<[number], RunOwner>(
    'SELECT owner_pid, owner_host FROM workflow_runs WHERE id = ?',
  );
  const latest = db.prepare<[number], Row>(
    `SELECT ${RUN_COLUMNS} FROM workflow_runs WHERE project_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const unfinished = db.prepare<[number, number | null], Row>(
    `SELECT ${RUN_COLUMNS} FROM workflow_runs WHERE project_id = ? AND scope_task_id IS ?
       AND status IN ('running', 'paused') ORDER BY id DESC LIMIT 1`,
  );
  const setStatus = db.prepare(
    'UPDATE workflow_runs SET status = @status, finished_at = @finished_at, control = NULL WHERE id = @id',
  );
  const setControl = db.prepare('UPDATE workflow_runs SET control = @control WHERE id = @id');
  const setOwner = db.prepare(
    'UPDATE workflow_runs SET owner_pid = @owner_pid, owner_host = @owner_host WHERE id = @id',
  );
  const releaseOwner = db.prepare(
    'UPDATE workflow_runs SET owner_pid = NULL, owner_host = NULL WHERE id = ? AND owner_pid = ?',
  );
  const insertTask = db.prepare(
    `INSERT INTO workflow_tasks (workflow_run_id, task_id, position, title, state, note)
     VALUES (@run, @task_id, @position, @title, @state, @note)`,
  );
  const tasksOf = db.prepare<[number], WorkflowTask>(
    `SELECT ${TASK_COLUMNS} FROM workflow_tasks WHERE workflow_run_id = ? ORDER BY position`,
  );
  const updateTask = db.prepare(
    `UPDATE workflow_tasks SET state = @state, attempts = @attempts, note = @note,
       started_at = @started_at, finished_at = @finished_at
     WHERE workflow_run_id = @run AND task_id = @task_id`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO workflow_attempts (workflow_run_id, task_id, attempt, status, started_at)
     VALUES (?, ?, ?, 'running', ?)`,
  );
  const finishAttempt = db.prepare(
    `UPDATE workflow_attempts SET status = @status, verification = @verification, error = @error,
       finished_at = @finished_at, duration_ms = @duration_ms WHERE id = @id`,
  );
  const attemptsOf = db.prepare<[number], Row>(
    'SELECT * FROM workflow_attempts WHERE workflow_run_id = ? ORDER BY task_id, attempt',
  );
  const interrupt = db.prepare(
    `UPDATE workflow_attempts SET status = 'interrupted', finished_at = @at,
       error = 'the process running the workflow ended while this attempt ran'
     WHERE workflow_run_id = @run AND status = 'running'`,
  );
  const insertCommand = db.prepare(
    `INSERT INTO workflow_commands (attempt_id, position, language, code, run_id, status, exit_code,
       signal, duration_ms, head, tail, total_bytes, truncated, sandbox, started_at, ended_at)
     VALUES (@attempt_id, @position, @language, @code, @run_id, @status, @exit_code, @signal,
       @duration_ms, @head, @tail, @total_bytes, @truncated, @sandbox, @started_at, @ended_at)`,
  );
  const commandsOf = db.prepare<[number], Row>(
    `SELECT c.* FROM workflow_commands c JOIN workflow_attempts a ON a.id = c.attempt_id
     WHERE a.workflow_run_id = ? ORDER BY c.attempt_id, c.position`,
  );
  const insertReport = db.prepare(
    'INSERT INTO workflow_reports (workflow_run_id, markdown, created_by, created_at) VALUES (?, ?, ?, ?)',
  );
  const getReport = db.prepare<[number], WorkflowReport>(
    'SELECT id, workflow_run_id, created_by, created_at, markdown FROM workflow_reports WHERE id = ?',
  );
  const reportList = `SELECT r.id, r.workflow_run_id, r.created_by, r.created_at,
      length(CAST(r.markdown AS BLOB)) AS bytes FROM workflow_reports r`;
  const reportsOfRun = db.prepare<[number], Omit<WorkflowReport, 'markdown'> & { bytes: number }>(
    `${reportList} WHERE r.workflow_run_id = ? ORDER BY r.id DESC`,
  );
  const reportsOfProject = db.prepare<
    [number],
    Omit<WorkflowReport, 'markdown'> & { bytes: number }
  >(
    `${reportList} JOIN workflow_runs w ON w.id = r.workflow_run_id WHERE w.project_id = ?
     ORDER BY r.id DESC LIMIT 200`,
  );

  return {
    insertRun: (run: NewRun): number =>
      Number(insertRun.run({ ...run, fail_fast: run.fail_fast ? 1 : 0 }).lastInsertRowid),
    get: (id: number): WorkflowRun | undefined => {
      const row = getRun.get(id);
      return row ? toRun(row) : undefined;
    },
    owner: (id: number): RunOwner | undefined => ownerOf.get(id),
    latest: (projectId: number): WorkflowRun | undefined => {
      const row = latest.get(projectId);
      return row ? toRun(row) : undefined;
    },
    /** The run of this scope that has not ended (running or paused), if any. */
    unfinished: (projectId: number, scopeTaskId: number | null): WorkflowRun | undefined => {
      const row = unfinished.get(projectId, scopeTaskId);
      return row ? toRun(row) : undefined;
    },
    setStatus: (id: number, status: WorkflowStatus, finishedAt: string | null) =>
      void setStatus.run({ id, status, finished_at: finishedAt }),
    setControl: (id: number, control: 'pause' | 'cancel' | null) =>
      void setControl.run({ id, control }),
    setOwner: (id: number, owner: RunOwner) => void setOwner.run({ id, ...owner }),
    releaseOwner: (id: number, pid: number) => void releaseOwner.run(id, pid),
    insertTask: (
      run: number,
      task: { task_id: number; position: number; title: string; state: WorkflowTaskState },
      note: string | null,
    ) => void insertTask.run({ run, ...task, note }),
    tasks: (run: number): WorkflowTask[] => tasksOf.all(run),
    updateTask: (run: number, task: WorkflowTask) => void updateTask.run({ run, ...task }),
    insertAttempt: (run: number, taskId: number, attempt: number, at: string): number =>
      Number(insertAttempt.run(run, taskId, attempt, at).lastInsertRowid),
    finishAttempt: (
      id: number,
      outcome: Pick<
        AttemptRecord,
        'status' | 'verification' | 'error' | 'finished_at' | 'duration_ms'
      >,
    ) =>
      void finishAttempt.run({
        id,
        ...outcome,
        verification: outcome.verification === null ? null : JSON.stringify(outcome.verification),
      }),
    attempts: (run: number): AttemptRecord[] => attemptsOf.all(run).map(toAttempt),
    /** Marks the attempts still running as interrupted: their process is gone. */
    interruptRunning: (run: number, at: string): number => interrupt.run({ run, at }).changes,
    insertCommand: (command: CommandRecord) =>
      void insertCommand.run({ ...command, truncated: command.truncated ? 1 : 0 }),
    commands: (run: number) => commandsOf.all(run).map(toCommand),
    insertReport: (run: number, markdown: string, by: string, at: string): number =>
      Number(insertReport.run(run, markdown, by, at).lastInsertRowid),
    report: (id: number): WorkflowReport | undefined => getReport.get(id),
    reportsOfRun: (run: number) => reportsOfRun.all(run),
    reportsOfProject: (project: number) => reportsOfProject.all(project),
  };
}
