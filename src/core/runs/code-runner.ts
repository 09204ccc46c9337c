// The runner engine: runs one piece of code (python, javascript, typescript, bash, sql) in a
// sandbox under a pseudo-terminal, with a timeout, memory/process/file limits and bounded output.
// It knows nothing of tasks, the database or events; the runs feature builds on it.
//
// API
//   const runner = new CodeRunner();            // probes the sandbox tools once (~20 ms)
//   runner.describeSandbox()                    // SandboxReport for `orchestron doctor`
//   const run = runner.start(spec, callbacks)   // throws AppError on bad input: nothing ran
//   run.write('text\n'); run.endInput();        // type into the program; Ctrl-D
//   run.cancel();                               // HUP+TERM every process, KILL after 2 s
//   const result = await run.done;              // RunResult; never rejects
//   await runner.dispose();                     // cancels what still runs, waits for the ends
//
// start() is synchronous up to the spawn: it validates the spec (run-spec.ts), resolves the
// working directory inside the project root, finds the runtime (NOT_FOUND naming what to install),
// lays out spec.runDirectory (output.log + work/), picks the sandbox and spawns. Output reaches
// callbacks.onOutput in ~16 ms batches; returning a promise from it applies back-pressure. The
// result's `sandbox` says which sandbox ran and what it does and does not guarantee; persist it
// with the run. Errors: VALIDATION (bad field; details.field names it), NOT_FOUND (runtime,
// working directory or bubblewrap missing), CONFLICT (run folder not empty).
import { AppError } from '../../shared/errors.ts';
import { planLaunch, type RuntimeOptions } from './languages.ts';
import { chooseRunAs } from './run-as.ts';
import { createRunFolder, giveWorkFolderTo, runFolderLayout, writeSource } from './run-folder.ts';
import { startSession } from './run-session.ts';
import { normalizeRunSpec, type NormalizedRunSpec } from './run-spec.ts';
import type { RunCallbacks, RunHandle, RunResult, RunSpec, SandboxKind } from './run-types.ts';
import { sandboxCommand } from './sandbox-command.ts';
import { describeSandbox, type SandboxReport } from './sandbox-report.ts';
import { NOBODY, probeSandboxTools, type SandboxTools } from './sandbox-probe.ts';
import { resolveWorkingDirectory } from './working-directory.ts';

export interface CodeRunnerOptions extends RuntimeOptions {
  /** What the machine offers; probed when left out. Tests pass a narrowed copy. */
  tools?: SandboxTools;
}

export class CodeRunner {
  private readonly tools: SandboxTools;
  private readonly running = new Set<RunHandle>();
  private readonly options: CodeRunnerOptions;

  constructor(options: CodeRunnerOptions = {}) {
    this.options = options;
    this.tools = options.tools ?? probeSandboxTools();
  }

  describeSandbox(): SandboxReport {
    return describeSandbox(this.tools);
  }

  start(spec: RunSpec, callbacks: RunCallbacks = {}): RunHandle {
    const normalized = normalizeRunSpec(spec);
    const kind = this.chooseKind(normalized);
    const prlimit = this.tools.prlimit;
    if (prlimit === null)
      throw new AppError(
        'NOT_FOUND',
        'prlimit was not found in /usr/bin; install util-linux, which provides it, then run again.',
        { runtime: 'prlimit' },
      );
    const workingDirectory =
      normalized.workingDirectory === undefined
        ? undefined
        : resolveWorkingDirectory(normalized.workingDirectory, normalized.projectRoot);
    // planned before the folder exists, so a missing runtime leaves nothing behind
    const folder = runFolderLayout(normalized.runDirectory, normalized.database !== undefined);
    const plan = planLaunch(
      normalized.language,
      folder.work,
      normalized.memoryMb,
      folder.database,
      this.options,
    );
    createRunFolder(folder, normalized.database, normalized.preparedWork === true);
    writeSource(folder, plan.sourceName, normalized.code);
    const uid = this.runAs(kind, plan.runtimePaths, folder.work, workingDirectory);
    if (uid === NOBODY) giveWorkFolderTo(folder, NOBODY);
    const command = sandboxCommand({
      kind,
      tools: { ...this.tools, prlimit },
      plan,
      uid,
      workFolder: folder.work,
      workingDirectory,
      limits: normalized,
    });
    const handle = startSession(normalized, folder, command, callbacks);
    this.running.add(handle);
    void handle.done.then(() => this.running.delete(handle));
    return handle;
  }

  /** Cancels every run still going and waits until each has ended. */
  async dispose(): Promise<RunResult[]> {
    const handles = [...this.running];
    for (const handle of handles) handle.cancel();
    return Promise.all(handles.map((handle) => handle.done));
  }

  private chooseKind(spec: NormalizedRunSpec): SandboxKind {
    if (spec.sandbox === 'rlimits') return 'rlimits';
    if (this.tools.bwrapWorks) return 'bubblewrap';
    if (spec.sandbox === 'auto') return 'rlimits';
    throw new AppError(
      'NOT_FOUND',
      this.tools.bwrap === null
        ? 'bubblewrap is not installed; install it (on Debian or Ubuntu: apt-get install bubblewrap) or let the runner choose the sandbox.'
        : 'bubblewrap is installed but cannot create its namespaces here (a container or a user-namespace restriction); let the runner choose the sandbox.',
      { field: 'sandbox' },
    );
  }

  private runAs(
    kind: SandboxKind,
    programs: string[],
    workFolder: string,
    workingDirectory: string | undefined,
  ): number {
    const self = process.getuid?.() ?? 0;
    // unprivileged bubblewrap needs user namespaces for everyone, which some kernels refuse
    if (kind === 'bubblewrap' && !this.tools.bwrapWorksAsNobody) return self;
    return chooseRunAs(this.tools, {
      programs,
      writable: workingDirectory ? [workingDirectory] : [],
      workFolder,
    });
  }
}
