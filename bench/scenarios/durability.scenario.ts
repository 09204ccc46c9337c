// What the durability setting buys: write latency with every commit synced to disk (full, the
// default) and without the sync (normal), through Orchestrator.call on fresh database files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import type { Durability } from '../../src/shared/operations/settings.ops.ts';
import { measure as time, type Stats } from '../timing.ts';

export interface DurabilityRow {
  level: Durability;
  createTask: Stats;
  claimNextTask: Stats;
}

const TASKS = 600;
const CLAIMS = 500;
const WARMUP = 20;
const AGENT = { caller: { kind: 'agent' as const, name: 'bench', session: 'bench' } };

async function measure(level: Durability): Promise<DurabilityRow> {
  const dir = mkdtempSync(join(tmpdir(), 'orchestron-durability-'));
  const core = new Orchestrator({ databasePath: join(dir, 'o.db'), watchIntervalMs: false });
  try {
    await core.call('set_durability', { level });
    const createTask = await time((i) => core.call('create_task', { title: `T${i}` }), {
      warmup: WARMUP,
      iterations: TASKS,
    });
    const claimNextTask = await time(() => core.call('claim_next_task', {}, AGENT), {
      warmup: WARMUP,
      iterations: CLAIMS,
    });
    return { level, createTask, claimNextTask };
  } finally {
    core.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDurability(): Promise<DurabilityRow[]> {
  console.log(
    `  … durability: ${TASKS} create_task and ${CLAIMS} claim_next_task, full and normal`,
  );
  return [await measure('full'), await measure('normal')];
}
