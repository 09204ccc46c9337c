// The claim race through real MCP clients: 20 client processes on the core's socket, each an
// agent making up to 50 claim_next_task calls on a 500-task DAG and completing what it claims,
// claim every task at most once and never before its prerequisites are completed, and the event
// log agrees with what each client was told; 8 client processes racing claim_task for one ready
// task: exactly one wins, the others get an isError CONFLICT naming the winner.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  assertClaimsInOrder,
  claimsIn,
  createRandomDag,
  raceWorkers,
} from '../../helpers/claim-race.ts';
import { openSocketKit, type SocketKit } from './mcp-test-kit.ts';

const WORKER = fileURLToPath(new URL('./claim-race.worker.ts', import.meta.url));
const AGENTS = 20;
const CALLS = 50;
const TASKS = 500;
const RACERS = 8;

const race = (socketPath: string, argsList: readonly string[][]) =>
  raceWorkers(
    WORKER,
    argsList.map((args) => [socketPath, ...args]),
  );

/** The agent name in an event's actor, "agent:<name>#<session>". */
function agentOf(actor: string): string | null {
  return /^agent:([^#]+)/.exec(actor)?.[1] ?? null;
}

describe('the claim race through MCP clients on the socket', { timeout: 120_000 }, () => {
  let kit: SocketKit;
  before(async () => (kit = await openSocketKit()));
  after(() => kit.dispose());

  test(`${AGENTS} client processes × ${CALLS} claims on a ${TASKS}-task DAG: each task claimed at most once, never before its prerequisites completed`, async (t) => {
    // forward-only edges: a task depends on up to two tasks created before it
    await createRandomDag((input) => kit.core.call('create_task', input), TASKS, 42);
    const names = Array.from({ length: AGENTS }, (_, index) => `mcp-agent-${index}`);
    const results = await race(
      kit.endpoint.path,
      names.map((name) => [name, 'next', String(CALLS)]),
    );

    const db = kit.core.store.db;
    const claims = claimsIn(db);
    const { completedAt, edges } = assertClaimsInOrder(db, claims);
    names.forEach((name, index) => {
      assert.deepEqual(
        results[index]!.claimed,
        claims.filter((claim) => agentOf(claim.actor) === name).map((claim) => claim.task_id),
        `${name} was told it claimed exactly what the log records for it, in order`,
      );
    });
    assert.equal(
      claims.filter((claim) => !names.includes(agentOf(claim.actor) ?? '')).length,
      0,
      'every claim was made by one of the clients',
    );

    assert.ok(edges.length > TASKS / 2, `the DAG has ${edges.length} edges`);
    for (const claim of claims)
      assert.ok(completedAt.has(claim.task_id), `#${claim.task_id} was claimed and completed`);
    assert.ok(claims.length > TASKS / 2, `only ${claims.length} claims in ${AGENTS * CALLS} calls`);
    t.diagnostic(`${claims.length} tasks claimed and completed over ${edges.length} edges`);
  });

  test(`${RACERS} client processes racing claim_task for one ready task: exactly one wins, the others get CONFLICT naming it`, async () => {
    for (let round = 0; round < 2; round++) {
      const { task } = await kit.core.call('create_task', { title: `The only one ${round}` });
      const names = Array.from({ length: RACERS }, (_, index) => `racer${round}-${index}`);
      const results = await race(
        kit.endpoint.path,
        names.map((name) => [name, 'one', String(task.id)]),
      );
      const winners = names.filter((_, index) => results[index]!.claimed.length > 0);
      assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify(results)}`);
      const winner = winners[0]!;
      assert.deepEqual(results[names.indexOf(winner)]!.claimed, [task.id]);
      for (const [index, result] of results.entries()) {
        if (names[index] === winner) continue;
        assert.equal(result.outcomes.length, 1);
        assert.match(
          result.outcomes[0]!,
          new RegExp(
            `^error\\[CONFLICT\\]: #${task.id} "The only one ${round}" is already claimed by ${winner} until `,
          ),
        );
      }
      const claimed = kit.core.store.db
        .prepare("SELECT actor FROM events WHERE type = 'task.claimed' AND task_id = ?")
        .all(task.id) as { actor: string }[];
      assert.deepEqual(
        claimed.map((claim) => agentOf(claim.actor)),
        [winner],
        'the log records one claim, by the winner',
      );
    }
  });
});
