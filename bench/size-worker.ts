// One project size, in its own process so its peak memory is its own: generate, import, run
// every scenario, measure the files, and send the SizeResult to run.ts over IPC.
import { performance } from 'node:perf_hooks';
import { generateProject, seedFor } from './generate-project.ts';
import { MemoryWatch } from './memory.ts';
import { Prng } from './prng.ts';
import type { SizeResult } from './results.ts';
import { BenchContext, progress } from './scenarios/bench-context.ts';
import { runCreateScenarios } from './scenarios/create.scenario.ts';
import { runDependencyScenarios } from './scenarios/dependencies.scenario.ts';
import { runGraphScenarios } from './scenarios/graph.scenario.ts';
import { importGenerated } from './scenarios/import.scenario.ts';
import { runReadScenarios } from './scenarios/reads.scenario.ts';
import { runStatusScenarios } from './scenarios/status.scenario.ts';
import { closedFileBytes, openFileSizes } from './scenarios/storage.ts';

export async function runSize(size: number, directory: string): Promise<SizeResult> {
  const memory = new MemoryWatch();
  const baseHeap = memory.liveHeapBytes();
  progress(`${size.toLocaleString('en')} tasks: generating the project`);
  const started = performance.now();
  const project = generateProject(size);
  const generateMs = performance.now() - started;
  const documentHeap = memory.liveHeapBytes();
  const imported = await importGenerated(directory, project);
  const afterImport = openFileSizes(imported.databasePath);
  memory.sample();
  const bench = new BenchContext(imported, project, new Prng(seedFor(size) + 1), memory);
  // reads first, while the project is as generated; then writes, the failure cascade first
  // because it needs its task still ready
  await runReadScenarios(bench);
  await runGraphScenarios(bench);
  await runStatusScenarios(bench);
  await runCreateScenarios(bench);
  await runDependencyScenarios(bench);
  const liveHeapBytes = memory.liveHeapBytes();
  bench.dispose();
  return {
    size,
    edgeCount: project.edgeCount,
    databasePath: imported.databasePath,
    projectId: imported.projectId,
    generateMs,
    importMs: imported.importMs,
    validateMs: imported.validateMs,
    operations: bench.operations,
    storage: { ...afterImport, closedBytes: closedFileBytes(imported.databasePath) },
    memory: {
      ...memory.peaks(),
      liveHeapBytes,
      documentHeapBytes:
        documentHeap === null || baseHeap === null ? null : documentHeap - baseHeap,
    },
    notes: bench.notes,
  };
}

const [size, directory] = [Number(process.argv[2]), process.argv[3]];
if (process.send && Number.isSafeInteger(size) && directory) {
  const result = await runSize(size, directory);
  process.send(result, () => process.disconnect());
}
