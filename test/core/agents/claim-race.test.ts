// The claim race, with real processes on one database file: 20 agents × 50 claim_next_task calls
// on a 500-task DAG claim every task at most once and never before its prerequisites are
// completed; 8 agents racing for one ready task: exactly one wins, the others are told clearly.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  assertClaimsInOrder,
  claimsIn,
  createRandomDag,
  raceWorkers,
} from '../../helpers/claim-race.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

const WORKER = fileURLToPath(new URL('./claim-race.worker.ts', import.meta.url));

const race = (argsList: readonly string[][]) => raceWorkers(WORKER, argsList);

describe('the claim race between processes', { timeout: 120_000 }, () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('20 agents × 50 claims on a 500-task DAG: each task claimed at most once, never before its prerequisites completed', async () => {
    await createRandomDag((input) => core.call('create_task', input), 500, 6);
    const results = await race(
      Array.from({ length: 20 }, (_, index) => [core.databasePath, `agent${index}`, 'next', '50']),
    );
    const db = core.orchestrator.store.db;
    const claims = claimsIn(db);
    assertClaimsInOrder(db, claims);
    assert.deepEqual(
      results.flatMap((result) => result.claimed).sort((a, b) => a - b),
      claims.map((claim) => claim.task_id).sort((a, b) => a - b),
      'each worker got exactly the tasks the log says it claimed',
    );
    assert.ok(claims.length > 250, `only ${claims.length} claims in 1,000 calls`);
  });

  test('8 agents racing for one ready task: exactly one wins, the others are refused or told nothing is ready', async () => {
    for (let round = 0; round < 3; round++) {
      const { task } = await core.call('create_task', { title: `The only one ${round}` });
      const results = await race(
        Array.from({ length: 8 }, (_, index) => [
          core.databasePath,
          `racer${round}-${index}`,
          'one',
          index % 2 === 0 ? String(task.id) : 'any',
        ]),
      );
      const winners = results.filter((result) => result.claimed.length > 0);
      assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify(results)}`);
      assert.deepEqual(winners[0]!.claimed, [task.id]);
      for (const loser of results.filter((result) => result.claimed.length === 0)) {
        assert.match(
          loser.outcomes[0]!,
          /^(nothing|CONFLICT: #\d+ "The only one \d" is already claimed by racer\d-\d until)/,
        );
      }
      await core.call('update_task_status', { task_id: task.id, status: 'completed' });
    }
  });
});
