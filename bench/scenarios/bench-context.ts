// What every scenario gets: a typed way to call operations as an agent does (through
// Orchestrator.call), the project under test, a seeded PRNG, and where results go.
import { Orchestrator } from '../../src/core/orchestrator.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../src/shared/operations/registry.ts';
import type { GeneratedProject } from '../generate-project.ts';
import type { MemoryWatch } from '../memory.ts';
import type { Prng } from '../prng.ts';
import type { OperationKind, OperationResult } from '../results.ts';
import { measure, summarize, type MeasureOptions } from '../timing.ts';

const CONTEXT = { actor: 'bench' } as const;

/** Fast single operations: enough runs for a stable p99, capped in time on slow machines. */
export const FAST_RUNS: MeasureOptions = { warmup: 50, iterations: 500, budgetMs: 8_000 };

export class BenchContext {
  readonly operations: OperationResult[] = [];
  readonly notes: string[] = [];
  readonly projectId: number;
  readonly project: GeneratedProject;
  readonly rng: Prng;
  readonly memory: MemoryWatch;
  readonly databasePath: string;
  private orchestrator: Orchestrator;

  constructor(
    opened: { orchestrator: Orchestrator; databasePath: string; projectId: number },
    project: GeneratedProject,
    rng: Prng,
    memory: MemoryWatch,
  ) {
    this.orchestrator = opened.orchestrator;
    this.databasePath = opened.databasePath;
    this.projectId = opened.projectId;
    this.project = project;
    this.rng = rng;
    this.memory = memory;
  }

  get size(): number {
    return this.project.document.tasks.length;
  }

  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
    return this.orchestrator.call(name, input, CONTEXT);
  }

  /** Closes and reopens the database, as every CLI process does: its caches start cold. */
  reopen(): void {
    this.orchestrator.dispose();
    this.orchestrator = new Orchestrator({
      databasePath: this.databasePath,
      watchIntervalMs: false,
    });
  }

  dispose(): void {
    this.orchestrator.dispose();
  }

  /** Measures `body` and records it under `label`; memory is sampled after every run. */
  async record(
    label: string,
    kind: OperationKind,
    body: (i: number) => Promise<unknown>,
    options: MeasureOptions,
  ): Promise<void> {
    progress(`${this.size.toLocaleString('en')} tasks: ${label}`);
    const stats = await measure(body, { ...options, afterEach: () => this.memory.sample() });
    this.operations.push({ label, kind, stats });
  }

  /** Records samples a scenario timed itself (when one loop times several steps). */
  recordSamples(label: string, kind: OperationKind, samples: readonly number[]): void {
    this.operations.push({ label, kind, stats: summarize(samples) });
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/** Progress goes to stderr so the tables on stdout stay clean. */
export function progress(text: string): void {
  process.stderr.write(`  … ${text}\n`);
}
