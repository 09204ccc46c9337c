// A real Orchestrator on a fresh database file in a temp folder, checking every result against
// its output schema, and the helpers tests use to call it and expect errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { AppError, type ErrorCode } from '../../src/shared/errors.ts';
import { messageWithHints } from '../../src/shared/operations/hint-wording.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../src/shared/operations/registry.ts';

export interface TestCore {
  orchestrator: Orchestrator;
  dir: string;
  databasePath: string;
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
  /** Calls with any input and returns the error's code and message; fails if the call succeeds. */
  fails(
    name: OperationName,
    input: unknown,
  ): Promise<{ code: ErrorCode; message: string; details?: Record<string, unknown> }>;
  dispose(): void;
}

export function makeTempDir(prefix = 'orchestron-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openTestCore(options: { dir?: string; actor?: string } = {}): TestCore {
  const dir = options.dir ?? makeTempDir();
  const databasePath = join(dir, 'orchestron.db');
  const orchestrator = new Orchestrator({
    databasePath,
    checkOutputs: true,
    watchIntervalMs: false,
  });
  const context = { actor: options.actor ?? 'test' };
  return {
    orchestrator,
    dir,
    databasePath,
    call: (name, input) => orchestrator.call(name, input, context),
    async fails(name, input) {
      try {
        await orchestrator.call(name, input, context);
      } catch (error) {
        assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
        // worded as an agent or API client reads it: the message, then how to fix the call
        const { code, details } = error;
        const message = messageWithHints(error.toPayload());
        return { code, message, ...(details ? { details } : {}) };
      }
      assert.fail(`${name} should have failed for ${JSON.stringify(input)}`);
    },
    dispose() {
      orchestrator.dispose();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates tasks by title and returns their ids, in order. */
export async function createTasks(core: TestCore, ...titles: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const title of titles) ids.push((await core.call('create_task', { title })).task.id);
  return ids;
}

/** The whole database state that a failed call must leave untouched. */
export function snapshot(core: TestCore): string {
  const db = core.orchestrator.store.db;
  const tables = [
    'projects',
    'tasks',
    'task_counts',
    'ready_counts',
    'task_tags',
    'file_refs',
    'dependencies',
    'commits',
    'events',
    'notifications',
    'preferences',
  ];
  return JSON.stringify(
    tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
  );
}
