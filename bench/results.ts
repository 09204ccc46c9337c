// What a size run measures and hands back to run.ts (over IPC, so plain JSON only).
import type { Stats } from './timing.ts';

/** single: one task or one page, held to the 1 ms target; bulk: whole-graph work, no target. */
export type OperationKind = 'single' | 'bulk';

export interface OperationResult {
  label: string;
  kind: OperationKind;
  stats: Stats;
}

export interface SizeResult {
  size: number;
  edgeCount: number;
  databasePath: string;
  projectId: number;
  generateMs: number;
  /** Wall times of import_project into fresh database files (one or more runs). */
  importMs: number[];
  /** Of which: the operation's input schema parsing the document, timed alone. */
  validateMs: number;
  operations: OperationResult[];
  /** Main file and WAL right after the import; the main file after every scenario, closed. */
  storage: { databaseBytes: number; walBytes: number; closedBytes: number };
  memory: {
    maxRssBytes: number;
    peakHeapBytes: number;
    /** After a full GC with the database open and every scenario run (null without --expose-gc). */
    liveHeapBytes: number | null;
    /** Of which the generated document and its indexes, held by the bench itself. */
    documentHeapBytes: number | null;
  };
  notes: string[];
}

export interface CliResult {
  label: string;
  stats: Stats | null;
  /** Why there are no figures (CLI missing or failing). */
  problem?: string;
  /** A baseline, shown for comparison and not held to the target. */
  baseline?: boolean;
  /** Held to a multiple of the baseline's median instead of the absolute target. */
  versusBaseline?: boolean;
}
