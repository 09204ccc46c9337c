// What the graph-view bench runs inside the page, as script text (the bench's TypeScript has no
// DOM types): marks on the page clock from navigation start, a requestAnimationFrame sampler, an
// observer of renamed node titles, and the steps that drive the canvas like a person would.
import type { Page } from 'playwright-core';

/** performance.now() (ms since navigation start) when each mark was first seen, else null. */
export interface LoadMarks {
  /** A task painted: a node React Flow has measured and shown, or a task the overview drew. */
  nodes: number | null;
  /** The toolbar's button reads "Laying out…": the layout worker has the graph. */
  layoutStart: number | null;
  /** The button is back to "Auto-layout": positions computed, shown and saved by the server. */
  laidOut: number | null;
}

/**
 * Installed before the page's own scripts: checks once a frame, in requestAnimationFrame (so a
 * mark is the frame that paints the change), until the bench sets `stop`. The layout button is
 * also watched for every change of its text, so a layout done within one frame is still seen.
 * `__uiResetLayout()` forgets the layout marks before the bench presses the button.
 */
export const LOAD_PROBE = `(() => {
  const marks = (window.__uiMarks = { nodes: null, layoutStart: null, laidOut: null, stop: false });
  let busySeen = false, doneSeen = false;
  window.__uiResetLayout = () => {
    busySeen = doneSeen = false;
    marks.layoutStart = marks.laidOut = null;
  };
  // tasks painted: task nodes measured and shown, or tasks the far-out overview drew
  const shown = () => {
    const overview = document.querySelector('canvas.graph-overview');
    if (overview) return Number(overview.dataset.tasks || 0);
    return [...document.querySelectorAll('.react-flow__node')].filter((n) => n.style.visibility !== 'hidden').length;
  };
  const watch = () => {
    const button = document.querySelector('.graph-toolbar button[aria-keyshortcuts="L"]');
    if (!button) return;
    if ((button.textContent || '').startsWith('Laying out')) busySeen = true;
    else if (busySeen) doneSeen = true;
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true });
  const check = () => {
    const now = performance.now();
    watch();
    if (marks.nodes === null && shown() > 0) marks.nodes = now;
    if (busySeen && marks.layoutStart === null) marks.layoutStart = now;
    if (doneSeen && marks.laidOut === null) marks.laidOut = now;
    if (!marks.stop) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

export async function readMarks(page: Page): Promise<LoadMarks> {
  return (await page.evaluate('window.__uiMarks')) as LoadMarks;
}

/** Waits until `ready(marks)` or the timeout; returns the last marks read. */
export async function waitForMarks(
  page: Page,
  ready: (marks: LoadMarks) => boolean,
  timeoutMs: number,
): Promise<LoadMarks> {
  const deadline = Date.now() + timeoutMs;
  let marks = await readMarks(page);
  while (!ready(marks) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    marks = await readMarks(page);
  }
  return marks;
}

/** The viewport's zoom, read from React Flow's transform. */
export async function zoomOf(page: Page): Promise<number> {
  const transform = (await page.evaluate(
    `document.querySelector('.react-flow__viewport')?.style.transform ?? ''`,
  )) as string;
  return Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1] ?? Number.NaN);
}

/** An on-screen point of the empty canvas (a drag there pans), the one nearest the centre. */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(`(() => {
    const box = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
    // rings outward from the centre, so the drag's circle stays clear of the minimap and controls
    for (let r = 0; r < Math.min(box.width, box.height) / 2 - 10; r += 8)
      for (let a = 0; a < 16; a++) {
        const x = cx + r * Math.cos((a * Math.PI) / 8), y = cy + r * Math.sin((a * Math.PI) / 8);
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  })()`);
  if (!point) throw new Error('No empty canvas point to drag from.');
  return point as { x: number; y: number };
}

export interface FrameStats {
  frames: number;
  durationMs: number;
  /** 1000 / the median frame interval. */
  medianFps: number;
  /** Frames over the whole drag / its duration. */
  meanFps: number;
  /** The longest frame interval. */
  worstFrameMs: number;
  /** Frame intervals over 20 ms (below 50 fps). */
  slowFrames: number;
}

export function frameStats(times: readonly number[]): FrameStats {
  const intervals = times.slice(1).map((time, i) => time - times[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const durationMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return {
    frames: intervals.length,
    durationMs,
    medianFps: 1000 / median,
    meanFps: durationMs > 0 ? (intervals.length * 1000) / durationMs : Number.NaN,
    worstFrameMs: sorted.at(-1) ?? Number.NaN,
    slowFrames: intervals.filter((ms) => ms > 20).length,
  };
}

/** Starts recording the time of every frame the page paints. */
export function startFrames(page: Page): Promise<unknown> {
  return page.evaluate(`(() => {
    const times = (window.__uiFrames = []);
    window.__uiSampling = true;
    const loop = (time) => { times.push(time); if (window.__uiSampling) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
}

/** Stops the recording; the frame times since startFrames. */
export async function stopFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(`(() => {
    window.__uiSampling = false;
    return window.__uiFrames;
  })()`)) as number[];
}

/**
 * Pans by dragging the empty canvas round a circle for `durationMs` while a requestAnimationFrame
 * loop in the page records every frame's time; returns the frame statistics of the drag.
 */
export async function panAndSample(page: Page, durationMs: number): Promise<FrameStats> {
  const from = await emptyCanvasPoint(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  const radius = 160;
  const start = Date.now();
  // about 125 moves a second, as a mouse reports them; Chromium hands the page one a frame
  for (let elapsed = 0; elapsed < durationMs; elapsed = Date.now() - start) {
    const angle = (elapsed / 1000) * Math.PI * 2;
    await page.mouse.move(
      from.x + radius * Math.sin(angle),
      from.y + radius * (1 - Math.cos(angle)) * 0.6,
    );
    await new Promise((resolve) => setTimeout(resolve, 8));
  }
  await page.mouse.up();
  return frameStats(await stopFrames(page));
}

/**
 * Zooms in with the mouse wheel at the canvas's centre, from where the view is to zoom 1 (across
 * the switch from the overview to task nodes), sampling every frame meanwhile.
 */
export async function wheelInAndSample(page: Page): Promise<FrameStats> {
  // the pane's centre: the wheel zooms there, over tasks or not, as a person's would
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await startFrames(page);
  const deadline = Date.now() + 10_000;
  while ((await zoomOf(page)) < 1 && Date.now() < deadline) {
    await page.mouse.wheel(0, -60);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return frameStats(await stopFrames(page));
}

/** Records, on the page clock (Date.now()), when each "ui latency <i>" title is first shown. */
export const TITLE_OBSERVER = `(() => {
  const seen = (window.__uiSeen = {});
  const record = () => {
    const now = Date.now();
    for (const title of document.querySelectorAll('.react-flow__node .task-node__title')) {
      const match = /^ui latency (\\d+)$/.exec(title.textContent || '');
      if (match && !(match[1] in seen)) seen[match[1]] = now;
    }
  };
  new MutationObserver(record).observe(document.querySelector('.react-flow__nodes'), {
    subtree: true, childList: true, characterData: true,
  });
})()`;

/** Ids of task nodes wholly inside the canvas, in document order, at most `count`. */
export async function nodesOnScreen(page: Page, count: number): Promise<number[]> {
  return (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const ids = [];
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      if (box.left >= pane.left && box.right <= pane.right - 220 && box.top >= pane.top && box.bottom <= pane.bottom)
        ids.push(Number(node.dataset.id));
    }
    return ids.slice(0, ${count});
  })()`)) as number[];
}
