// Calls as an agent or as a person, the refusal they expect, and a snapshot of the whole database
// (clarifications included) that a refused call must leave as it was.
import assert from 'node:assert/strict';
import { AppError, type ErrorCode } from '../../../src/shared/errors.ts';
import type { OperationName, OperationOutput } from '../../../src/shared/operations/registry.ts';
import { snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

export const AGENT = { caller: { kind: 'agent', name: 'claude', session: 's1' } } as const;
export const PERSON = { caller: { kind: 'person', name: 'alice' } } as const;
export const AGENT_ACTOR = 'agent:claude#s1';
export const PERSON_ACTOR = 'human:alice';

export function asAgent<N extends OperationName>(
  core: TestCore,
  name: N,
  input: unknown,
): Promise<OperationOutput<N>> {
  return core.orchestrator.call(name, input, AGENT);
}

export function asPerson<N extends OperationName>(
  core: TestCore,
  name: N,
  input: unknown,
): Promise<OperationOutput<N>> {
  return core.orchestrator.call(name, input, PERSON);
}

export function fullSnapshot(core: TestCore): string {
  const clarifications = core.orchestrator.store.db
    .prepare('SELECT * FROM clarifications ORDER BY id')
    .all();
  return snapshot(core) + JSON.stringify(clarifications);
}

/** Expects `call` to fail with `code`, changing nothing; returns the message. */
export async function refused(
  core: TestCore,
  code: ErrorCode,
  call: () => Promise<unknown>,
): Promise<string> {
  const before = fullSnapshot(core);
  const error = await call().then(
    () => assert.fail(`expected ${code}, but the call succeeded`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.equal(fullSnapshot(core), before, 'a refused call changed the database');
  return error.message;
}

/** The events of one task of a type, oldest first. */
export function eventsOf(core: TestCore, taskId: number, type: string) {
  return core.orchestrator.store.db
    .prepare('SELECT actor, before, after FROM events WHERE task_id = ? AND type = ? ORDER BY id')
    .all(taskId, type) as { actor: string; before: string | null; after: string }[];
}

export function notificationsOf(core: TestCore, kind: string) {
  return core.orchestrator.store.db
    .prepare('SELECT recipient, task_id, message FROM notifications WHERE kind = ? ORDER BY id')
    .all(kind) as { recipient: string | null; task_id: number; message: string }[];
}
