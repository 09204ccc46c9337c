// Output throughput: a run that prints FLOOD_BYTES (`yes | head -c`), measured where it arrives:
// the bytes the call's live output receives, and the run.output events a subscriber of the core
// receives (bounded per event and per second by design, the rest counted as dropped). Meanwhile a
// 5 ms timer measures how long the event loop is held, a get_task every 50 ms shows whether the
// core still answers, and the process's RSS is sampled.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CodeRunner } from '../../src/core/runs/code-runner.ts';
import type { SandboxKind } from '../../src/core/runs/run-types.ts';
import { summarize, type Stats } from '../timing.ts';
import { progress } from './bench-context.ts';
import { AGENT, openRunsCore, passableTempDir } from './runs-core.ts';
import type { FloodRow } from './runs-results.ts';

/** 64 MiB printed; the terminal turns each `y\n` into `y\r\n`, so half as much again arrives. */
export const FLOOD_BYTES = 64 * 1024 * 1024;
const FLOOD_CODE = `yes | head -c ${FLOOD_BYTES}`;
const FLOOD_TIMEOUT_SECONDS = 120;
const TICK_MS = 5;
const PROBE_EVERY_MS = 50;

interface Watch {
  stop(): { loopGapMs: FloodRow['loopGapMs']; rssGrowthBytes: number };
}

/** Ticks every TICK_MS, keeping the gaps between ticks and the highest RSS seen. */
function watchLoop(): Watch {
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      const stats = summarize(gaps);
      return {
        loopGapMs: { max: stats.max, p99: stats.p99 },
        rssGrowthBytes: peakRss - rssBefore,
      };
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The flood through execute_code, as an agent calls it, with a subscriber on the core's events. */
async function floodThroughCore(sandbox: SandboxKind): Promise<FloodRow> {
  const core = openRunsCore(sandbox);
  const { orchestrator } = core;
  try {
    const { task } = await orchestrator.call('create_task', { title: 'probe' });
    const events = { count: 0, textBytes: 0, droppedBytes: 0, duringRun: 0 };
    // an object: the probe loop reads what the end of the call sets
    const flood = { running: true };
    const unsubscribe = orchestrator.subscribe((event) => {
      if (event.type !== 'run.output') return;
      const after = event.after as { text: string; dropped_bytes: number };
      events.count++;
      events.textBytes += Buffer.byteLength(after.text);
      events.droppedBytes += after.dropped_bytes;
      if (flood.running) events.duringRun++;
    });
    const probes: number[] = [];
    const probing = (async () => {
      while (flood.running) {
        const started = performance.now();
        await orchestrator.call('get_task', { task_id: task.id });
        probes.push(performance.now() - started);
        await sleep(PROBE_EVERY_MS);
      }
    })();
    let delivered = 0;
    const watch = watchLoop();
    const ended = () => {
      flood.running = false;
      return watch.stop();
    };
    const { execution } = await orchestrator
      .call(
        'execute_code',
        { language: 'bash', code: FLOOD_CODE, timeout: FLOOD_TIMEOUT_SECONDS },
        { ...AGENT, output: (chunk) => void (delivered += Buffer.byteLength(chunk)) },
      )
      .catch((error: unknown) => {
        ended();
        throw error;
      });
    const watched = ended();
    await probing;
    unsubscribe();
    const stats: Stats = summarize(probes);
    return {
      label: 'execute_code (recorded, events)',
      sandbox: execution.sandbox?.kind ?? sandbox,
      totalBytes: execution.total_bytes,
      deliveredBytes: delivered,
      durationMs: execution.duration_ms ?? Number.NaN,
      events,
      probe: { calls: probes.length, stats },
      ...watched,
      status: execution.status,
    };
  } finally {
    core.dispose();
  }
}

/** The flood through the engine alone: what the terminal and the output pump deliver. */
async function floodThroughEngine(sandbox: SandboxKind): Promise<FloodRow> {
  const root = passableTempDir('orchestron-bench-flood-');
  const runner = new CodeRunner();
  try {
    let delivered = 0;
    const watch = watchLoop();
    const result = await runner.start(
      {
        language: 'bash',
        code: FLOOD_CODE,
        sandbox,
        timeoutSeconds: FLOOD_TIMEOUT_SECONDS,
        runDirectory: join(root, 'run'),
      },
      { onOutput: (chunk) => void (delivered += Buffer.byteLength(chunk)) },
    ).done;
    const watched = watch.stop();
    return {
      label: 'CodeRunner (engine alone)',
      sandbox,
      totalBytes: result.totalBytes,
      deliveredBytes: delivered,
      durationMs: result.durationMs,
      events: null,
      probe: null,
      ...watched,
      status: result.status,
    };
  } finally {
    await runner.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function runOutputThroughput(sandboxes: readonly SandboxKind[]): Promise<FloodRow[]> {
  const rows: FloodRow[] = [];
  for (const sandbox of sandboxes) {
    progress(`runs: ${FLOOD_BYTES / 1024 / 1024} MiB of output through execute_code (${sandbox})`);
    rows.push(await floodThroughCore(sandbox));
    progress(`runs: ${FLOOD_BYTES / 1024 / 1024} MiB of output through CodeRunner (${sandbox})`);
    rows.push(await floodThroughEngine(sandbox));
  }
  return rows;
}
