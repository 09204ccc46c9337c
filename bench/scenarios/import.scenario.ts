// Bulk import: import_project of the generated document into a fresh database file, as
// `orchestron import` does. Small sizes run it several times (fresh files) for a steadier figure.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { OPERATIONS } from '../../src/shared/operations/registry.ts';
import type { GeneratedProject } from '../generate-project.ts';
import { timeOnce } from '../timing.ts';
import { progress } from './bench-context.ts';

export interface ImportedDatabase {
  orchestrator: Orchestrator;
  databasePath: string;
  projectId: number;
  importMs: number[];
  validateMs: number;
}

/** Above this size one import is enough: it takes seconds and its noise is small by comparison. */
const REPEAT_UP_TO = 10_000;
const REPEATS = 3;

export async function importGenerated(
  directory: string,
  project: GeneratedProject,
): Promise<ImportedDatabase> {
  const size = project.document.tasks.length;
  const runs = size <= REPEAT_UP_TO ? REPEATS : 1;
  const importMs: number[] = [];
  for (let run = 1; run < runs; run++) {
    const path = join(directory, `tasks-${size}-extra-${run}.db`);
    const { ms, orchestrator } = await importInto(path, project);
    importMs.push(ms);
    orchestrator.dispose();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
  const databasePath = join(directory, `tasks-${size}.db`);
  const { ms, orchestrator, projectId } = await importInto(databasePath, project);
  importMs.push(ms);
  const validation = await timeOnce(() =>
    OPERATIONS.import_project.input.safeParse({ document: project.document }),
  );
  if (!validation.value.success)
    throw new Error(`The generated document is invalid: ${validation.value.error.message}`);
  return { orchestrator, databasePath, projectId, importMs, validateMs: validation.ms };
}

async function importInto(path: string, project: GeneratedProject) {
  progress(
    `${project.document.tasks.length.toLocaleString('en')} tasks: import_project into ${path}`,
  );
  const orchestrator = new Orchestrator({ databasePath: path, watchIntervalMs: false });
  const { ms, value } = await timeOnce(() =>
    orchestrator.call('import_project', { document: project.document }, { actor: 'bench' }),
  );
  if (value.renumbered) throw new Error('import_project renumbered the tasks of a fresh database');
  return { ms, orchestrator, projectId: value.project.id };
}
