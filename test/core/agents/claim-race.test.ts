// The claim race, with real processes on one database file: 20 agents × 50 claim_next_task calls
// on a 500-task DAG claim every task at most once and never before its prerequisites are
// completed; 8 agents racing for one ready task: exactly one wins, the others are told clearly.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

const WORKER = fileURLToPath(new URL('./claim-race.worker.ts', import.meta.url));

interface Result {
  ok: boolean;
  claimed: number[];
  outcomes: string[];
  error?: string;
}

/** Starts one worker per argument list, lets them go together once all are loaded, collects results. */
async function race(argsList: readonly string[][]): Promise<Result[]> {
  const children = argsList.map((args) => {
    const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready\n')) resolve();
      });
      child.once('close', () => reject(new Error(`a worker exited early:\n${stderr}`)));
    });
    const exit = new Promise<Result>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => {
        const line = stdout.split('\n').find((text) => text.startsWith('{'));
        if (code !== 0 || !line)
          reject(new Error(`worker failed (${code}):\n${stdout}\n${stderr}`));
        else resolve(JSON.parse(line) as Result);
      });
    });
    return { child, ready, exit };
  });
  try {
    await Promise.all(children.map((c) => c.ready));
  } finally {
    for (const c of children) c.child.stdin.end();
  }
  return Promise.all(children.map((c) => c.exit));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the claim race between processes', { timeout: 120_000 }, () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('20 agents × 50 claims on a 500-task DAG: each task claimed at most once, never before its prerequisites completed', async () => {
    const next = random(6);
    const ids: number[] = [];
    for (let index = 0; index < 500; index++) {
      const count = index === 0 ? 0 : Math.floor(next() * 3);
      const dependencies = [
        ...new Set(Array.from({ length: count }, () => ids[Math.floor(next() * ids.length)]!)),
      ];
      const { task } = await core.call('create_task', {
        title: `Task ${index}`,
        priority: Math.floor(next() * 5),
        dependencies,
      });
      ids.push(task.id);
    }
    const results = await race(
      Array.from({ length: 20 }, (_, index) => [core.databasePath, `agent${index}`, 'next', '50']),
    );
    const db = core.orchestrator.store.db;
    const claims = db
      .prepare("SELECT id, task_id FROM events WHERE type = 'task.claimed' ORDER BY id")
      .all() as { id: number; task_id: number }[];
    const claimedTasks = claims.map((claim) => claim.task_id);
    assert.equal(new Set(claimedTasks).size, claimedTasks.length, 'a task was claimed twice');
    assert.deepEqual(
      results.flatMap((result) => result.claimed).sort((a, b) => a - b),
      [...claimedTasks].sort((a, b) => a - b),
      'each worker got exactly the tasks the log says it claimed',
    );
    const completedAt = new Map(
      (
        db
          .prepare(
            "SELECT task_id, min(id) AS id FROM events WHERE type = 'task.status_changed' AND after ->> 'status' = 'completed' GROUP BY task_id",
          )
          .all() as { task_id: number; id: number }[]
      ).map((row) => [row.task_id, row.id]),
    );
    const edges = db.prepare('SELECT task_id, depends_on FROM dependencies').all() as {
      task_id: number;
      depends_on: number;
    }[];
    const claimAt = new Map(claims.map((claim) => [claim.task_id, claim.id]));
    for (const edge of edges) {
      const claimed = claimAt.get(edge.task_id);
      if (claimed === undefined) continue;
      const done = completedAt.get(edge.depends_on);
      assert.ok(
        done !== undefined && done < claimed,
        `#${edge.task_id} was claimed before its prerequisite #${edge.depends_on} was completed`,
      );
    }
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
