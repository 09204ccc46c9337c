// The workflow executor's contracts: import a task-Markdown document as tasks, run a project's
// DAG (or one task with its prerequisites) in the background, watch, pause, resume and cancel
// it, and write its report from what was recorded.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { ProjectRef, TaskId } from '../tasks/task-inputs.ts';
import { WORKFLOW_LIMITS } from '../workflow/workflow.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY, WRITE } from './operation.ts';

export const WORKFLOW_STATUSES = [
  'running',
  'paused',
  'completed',
  'failed',
  'cancelled',
  'incomplete',
] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** Where each task of a workflow run stands. */
export const WORKFLOW_TASK_STATES = [
  'waiting',
  'running',
  'retrying',
  'passed',
  'review',
  'failed',
  'blocked',
  'manual',
  'claimed',
  'cancelled',
  'done_before',
] as const;
export type WorkflowTaskState = (typeof WORKFLOW_TASK_STATES)[number];

/** Most processes one workflow runs at once: far past the cores of any machine it runs on. */
export const MAX_CONCURRENCY = 64;
export const MAX_RETRIES = 10;

const RunId = lazy(() =>
  z.int({ error: 'run_id must be a workflow run id (a whole number)' }).positive(),
);

export const WorkflowTaskSchema = lazy(() =>
  z.object({
    task_id: z.int(),
    title: z.string(),
    state: z.enum(WORKFLOW_TASK_STATES),
    attempts: z.int(),
    note: z.string().nullable(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  }),
);

export const WorkflowRunSchema = lazy(() =>
  z.object({
    id: z.int(),
    project_id: z.int(),
    scope_task_id: z.int().nullable(),
    status: z.enum(WORKFLOW_STATUSES),
    control: z.enum(['pause', 'cancel']).nullable(),
    concurrency: z.int(),
    retries: z.int(),
    backoff_ms: z.int(),
    fail_fast: z.boolean(),
    created_by: z.string(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
  }),
);

const Progress = lazy(() =>
  z.object({
    done: z.int().describe('Tasks passed (or done before the run)'),
    total: z.int(),
    failed: z.int(),
    running: z.int(),
  }),
);

const StatusOutput = lazy(() =>
  z.object({
    run: WorkflowRunSchema(),
    tasks: z.array(WorkflowTaskSchema()),
    progress: Progress(),
    duration_ms: z.int().nullable(),
    summary: z.string().describe('The run in a few readable lines'),
  }),
);

const runInput = () =>
  z.strictObject({
    project_id: ProjectRef().optional(),
    task_id: TaskId()
      .optional()
      .describe('Run this task and every task it depends on (transitively), not the whole project'),
    markdown: z
      .string()
      .max(WORKFLOW_LIMITS.markdown, {
        error: `markdown is longer than ${WORKFLOW_LIMITS.markdown} characters; split the document`,
      })
      .optional()
      .describe(
        'A task-Markdown document: imported as a task with its steps as subtasks (once; the same document again reuses them), then run',
      ),
    concurrency: z
      .int({ error: 'concurrency must be a whole number' })
      .min(1, { error: 'concurrency must be at least 1' })
      .max(MAX_CONCURRENCY, { error: `concurrency is at most ${MAX_CONCURRENCY}` })
      .optional()
      .describe('Tasks run at once; default: the number of cores'),
    retries: z
      .int({ error: 'retries must be a whole number' })
      .min(0, { error: 'retries must be 0 or more' })
      .max(MAX_RETRIES, { error: `retries is at most ${MAX_RETRIES}` })
      .default(1)
      .describe('Runs again after a failed verification, with exponential backoff'),
    backoff_ms: z
      .int()
      .min(0)
      .max(600_000)
      .default(1000)
      .describe('Wait before the first retry; doubled for each next one'),
    fail_fast: z.boolean().default(false).describe('Stop everything at the first failed task'),
    wait: z
      .boolean()
      .default(false)
      .describe(
        'Answer when the run ends instead of at once (the CLI waits, with a progress line)',
      ),
  });

export const importWorkflow = defineOperation({
  name: 'import_workflow',
  description:
    'Create a task for a task-Markdown document with one subtask per step (title, description, dependencies, run spec from its commands, verify spec from its checks); the same text again reuses those tasks.',
  input: () =>
    z.strictObject({
      markdown: z
        .string()
        .max(WORKFLOW_LIMITS.markdown, {
          error: `markdown is longer than ${WORKFLOW_LIMITS.markdown} characters; split the document`,
        })
        .describe('The task Markdown text'),
      project_id: ProjectRef().optional(),
    }),
  output: () =>
    z.object({
      project_id: z.int(),
      task_id: z.int().describe("The document's task; its steps are its subtasks"),
      reused: z.boolean().describe('True when the same text was imported before'),
      tasks: z.array(z.object({ step: z.string(), task_id: z.int(), title: z.string() })),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['workflow', 'import'],
    positional: ['markdown'],
    readText: ['markdown'],
    render: { kind: 'message' },
  },
});

export const runWorkflow = defineOperation({
  name: 'run_workflow',
  description:
    'Run the tasks that have a run spec (of a project, one task and its subtasks, or a task-Markdown document) in dependency order and in parallel, completing each only when its verify spec passes; answers at once with the run id (poll workflow_status) unless wait is true. Running again resumes an unfinished run.',
  input: runInput,
  output: () => StatusOutput().extend({ message: z.string(), resumed: z.boolean() }),
  annotations: WRITE,
  audience: 'both',
  waits: true,
  cli: {
    command: ['run'],
    positional: ['project_id'],
    defaults: { wait: true },
    document: { positional: 'project_id', into: 'markdown' },
    exitCode: { field: 'run.status', ok: ['completed'] },
    render: { kind: 'text', field: 'summary' },
  },
});

export const workflowStatus = defineOperation({
  name: 'workflow_status',
  description:
    "A workflow run's state: each task's state and attempts, progress done/total and timings; the latest run of the project when no run id is given.",
  input: () =>
    z.strictObject({
      run_id: RunId().optional(),
      project_id: ProjectRef().optional(),
      follow: z
        .boolean()
        .default(false)
        .describe('Answer when the run ends, reporting progress until then'),
    }),
  output: StatusOutput,
  annotations: READ_ONLY,
  audience: 'both',
  waits: true,
  cli: {
    command: ['status'],
    positional: ['run_id'],
    defaults: { follow: true },
    render: { kind: 'text', field: 'summary' },
  },
});

const control = <N extends string>(name: N, verb: string, description: string) =>
  defineOperation({
    name,
    description,
    input: () => z.strictObject({ run_id: RunId() }),
    output: () => z.object({ run: WorkflowRunSchema(), message: z.string() }),
    annotations: IDEMPOTENT_WRITE,
    audience: 'both',
    cli: { command: ['workflow', verb], positional: ['run_id'], render: { kind: 'message' } },
  });

export const pauseWorkflow = control(
  'pause_workflow',
  'pause',
  'Pause a running workflow: no new task starts; those running finish.',
);
export const cancelWorkflow = control(
  'cancel_workflow',
  'cancel',
  'Cancel a workflow run: its running commands are stopped and nothing more starts.',
);

export const resumeWorkflow = defineOperation({
  name: 'resume_workflow',
  description:
    'Resume a paused or interrupted workflow run (its process ended): commands that were in flight run again, tasks that passed never do.',
  input: () => z.strictObject({ run_id: RunId(), wait: z.boolean().default(false) }),
  output: () => StatusOutput().extend({ message: z.string(), resumed: z.boolean() }),
  annotations: WRITE,
  audience: 'both',
  waits: true,
  cli: {
    command: ['workflow', 'resume'],
    positional: ['run_id'],
    defaults: { wait: true },
    exitCode: { field: 'run.status', ok: ['completed'] },
    render: { kind: 'text', field: 'summary' },
  },
});

const ReportSchema = lazy(() =>
  z.object({
    id: z.int(),
    workflow_run_id: z.int(),
    created_by: z.string(),
    created_at: z.string(),
    markdown: z.string(),
  }),
);

export const generateReport = defineOperation({
  name: 'generate_report',
  description:
    'Write the Markdown report of a workflow run from what was recorded: real commands, exit codes, output excerpts, durations, verification results and a completion matrix; stored for get_report.',
  input: () => z.strictObject({ run_id: RunId() }),
  output: () => z.object({ report: ReportSchema(), message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['report'],
    positional: ['run_id'],
    render: { kind: 'text', field: 'report.markdown' },
  },
});

export const getReport = defineOperation({
  name: 'get_report',
  description: 'A stored workflow report by its id.',
  input: () => z.strictObject({ report_id: z.int().positive() }),
  output: () => z.object({ report: ReportSchema() }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['report', 'show'],
    positional: ['report_id'],
    render: { kind: 'text', field: 'report.markdown' },
  },
});

export const listReports = defineOperation({
  name: 'list_reports',
  description: 'The stored reports of a workflow run, or of every run of a project, newest first.',
  input: () => z.strictObject({ run_id: RunId().optional(), project_id: ProjectRef().optional() }),
  output: () =>
    z.object({
      reports: z.array(ReportSchema().omit({ markdown: true }).extend({ bytes: z.int() })),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['report', 'list'], render: { kind: 'list', field: 'reports' } },
});

export const workflowOperations = {
  import_workflow: importWorkflow,
  run_workflow: runWorkflow,
  workflow_status: workflowStatus,
  pause_workflow: pauseWorkflow,
  resume_workflow: resumeWorkflow,
  cancel_workflow: cancelWorkflow,
  generate_report: generateReport,
  get_report: getReport,
  list_reports: listReports,
};

export type WorkflowRun = z.infer<ReturnType<typeof WorkflowRunSchema>>;
export type WorkflowTask = z.infer<ReturnType<typeof WorkflowTaskSchema>>;
export type WorkflowReport = z.infer<ReturnType<typeof ReportSchema>>;
