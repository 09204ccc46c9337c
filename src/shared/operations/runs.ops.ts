// Code runs: execute_code runs a piece of code in a sandbox and records it (seed 002), get_run
// reads one back, get_doctor_report says which sandbox this machine offers and what it holds
// code to. The run's full output stays in its log file; records carry a bounded head and tail.
import { utf8Length } from '../text/utf8.ts';
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { ProjectRef, TaskId } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY, WRITE } from './operation.ts';

export const RUN_LANGUAGES = ['python', 'javascript', 'typescript', 'bash', 'sql'] as const;
export type RunLanguage = (typeof RUN_LANGUAGES)[number];

/**
 * How a run ended: the engine's statuses, plus `running` (the row exists while it runs),
 * `interrupted` (Orchestron stopped while it ran) and `setup_failed` (its packages could not be
 * installed, so the code never ran).
 */
export const RUN_STATUSES = [
  'running',
  'succeeded',
  'failed',
  'timed_out',
  'cancelled',
  'killed',
  'interrupted',
  'setup_failed',
] as const;
export type RunRecordStatus = (typeof RUN_STATUSES)[number];

export const RUN_LIMITS = {
  timeoutSeconds: { min: 1, max: 3600, default: 30 },
  /** Code is typed or generated text: a megabyte is far past any real script. */
  codeBytes: 1024 * 1024,
  stdinBytes: 1024 * 1024,
  packages: 20,
  packageName: 214,
  workingDirectory: 4096,
  /** How many runs get_task lists with include_executions. */
  executionsShown: 20,
} as const;

const TIMEOUT_HELP = `timeout must be a whole number of seconds from ${RUN_LIMITS.timeoutSeconds.min} to ${RUN_LIMITS.timeoutSeconds.max} (an hour)`;
const LANGUAGE_HELP = `language must be one of ${RUN_LANGUAGES.join(', ')}`;

export const SandboxSchema = lazy(() =>
  z.object({
    kind: z.enum(['bubblewrap', 'rlimits']),
    guarantees: z.array(z.string()).describe('What the sandbox holds the code to'),
    gaps: z.array(z.string()).describe('What it does not'),
    uid: z.int().describe('The user id the code ran as'),
  }),
);

export const RunLimitsSchema = lazy(() =>
  z.object({
    timeout_seconds: z.int(),
    memory_mb: z.int(),
    max_processes: z.int(),
    max_file_mb: z.int(),
    head_bytes: z.int(),
    tail_bytes: z.int(),
  }),
);

export const PackageSetupSchema = lazy(() =>
  z.object({
    manager: z.enum(['npm', 'pip']),
    packages: z.array(z.string()),
    ok: z.boolean(),
    /** The installer's last lines: why it failed, or what it installed. */
    output: z.string(),
    duration_ms: z.int(),
  }),
);

