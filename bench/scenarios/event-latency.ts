// Event delivery latency, as a person watching the page sees it: another process renames a task,
// and the time until the row shows the new title in Chromium is measured. The path: the write's
// commit, the server noticing it (PRAGMA data_version, polled as `orchestron serve` does), the
// Server-Sent Event, the page applying it to the row, React committing the DOM change.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { startWebServer } from '../../src/host/web/web-server.ts';
import { progress } from './bench-context.ts';
import type { LatencyWrites } from './event-latency-writer.ts';
import { WATCH_INTERVAL_MS } from '../../src/core/events/event-log.ts';

const WRITER = fileURLToPath(new URL('./event-latency-writer.ts', import.meta.url));
const RENDERER = resolve(import.meta.dirname, '..', '..', 'out', 'renderer', 'index.html');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
const WRITES = 200;
const EVERY_MS = 20;
/** Writes rotate over this many tasks (all on the first page), so none is renamed twice in 0.8 s. */
const TASKS = 40;
/** Orchestrator's default, which `orchestron serve` uses. */
const SERVER_POLL_MS = WATCH_INTERVAL_MS;
/** How long after the last write a missing row update counts as missed. */
const SETTLE_MS = 3_000;

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface EventLatencyResult {
  writes: number;
  everyMs: number;
  serverPollMs: number;
  /** Write to row shown; and its two legs: write to the server's delivery, delivery to row shown. */
  stats: LatencyStats | null;
  toServer: LatencyStats | null;
  serverToPage: LatencyStats | null;
  /** Writes whose title never showed (overwritten before a render, or lost). */
  missed: number;
  /** Why there are no figures. */
  problem?: string;
}

/** Records, on the page, when each "latency <i>" title first appears in a row. */
const OBSERVER = `(() => {
  const applied = (window.latencyApplied = {});
  const record = () => {
    const now = Date.now();
    for (const title of document.querySelectorAll('tbody .task-title')) {
      const match = /^latency (\\d+)$/.exec(title.textContent ?? '');
      if (match && !(match[1] in applied)) applied[match[1]] = now;
    }
  };
  new MutationObserver(record).observe(document.body, {
    subtree: true, childList: true, characterData: true,
  });
})()`;

function nearestRank(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** p50, p95 and max of the differences end[i] - start[i] where both are known. */
function latencyStats(
  start: readonly (number | undefined)[],
  end: readonly (number | undefined)[],
): LatencyStats | null {
  const sorted = start
    .map((from, i) => (from === undefined || end[i] === undefined ? Number.NaN : end[i] - from))
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    count: sorted.length,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    max: sorted.at(-1)!,
  };
}

function runWriter(databasePath: string): Promise<LatencyWrites> {
  return new Promise((resolveWrites, reject) => {
    const args = [databasePath, '1', String(TASKS), String(WRITES), String(EVERY_MS)];
    const child = fork(WRITER, args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    let writes: LatencyWrites | undefined;
    child.on('message', (message) => (writes = message as LatencyWrites));
    child.on('error', reject);
    child.on('exit', (code) =>
      writes ? resolveWrites(writes) : reject(new Error(`The writer exited with ${code}.`)),
    );
  });
}

function skipped(problem: string): EventLatencyResult {
  const none = { stats: null, toServer: null, serverToPage: null };
  return {
    writes: 0,
    everyMs: EVERY_MS,
    serverPollMs: SERVER_POLL_MS,
    ...none,
    missed: 0,
    problem,
  };
}

/** When the server process delivered each "latency <i>" rename to its subscribers (the page's stream). */
function watchDeliveries(orchestrator: Orchestrator): { delivered: number[]; stop: () => void } {
  const delivered: number[] = [];
  const stop = orchestrator.subscribe((event) => {
    if (event.type !== 'task.updated' || typeof event.after['title'] !== 'string') return;
    const match = /^latency (\d+)$/.exec(event.after['title']);
    if (match) delivered[Number(match[1])] = Date.now();
  });
  return { delivered, stop };
}

export async function runEventLatency(): Promise<EventLatencyResult> {
  if (!existsSync(RENDERER)) return skipped('skipped: the page is not built (run `npm run build`)');
  if (!existsSync(CHROMIUM))
    return skipped(`skipped: no Chromium at ${CHROMIUM} (install chromium or set CHROMIUM_PATH)`);
  progress('event latency: another process renames tasks while Chromium shows them');
  const folder = mkdtempSync(join(tmpdir(), 'orchestron-latency-'));
  const databasePath = join(folder, 'latency.db');
  const orchestrator = new Orchestrator({ databasePath });
  const server = await startWebServer({ orchestrator, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (let i = 1; i <= TASKS; i++)
      await orchestrator.call('create_task', { title: `Task ${i}` }, { actor: 'bench' });
    const page = await browser.newPage();
    await page.goto(new URL('/?project=default', server.url).href);
    await page
      .locator('tbody tr')
      .nth(TASKS - 1)
      .waitFor();
    await page.evaluate(OBSERVER);
    const deliveries = watchDeliveries(orchestrator);
    const { sentAt } = await runWriter(databasePath);
    const deadline = Date.now() + SETTLE_MS;
    let applied: Record<string, number> = {};
    do {
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
      applied = await page.evaluate('window.latencyApplied');
    } while (Object.keys(applied).length < sentAt.length && Date.now() < deadline);
    deliveries.stop();
    const shown = sentAt.map((_, i) => applied[i]);
    const stats = latencyStats(sentAt, shown);
    return {
      writes: sentAt.length,
      everyMs: EVERY_MS,
      serverPollMs: SERVER_POLL_MS,
      stats,
      toServer: latencyStats(sentAt, deliveries.delivered),
      serverToPage: latencyStats(deliveries.delivered, shown),
      missed: sentAt.length - (stats?.count ?? 0),
    };
  } finally {
    await browser.close();
    await server.close();
    orchestrator.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}
