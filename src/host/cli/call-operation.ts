// Runs one operation in this process against the database file, then closes it. Loaded lazily
// by commands, so that help and usage errors never open the database.
import { Orchestrator } from '../../core/orchestrator.ts';
import type { OperationName } from '../../shared/operations/registry.ts';
import type { GlobalOptions } from './global-options.ts';

export async function callOperation(
  name: OperationName,
  input: unknown,
  options: GlobalOptions,
): Promise<unknown> {
  const orchestrator = new Orchestrator({
    databasePath: options.databasePath,
    watchIntervalMs: false,
  });
  try {
    return await orchestrator.call(name, input, { actor: options.actor });
  } finally {
    orchestrator.dispose();
  }
}