export const RunRecordSchema = lazy(() =>
  z.object({
    id: z.int(),
    task_id: z.int().nullable(),
    project_id: z.int(),
    language: z.enum(RUN_LANGUAGES),
    code: z.string(),
    working_directory: z.string().nullable(),
    limits: RunLimitsSchema(),
    sandbox: SandboxSchema().nullable().describe('Null when the code never started'),
    setup: PackageSetupSchema()
      .nullable()
      .describe('The package install, when packages were named'),
    status: z.enum(RUN_STATUSES),
    exit_code: z.int().nullable(),
    signal: z.string().nullable(),
    duration_ms: z.int().nullable(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    head: z.string().describe('The first bytes of the output (1 MiB by default)'),
    tail: z.string().describe('The last bytes, when the output was longer than the head'),
    total_bytes: z.int().describe('Every byte of output, kept or not'),
    truncated: z.boolean().describe('True when head and tail do not hold the whole output'),
    log_path: z.string().nullable().describe('The full output on disk'),
    created_by: z.string(),
  }),
);
export type RunRecord = z.infer<ReturnType<typeof RunRecordSchema>>;

/** A run as get_task lists it: no code, no output. */
export const RunSummarySchema = lazy(() =>
  z.object({
    id: z.int(),
    language: z.enum(RUN_LANGUAGES),
    status: z.enum(RUN_STATUSES),
    exit_code: z.int().nullable(),
    signal: z.string().nullable(),
    duration_ms: z.int().nullable(),
    sandbox_kind: z.enum(['bubblewrap', 'rlimits']).nullable(),
    total_bytes: z.int(),
    truncated: z.boolean(),
    started_at: z.string(),
  }),
);
export type RunSummary = z.infer<ReturnType<typeof RunSummarySchema>>;

const PackageName = lazy(() =>
  z
    .string()
    .min(1, { error: 'a package name must not be empty' })
    .max(RUN_LIMITS.packageName, {
      error: `a package name must be at most ${RUN_LIMITS.packageName} characters`,
    }),
);

export const ExecuteCodeInput = lazy(() =>
  z.strictObject({
    task_id: TaskId().optional().describe('The task the run is for; recorded with it'),
    project_id: ProjectRef().optional(),
    language: z.enum(RUN_LANGUAGES, { error: LANGUAGE_HELP }),
    code: z
      .string({ error: 'code must be text: the program to run' })
      .refine((code) => code.trim() !== '', { error: 'code is empty; give the program to run' })
      .refine((code) => utf8Length(code) <= RUN_LIMITS.codeBytes, {
        error: `code must be at most ${RUN_LIMITS.codeBytes} bytes; write large programs to a file in the working directory and run that file`,
      }),
    timeout: z
      .int({ error: TIMEOUT_HELP })
      .min(RUN_LIMITS.timeoutSeconds.min, { error: TIMEOUT_HELP })
      .max(RUN_LIMITS.timeoutSeconds.max, { error: TIMEOUT_HELP })
      .default(RUN_LIMITS.timeoutSeconds.default)
      .describe('Seconds before the run is killed; default 30'),
    working_directory: z
      .string()
      .min(1, {
        error: 'working_directory must not be empty; leave it out to run in a fresh folder',
      })
      .max(RUN_LIMITS.workingDirectory)
      .optional()
      .describe("A folder inside the project's root to run in; default: a fresh private folder"),
    packages: z
      .array(PackageName())
      .max(RUN_LIMITS.packages, { error: `at most ${RUN_LIMITS.packages} packages per run` })
      .optional()
      .describe('npm packages (javascript, typescript) or pip packages (python) to install first'),
    stdin: z
      .string()
      .refine((text) => utf8Length(text) <= RUN_LIMITS.stdinBytes, {
        error: `stdin must be at most ${RUN_LIMITS.stdinBytes} bytes`,
      })
      .optional()
      .describe('Text typed into the program, followed by end of input'),
  }),
);

export const executeCode = defineOperation({
  name: 'execute_code',
  description:
    'Run python, javascript, typescript, bash or sql code in a sandbox and record the run (with the task, when task_id is given). Returns its status, exit code, the head and tail of its output and the path of the full log.',
  input: ExecuteCodeInput,
  output: () => z.object({ execution: RunRecordSchema(), message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  waits: true,
  cli: {
    command: ['exec'],
    positional: ['language', 'code'],
    readText: ['code', 'stdin'],
    exitCode: 'execution.exit_code',
    streams: true,
    render: { kind: 'run' },
  },
});

const RunIdInput = lazy(() =>
  z
    .int({ error: 'run_id must be a whole number, e.g. 3' })
    .positive({ error: 'run_id is a positive whole number, e.g. 3' }),
);

export const getRun = defineOperation({
  name: 'get_run',
  description: 'Get one recorded code run by id: its code, limits, sandbox, status and output.',
  input: () => z.strictObject({ run_id: RunIdInput() }),
  output: () => z.object({ execution: RunRecordSchema() }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['run', 'get'], positional: ['run_id'], render: { kind: 'run' } },
});

export const cancelRun = defineOperation({
  name: 'cancel_run',
  description:
    'Stop a running code run (its whole process tree: TERM, then KILL after 2 s); it ends as cancelled.',
  input: () => z.strictObject({ run_id: RunIdInput() }),
  output: () => z.object({ execution: RunRecordSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  waits: true,
  cli: { command: ['run', 'cancel'], positional: ['run_id'], render: { kind: 'message' } },
});

export const sendRunInput = defineOperation({
  name: 'send_run_input',
  description:
    'Type text into a running code run, as a person would at its terminal; end_input closes its input (Ctrl-D).',
  input: () =>
    z.strictObject({
      run_id: RunIdInput(),
      text: z
        .string()
        .refine((text) => utf8Length(text) <= RUN_LIMITS.stdinBytes, {
          error: `text is longer than ${RUN_LIMITS.stdinBytes} bytes; send it in parts`,
        })
        .default('')
        .describe('What to type; include "\\n" to press Enter'),
      end_input: z.boolean().default(false).describe('Close the input after the text'),
    }),
  output: () => z.object({ run_id: z.int(), bytes: z.int(), message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  waits: true,
  cli: {
    command: ['run', 'input'],
    positional: ['run_id', 'text'],
    render: { kind: 'message' },
  },
});

export const RuntimeSchema = lazy(() =>
  z.object({
    name: z.string(),
    languages: z.array(z.enum(RUN_LANGUAGES)),
    path: z.string().nullable().describe('Null when it is missing'),
    version: z.string().nullable(),
    install: z.string().nullable().describe('How to get it, when it is missing'),
  }),
);

export const getDoctorReport = defineOperation({
  name: 'get_doctor_report',
  description:
    'Say which sandbox code runs in on this machine, what it guarantees and what it does not, which language runtimes are present, and how to get a stronger sandbox.',
  input: () => z.strictObject({}),
  output: () =>
    z.object({
      sandbox: SandboxSchema().extend({
        summary: z.string(),
        how_to_strengthen: z.string().nullable(),
      }),
      runtimes: z.array(RuntimeSchema()),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['doctor'], render: { kind: 'doctor' } },
});

export const runOperations = {
  execute_code: executeCode,
  get_run: getRun,
  cancel_run: cancelRun,
  send_run_input: sendRunInput,
  get_doctor_report: getDoctorReport,
};
