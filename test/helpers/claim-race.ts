// What both claim races share (processes on one database file, and MCP clients on one socket):
// starting workers that go together, a seeded DAG to race on, and reading the event log for what
// was claimed and whether any claim came before its prerequisites were completed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { Db } from '../../src/core/store/database.ts';
import type { OperationInput, OperationOutput } from '../../src/shared/operations/registry.ts';

/** What a worker prints as its last line: the tasks it claimed, and each call's outcome. */
export interface RaceResult {
  ok: boolean;
  claimed: number[];
  outcomes: string[];
  error?: string;
}

/**
 * Starts `node <worker> ...args` per argument list; each prints "ready" once loaded (and
 * connected), waits for its stdin to close, races, and prints its result as JSON. Closing every
 * stdin at once makes them start together.
 */
export async function raceWorkers(
  worker: string,
  argsList: readonly string[][],
): Promise<RaceResult[]> {
  const children = argsList.map((args) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready\n')) resolve();
      });
      child.once('close', () => reject(new Error(`a worker exited early:\n${stdout}\n${stderr}`)));
    });
    // the parent never waits on a promise it has not attached to yet
    ready.catch(() => undefined);
    const exit = new Promise<RaceResult>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => {
        const line = stdout.split('\n').find((text) => text.startsWith('{'));
        if (code !== 0 || !line)
          reject(new Error(`worker ${args.join(' ')} failed (${code}):\n${stdout}\n${stderr}`));
        else resolve(JSON.parse(line) as RaceResult);
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

type CreateTask = (input: OperationInput<'create_task'>) => Promise<OperationOutput<'create_task'>>;

/** `count` tasks of random priority, each depending on up to two created before it (seeded). */
export async function createRandomDag(
  createTask: CreateTask,
  count: number,
  seed: number,
): Promise<number[]> {
  const next = random(seed);
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const edges = index === 0 ? 0 : Math.floor(next() * 3);
    const dependencies = [
      ...new Set(Array.from({ length: edges }, () => ids[Math.floor(next() * ids.length)]!)),
    ];
    const { task } = await createTask({
      title: `Task ${index}`,
      priority: Math.floor(next() * 5),
      dependencies,
    });
    ids.push(task.id);
  }
  return ids;
}

export interface ClaimEvent {
  id: number;
  task_id: number;
  actor: string;
}

/** Every task.claimed event, in order. */
export function claimsIn(db: Db): ClaimEvent[] {
  return db
    .prepare("SELECT id, task_id, actor FROM events WHERE type = 'task.claimed' ORDER BY id")
    .all() as ClaimEvent[];
}

/**
 * Asserts from the log that no task was claimed twice, and none before every prerequisite was
 * completed; returns when each task was first completed (event id), and the edges checked.
 */
export function assertClaimsInOrder(db: Db, claims: readonly ClaimEvent[]) {
  const claimed = claims.map((claim) => claim.task_id);
  assert.equal(new Set(claimed).size, claimed.length, 'a task was claimed twice');
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
    const at = claimAt.get(edge.task_id);
    if (at === undefined) continue;
    const done = completedAt.get(edge.depends_on);
    assert.ok(
      done !== undefined && done < at,
      `#${edge.task_id} was claimed before its prerequisite #${edge.depends_on} was completed`,
    );
  }
  return { completedAt, edges };
}
