// The claim race through real MCP clients: 20 client processes on the core's socket, each an
// agent making up to 50 claim_next_task calls on a 500-task DAG and completing what it claims,
// claim every task at most once and never before its prerequisites are completed, and the event
// log agrees with what each client was told; 8 client processes racing claim_task for one ready
// task: exactly one wins, the others get an isError CONFLICT naming the winner.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { openSocketKit, type SocketKit } from './mcp-test-kit.ts';

const WORKER = fileURLToPath(new URL('./claim-race.worker.ts', import.meta.url));
const AGENTS = 20;
const CALLS = 50;
const TASKS = 500;
const RACERS = 8;

interface Result {
  ok: boolean;
  claimed: number[];
  outcomes: string[];
  error?: string;
}

/** Starts one worker per argument list, lets them go together once all are connected, collects results. */
async function race(socketPath: string, argsList: readonly string[][]): Promise<Result[]> {
  const children = argsList.map((args) => {
    const child = spawn(process.execPath, [WORKER, socketPath, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const ready = new Promise<void>((resolveReady, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready\n')) resolveReady();
      });
      child.once('close', () => reject(new Error(`a worker exited early:\n${stdout}\n${stderr}`)));
    });
    const exit = new Promise<Result>((resolveExit, reject) => {
      child.once('error', reject);
      child.once('close', (code) => {
        const line = stdout.split('\n').find((text) => text.startsWith('{'));
        if (code !== 0 || !line)
          reject(new Error(`worker ${args[0]} failed (${code}):\n${stdout}\n${stderr}`));
        else resolveExit(JSON.parse(line) as Result);
      });
    });
    // the parent never waits on a promise it has not attached to yet
    ready.catch(() => undefined);
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

/** The agent name in an event's actor, "agent:<name>#<session>". */
function agentOf(actor: string): string | null {
  return /^agent:([^#]+)/.exec(actor)?.[1] ?? null;
}

describe('the claim race through MCP clients on the socket', { timeout: 120_000 }, () => {
  let kit: SocketKit;
  before(async () => (kit = await openSocketKit()));
  after(() => kit.dispose());

  test(`${AGENTS} client processes × ${CALLS} claims on a ${TASKS}-task DAG: each task claimed at most once, never before its prerequisites completed`, async (t) => {
    const next = random(42);
    const ids: number[] = [];
    for (let index = 0; index < TASKS; index++) {
      // forward-only edges: a task depends on up to two tasks created before it
      const count = index === 0 ? 0 : Math.floor(next() * 3);
      const dependencies = [
        ...new Set(Array.from({ length: count }, () => ids[Math.floor(next() * ids.length)]!)),
      ];
      const { task } = await kit.core.call('create_task', {
        title: `Task ${index}`,
        priority: Math.floor(next() * 5),
        dependencies,
      });
      ids.push(task.id);
    }
    const names = Array.from({ length: AGENTS }, (_, index) => `mcp-agent-${index}`);
    const results = await race(
      kit.endpoint.path,
      names.map((name) => [name, 'next', String(CALLS)]),
    );

    const db = kit.core.store.db;
    const claims = db
      .prepare("SELECT id, task_id, actor FROM events WHERE type = 'task.claimed' ORDER BY id")
      .all() as { id: number; task_id: number; actor: string }[];
    const claimedTasks = claims.map((claim) => claim.task_id);
    assert.equal(new Set(claimedTasks).size, claimedTasks.length, 'a task was claimed twice');
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
    assert.ok(edges.length > TASKS / 2, `the DAG has ${edges.length} edges`);
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
