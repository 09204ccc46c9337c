// A real Orchestrator on a fresh database file in a temp folder, checking every result against
// its output schema, and the helpers tests use to call it and expect errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Caller, Clock } from '../../src/core/call-context.ts';
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
  /** Calls as `caller` (an agent by name and session, a person...). */
  callAs<N extends OperationName>(
    caller: Caller,
    name: N,
    input: OperationInput<N>,
  ): Promise<OperationOutput<N>>;
  /** Like `fails`, as `caller`. */
  failsAs(
    caller: Caller,
    name: OperationName,
    input: unknown,
  ): Promise<{ code: ErrorCode; message: string; details?: Record<string, unknown> }>;
  dispose(): void;
}

/** An agent caller, as the MCP layer passes one. */
export function agent(name: string, session = `${name}-s1`): Caller {
  return { kind: 'agent', name, session };
}

export function makeTempDir(prefix = 'orchestron-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openTestCore(
  options: { dir?: string; actor?: string; clock?: Clock } = {},
): TestCore {
  const dir = options.dir ?? makeTempDir();
  const databasePath = join(dir, 'orchestron.db');
  const orchestrator = new Orchestrator({
    databasePath,
    checkOutputs: true,
    watchIntervalMs: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const context = { actor: options.actor ?? 'test' };
  const failsWith = async (
    name: OperationName,
    input: unknown,
    as: { actor?: string; caller?: Caller },
  ) => {
    try {
      await orchestrator.call(name, input, as);
    } catch (error) {
      assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
      // worded as an agent or API client reads it: the message, then how to fix the call
      const { code, details } = error;
      const message = messageWithHints(error.toPayload());
      return { code, message, ...(details ? { details } : {}) };
    }
    assert.fail(`${name} should have failed for ${JSON.stringify(input)}`);
  };
  return {
    orchestrator,
    dir,
    databasePath,
    call: (name, input) => orchestrator.call(name, input, context),
    fails: (name, input) => failsWith(name, input, context),
    callAs: (caller, name, input) => orchestrator.call(name, input, { caller }),
    failsAs: (caller, name, input) => failsWith(name, input, { caller }),
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
  // every table, so a table added by a later migration is covered without editing this list
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]),
  );
}
