// How the executor runs one command of a task: through the runs service, so every command is a
// persisted run (the `runs` row, its events, its log) like any execute_code call. Refusals before
// anything ran (a missing runtime, a working directory outside the project) come back as a
// "refused" outcome, so the attempt fails with the reason instead of the whole workflow.
import { AppError } from '../../shared/errors.ts';
import type { CommandLanguage } from '../../shared/workflow/languages.ts';
import type { CallContext } from '../call-context.ts';
import type { RunService } from '../runs/run.service.ts';

export interface CommandRequest {
  taskId: number;
  language: CommandLanguage;
  code: string;
  timeoutSeconds: number;
  /** As the run spec names it: inside the project's root. */
  workingDirectory?: string;
}

export interface CommandOutcome {
  run_id: number | null;
  status: string;
  exit_code: number | null;
  signal: string | null;
  duration_ms: number;
  head: string;
  tail: string;
  total_bytes: number;
  truncated: boolean;
  sandbox: string | null;
  started_at: string;
  ended_at: string;
}

export interface CommandRunner {
  /** Never rejects for bad input or the code's failure: a refused or cancelled command is an outcome. */
  run(request: CommandRequest, context: CallContext): Promise<CommandOutcome>;
}

/** An outcome for a command that never started, with the reason as its output. */
export function refused(message: string, at: string): CommandOutcome {
  return {
    run_id: null,
    status: 'refused',
    exit_code: null,
    signal: null,
    duration_ms: 0,
    head: message,
    tail: '',
    total_bytes: 0,
    truncated: false,
    sandbox: null,
    started_at: at,
    ended_at: at,
  };
}

export class RunServiceCommandRunner implements CommandRunner {
  private readonly runs: RunService;

  constructor(runs: RunService) {
    this.runs = runs;
  }

  async run(request: CommandRequest, context: CallContext): Promise<CommandOutcome> {
    try {
      const record = await this.runs.execute(
        {
          task_id: request.taskId,
          language: request.language,
          code: request.code,
          timeout: request.timeoutSeconds,
          ...(request.workingDirectory === undefined
            ? {}
            : { working_directory: request.workingDirectory }),
        },
        context,
      );
      return {
        run_id: record.id,
        status: record.status,
        exit_code: record.exit_code,
        signal: record.signal,
        duration_ms: record.duration_ms ?? 0,
        head: record.head,
        tail: record.tail,
        total_bytes: record.total_bytes,
        truncated: record.truncated,
        sandbox: record.sandbox?.kind ?? null,
        started_at: record.started_at,
        ended_at: record.finished_at ?? record.started_at,
      };
    } catch (error) {
      if (error instanceof AppError) return refused(error.message, new Date().toISOString());
      throw error;
    }
  }
}
