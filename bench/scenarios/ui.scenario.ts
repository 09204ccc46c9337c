// The graph view in Chromium against a real `orchestron serve`, for each project size: time from
// navigation start to the first task node painted and to the graph laid out (worker done and
// positions saved) on first open; the same page opened again with the positions saved; the
// auto-layout button alone; frames per second while dragging the canvas with every task on
// screen and at zoom 1; the frames while zooming in with the wheel from the whole graph to zoom
// 1; and the time from a rename written by another process to the node repainted.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WATCH_INTERVAL_MS } from '../../src/core/events/event-log.ts';
import { progress } from './bench-context.ts';
import {
  LOAD_PROBE,
  TITLE_OBSERVER,
  nodesOnScreen,
  panAndSample,
  frameStats,
  startFrames,
  stopFrames,
  waitForMarks,
  wheelInAndSample,
  zoomOf,
  type FrameStats,
} from './ui-page.ts';
import { seedUiProject } from './ui-seed.ts';
import { startServe } from './ui-serve.ts';
import type { UiWrites } from './ui-writer.ts';

export const UI_SIZES = [500, 2_000] as const;
const WRITER = fileURLToPath(new URL('./ui-writer.ts', import.meta.url));
const RENDERER = resolve(import.meta.dirname, '..', '..', 'out', 'renderer', 'index.html');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
const VIEWPORT = { width: 1360, height: 880 };
const LOAD_TIMEOUT_MS = 120_000;
const PAN_MS = 2_000;
const WRITES = 20;
const WRITE_EVERY_MS = 200;
/** How long after the last write a title not yet shown counts as missed. */
const SETTLE_MS = 3_000;

export interface PanResult extends FrameStats {
  zoom: number;
  /** Task nodes in the document while panning (only those on screen are rendered). */
  rendered: number;
  /** Tasks the far-out overview canvas drew instead (0 when the nodes are shown). */
  drawn: number;
}

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface UiSizeResult {
  size: number;
  layers: number;
  edges: number;
  /** First open, no positions saved: ms from navigation start. */
  firstNodesMs: number | null;
  layoutStartMs: number | null;
  laidOutMs: number | null;
  /** Opened again with the positions saved (no layout needed): first node painted. */
  reopenNodesMs: number | null;
  /** The auto-layout button pressed on the open graph until the positions are saved. */
  relayoutMs: number | null;
  panAll: PanResult | null;
  panClose: PanResult | null;
  /** Wheel zoom from fit view to zoom 1, across the switch from the overview to nodes. */
  wheelIn: FrameStats | null;
  /** Ctrl+K to a task from fit view: the palette, the flight over the overview, the landing. */
  flight: FrameStats | null;
  /** Rename in another process until the node shows the new title. */
  repaint: LatencyStats | null;
  writes: number;
  missed: number;
  /** Errors in the page's console, and steps that could not be measured. */
  problems: string[];
}

export interface UiResult {
  sizes: UiSizeResult[];
  serverPollMs: number;
  /** Why there are no figures. */
  problem?: string;
}

