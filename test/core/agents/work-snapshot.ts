// Test helpers for agents' work on tasks: calling as an agent, and a snapshot that also covers
// progress, checkpoints, contexts, handoffs, artifacts and the artifact files on disk.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AppError, type ErrorCode } from '../../../src/shared/errors.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../../src/shared/operations/registry.ts';
import { snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

export interface AgentCalls {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
  fails(name: OperationName, input: unknown): Promise<{ code: ErrorCode; message: string }>;
}

export function asAgent(core: TestCore, name: string, session = 's1'): AgentCalls {
  const options = { caller: { kind: 'agent' as const, name, session } };
  return {
    call: (operation, input) => core.orchestrator.call(operation, input, options),
    async fails(operation, input) {
      try {
        await core.orchestrator.call(operation, input, options);
      } catch (error) {
        assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
        return { code: error.code, message: error.message };
      }
      assert.fail(`${operation} should have failed for ${JSON.stringify(input)}`);
    },
  };
}

function files(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** Everything a failed call must leave as it was: the database and the artifacts folder. */
export function workSnapshot(core: TestCore): string {
  const db = core.orchestrator.store.db;
  const tables = ['progress_notes', 'checkpoints', 'contexts', 'handoffs', 'artifacts'];
  return JSON.stringify({
    core: snapshot(core),
    work: tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
    files: files(join(core.dir, 'artifacts')),
  });
}

export function artifactFiles(core: TestCore): string[] {
  return files(join(core.dir, 'artifacts'));
}
