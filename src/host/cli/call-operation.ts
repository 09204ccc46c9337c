// Runs an operation in this process against the database file, then closes it: as the CLI
// caller, from the working directory (which picks the project), with a progress bar for long
// work and Ctrl-C cancelling it cleanly. Loaded lazily by commands, so that help and usage
// errors never open the database.
import { Orchestrator } from '../../core/orchestrator.ts';
import type { OperationName } from '../../shared/operations/registry.ts';
import { newDatabaseNote } from './database-note.ts';
import type { GlobalOptions } from './global-options.ts';
import { progressBar } from './progress-bar.ts';

/** Calls `name` once per input, all in one transaction; returns the outputs in order. */
export async function callOperation(
  name: OperationName,
  inputs: readonly unknown[],
  options: GlobalOptions,
  { streamed = false }: { streamed?: boolean } = {},
): Promise<unknown[]> {
  // said last, after the command's output or error, so that those still come first
  const note = newDatabaseNote(options.databasePath);
  if (note) process.once('exit', () => process.stderr.write(`${note}\n`));
  const orchestrator = new Orchestrator({
    databasePath: options.databasePath,
    watchIntervalMs: false,
  });
  const abort = new AbortController();
  const cancel = () => abort.abort();
  process.once('SIGINT', cancel);
  const bar = progressBar();
  try {
    return await orchestrator.callEach(name, inputs, {
      actor: options.actor,
      signal: abort.signal,
      progress: (report) => bar.report(report),
      // a run's terminal, shown as it comes; the result then only says how it ended
      ...(streamed ? { output: (chunk: string) => process.stdout.write(chunk) } : {}),
      workspace: { cwd: process.cwd(), project: process.env['ORCHESTRON_PROJECT'] },
    });
  } finally {
    bar.done();
    process.off('SIGINT', cancel);
    orchestrator.dispose();
  }
}