function nearestRank(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function latencyStats(sentAt: readonly number[], shownAt: readonly (number | undefined)[]) {
  const sorted = sentAt
    .map((sent, i) => (shownAt[i] === undefined ? Number.NaN : shownAt[i] - sent))
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const stats: LatencyStats = {
    count: sorted.length,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    max: sorted.at(-1)!,
  };
  return stats;
}

function runWriter(databasePath: string, ids: readonly number[]): Promise<UiWrites> {
  return new Promise((resolveWrites, reject) => {
    const args = [databasePath, String(WRITE_EVERY_MS), ...ids.map(String)];
    const child = fork(WRITER, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let writes: UiWrites | undefined;
    child.on('message', (message) => (writes = message as UiWrites));
    child.on('error', reject);
    child.on('exit', (code) =>
      writes ? resolveWrites(writes) : reject(new Error(`The writer exited with ${code}.`)),
    );
  });
}

async function openGraph(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(LOAD_PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

const settle = (page: Page, ms = 500) => page.waitForTimeout(ms);

async function pan(page: Page): Promise<PanResult> {
  const zoom = await zoomOf(page);
  const [rendered, drawn] = (await page.evaluate(`[
    document.querySelectorAll('.react-flow__node:not([style*="visibility: hidden"])').length,
    Number(document.querySelector('canvas.graph-overview')?.dataset.tasks ?? 0),
  ]`)) as [number, number];
  return { ...(await panAndSample(page, PAN_MS)), zoom, rendered, drawn };
}

/** Centres task `id` at zoom 1 through the Ctrl+K palette, as a person finding a task does. */
async function focusTask(page: Page, id: number): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder('Find a task by title or #id').fill(`#${id}`);
  await page.keyboard.press('Enter');
  // landed: a drag started mid-flight would stop the view wherever it was
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  while ((await zoomOf(page)) < 0.999 && Date.now() < deadline) await settle(page, 50);
  await settle(page, 300);
}

async function measureRepaint(page: Page, databasePath: string) {
  const onScreen = await nodesOnScreen(page, 10);
  if (onScreen.length === 0) return { repaint: null, writes: 0, missed: 0 };
  await page.evaluate(TITLE_OBSERVER);
  const ids = Array.from({ length: WRITES }, (_, i) => onScreen[i % onScreen.length]!);
  const { sentAt } = await runWriter(databasePath, ids);
  const deadline = Date.now() + SETTLE_MS;
  let seen: Record<string, number> = {};
  do {
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    seen = (await page.evaluate('window.__uiSeen')) as Record<string, number>;
  } while (Object.keys(seen).length < sentAt.length && Date.now() < deadline);
  const repaint = latencyStats(
    sentAt,
    sentAt.map((_, i) => seen[i]),
  );
  return { repaint, writes: sentAt.length, missed: sentAt.length - (repaint?.count ?? 0) };
}

async function measureSize(size: number, folder: string): Promise<UiSizeResult> {
  const databasePath = join(folder, `ui-${size}.db`);
  progress(`graph view, ${size.toLocaleString('en')} tasks: seeding a layered project`);
  const project = await seedUiProject(databasePath, size);
  const served = await startServe(databasePath, folder);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const problems: string[] = [];
  try {
    const url = new URL(`?project=${encodeURIComponent(project.name)}&view=graph`, served.url).href;
    progress(`graph view, ${size.toLocaleString('en')} tasks: first open and layout`);
    const page = await openGraph(browser, url, problems);
    // laid out means saved and painted: the save can be answered before the first paint
    const first = await waitForMarks(
      page,
      (m) => m.laidOut !== null && m.nodes !== null,
      LOAD_TIMEOUT_MS,
    );
    if (first.laidOut === null) problems.push('the first layout did not finish in time');
    await settle(page);

    progress(`graph view, ${size.toLocaleString('en')} tasks: panning`);
    await page.locator('.react-flow__controls-fitview').click();
    await settle(page);
    const panAll = await pan(page);
    await settle(page);
    await startFrames(page);
    await focusTask(page, Math.ceil(size / 2));
    // the landing's frame (the nodes mounted) may come after the zoom reads 1
    await settle(page, 700);
    const flight = frameStats(await stopFrames(page));
    const panClose = await pan(page);
    await settle(page);
    await page.locator('.react-flow__controls-fitview').click();
    await settle(page);
    const wheelIn = await wheelInAndSample(page);
    await settle(page);

    progress(`graph view, ${size.toLocaleString('en')} tasks: renames from another process`);
    await focusTask(page, Math.ceil(size / 2));
    const repaint = await measureRepaint(page, databasePath);
    await page.close();

    progress(`graph view, ${size.toLocaleString('en')} tasks: opened again, then auto-layout`);
    const again = await openGraph(browser, url, problems);
    const reopen = await waitForMarks(again, (m) => m.nodes !== null, LOAD_TIMEOUT_MS);
    await settle(again, 1_000);
    const pressedAt = (await again.evaluate(`(() => {
      window.__uiResetLayout();
      const t = performance.now();
      document.querySelector('.graph-toolbar button[aria-keyshortcuts="L"]').click();
      return t;
    })()`)) as number;
    const relayout = await waitForMarks(again, (m) => m.laidOut !== null, LOAD_TIMEOUT_MS);
    await again.evaluate('window.__uiMarks.stop = true');
    await again.close();
    return {
      size,
      layers: project.layers,
      edges: project.edges,
      firstNodesMs: first.nodes,
      layoutStartMs: first.layoutStart,
      laidOutMs:
        first.laidOut === null || first.nodes === null
          ? null
          : Math.max(first.laidOut, first.nodes),
      reopenNodesMs: reopen.nodes,
      relayoutMs: relayout.laidOut === null ? null : relayout.laidOut - pressedAt,
      panAll,
      panClose,
      wheelIn,
      flight,
      ...repaint,
      problems,
    };
  } finally {
    await browser.close();
    await served.stop();
  }
}

export async function runUiBench(sizes: readonly number[] = UI_SIZES): Promise<UiResult> {
  const result: UiResult = { sizes: [], serverPollMs: WATCH_INTERVAL_MS };
  if (!existsSync(RENDERER))
    return { ...result, problem: 'skipped: the page is not built (run `npm run build`)' };
  if (!existsSync(CHROMIUM))
    return {
      ...result,
      problem: `skipped: no Chromium at ${CHROMIUM} (install chromium or set CHROMIUM_PATH)`,
    };
  const folder = mkdtempSync(join(tmpdir(), 'orchestron-ui-'));
  try {
    for (const size of sizes) result.sizes.push(await measureSize(size, folder));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return result;
}
