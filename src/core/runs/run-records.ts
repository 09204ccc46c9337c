// A run as the runs feature hands it out (RunRecord, RunSummary) and as it is written: the
// limits, sandbox and package setup that the row stores as JSON, mapped at the repo's edge.
import type {
  RunLanguage,
  RunRecord,
  RunRecordStatus,
  RunSummary,
} from '../../shared/operations/runs.ops.ts';
import type { LANGUAGES } from './run-types.ts';

export type { RunRecord, RunSummary };

/** The engine's languages and the contract's are one list; this fails to compile if they part. */
const sameLanguages: [RunLanguage] extends [(typeof LANGUAGES)[number]]
  ? [(typeof LANGUAGES)[number]] extends [RunLanguage]
    ? true
    : false
  : false = true;
void sameLanguages;

export type RunLimits = RunRecord['limits'];
export type RunSandbox = NonNullable<RunRecord['sandbox']>;
export type PackageSetup = NonNullable<RunRecord['setup']>;

/** What is written when a run is about to start. */
export interface NewRun {
  task_id: number | null;
  project_id: number;
  language: RunLanguage;
  code: string;
  working_directory: string | null;
  limits: RunLimits;
  started_at: string;
  created_by: string;
  owner_pid: number;
}

/** What is written when a run has ended (or never started its code). */
export interface RunEnding {
  status: Exclude<RunRecordStatus, 'running'>;
  exit_code: number | null;
  signal: string | null;
  duration_ms: number | null;
  finished_at: string;
  head: string;
  tail: string;
  total_bytes: number;
  truncated: boolean;
}

export function summarize(run: RunRecord): RunSummary {
  return {
    id: run.id,
    language: run.language,
    status: run.status,
    exit_code: run.exit_code,
    signal: run.signal,
    duration_ms: run.duration_ms,
    sandbox_kind: run.sandbox?.kind ?? null,
    total_bytes: run.total_bytes,
    truncated: run.truncated,
    started_at: run.started_at,
  };
}
