// The graph view's tables: load and layout times, frames per second while panning, and a rename
// in another process until the node shows it, each with the aim beside it.
import type { FrameStats } from '../scenarios/ui-page.ts';
import type { PanResult, UiResult, UiSizeResult } from '../scenarios/ui.scenario.ts';
import { formatCount, formatMs, formatTable } from './text-table.ts';

export const UI_TITLE =
  'Graph view in Chromium (headless, software rendering) against `orchestron serve`';

/** The aims: 2,000 tasks laid out in under 1.5 s, panning at 50 fps or more. */
export const UI_AIMS = { laidOutMs: 1_500, laidOutSize: 2_000, panFps: 50 } as const;

const ms = (value: number | null) => (value === null ? '–' : `${formatMs(value)} ms`);
const fps = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

function loadRows(sizes: readonly UiSizeResult[]): string[][] {
  return sizes.map((size) => [
    formatCount(size.size),
    `${formatCount(size.edges)} / ${size.layers}`,
    ms(size.firstNodesMs),
    ms(size.laidOutMs),
    size.size >= UI_AIMS.laidOutSize ? `< ${formatCount(UI_AIMS.laidOutMs)} ms` : '',
    ms(size.reopenNodesMs),
    ms(size.relayoutMs),
  ]);
}

function panRow(size: number, view: string, pan: PanResult | null): string[] {
  if (!pan) return [formatCount(size), view, '–', '–', '–', '–', '–', '–', ''];
  return [
    formatCount(size),
    view,
    pan.zoom.toFixed(2),
    pan.drawn > 0 ? `${formatCount(pan.drawn)} on canvas` : `${formatCount(pan.rendered)} nodes`,
    fps(pan.medianFps),
    fps(pan.meanFps),
    ms(pan.worstFrameMs),
    `${pan.slowFrames} of ${pan.frames}`,
    `≥ ${UI_AIMS.panFps} fps`,
  ];
}

function zoomRow(size: number, how: string, stats: FrameStats | null): string[] {
  if (!stats) return [formatCount(size), how, '–', '–', '–', '–'];
  return [
    formatCount(size),
    how,
    String(stats.frames),
    fps(stats.medianFps),
    ms(stats.worstFrameMs),
    String(stats.slowFrames),
  ];
}

function repaintRow(size: UiSizeResult): string[] {
  const stats = size.repaint;
  return [
    formatCount(size.size),
    String(size.writes),
    stats ? ms(stats.p50) : '–',
    stats ? ms(stats.p95) : '–',
    stats ? ms(stats.max) : '–',
    String(size.missed),
  ];
}

export function printUi(result: UiResult): string {
  if (result.problem) return result.problem;
  const load = formatTable(
    [
      'Tasks',
      'Edges / phases',
      'First node',
      'Laid out',
      'Aim',
      'Reopened (saved)',
      'Auto-layout (L)',
    ],
    loadRows(result.sizes),
    ['right', 'right', 'right', 'right', 'left', 'right', 'right'],
  );
  const pan = formatTable(
    [
      'Tasks',
      'Panning',
      'Zoom',
      'Tasks drawn',
      'Median fps',
      'Mean fps',
      'Worst frame',
      'Frames > 20 ms',
      'Aim',
    ],
    result.sizes.flatMap((size) => [
      panRow(size.size, 'fit view (whole graph)', size.panAll),
      panRow(size.size, 'zoom 1 (a screenful)', size.panClose),
    ]),
    ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  const wheel = formatTable(
    ['Tasks', 'Zooming in', 'Frames', 'Median fps', 'Worst frame', 'Frames > 20 ms'],
    result.sizes.flatMap((size) => [
      zoomRow(size.size, 'mouse wheel, fit view to 1', size.wheelIn),
      zoomRow(size.size, 'Ctrl+K to a task (flight)', size.flight),
    ]),
    ['right', 'left', 'right', 'right', 'right', 'right'],
  );
  const repaint = formatTable(
    ['Tasks', 'Renames', 'p50', 'p95', 'Max', 'Missed'],
    result.sizes.map(repaintRow),
    ['right', 'right', 'right', 'right', 'right', 'right'],
  );
  const problems = result.sizes.flatMap((size) =>
    size.problems.map((problem) => `- ${formatCount(size.size)} tasks: ${problem}`),
  );
  return [
    'First open (no saved positions), ms from navigation start: first task painted (a node, or the',
    'far-out overview); laid out = the layout done (ELK up to 300 tasks, the layered layout above),',
    'positions saved by the server and painted. Reopened: the same page opened again with positions',
    'saved. Auto-layout (L): the button pressed until the positions are saved.',
    '',
    load,
    '',
    'Dragging the canvas for 2 s (requestAnimationFrame sampled in the page):',
    '',
    pan,
    '',
    'Zooming in from the whole graph to zoom 1, with the mouse wheel or by finding a task with',
    'Ctrl+K (the overview gives way to task nodes at 50 %, or on landing; the worst frame is that):',
    '',
    wheel,
    '',
    `A rename written by a second Orchestrator in another process until the node shows it (page`,
    `clock against the writer's, same machine; the server polls the file every ${result.serverPollMs} ms):`,
    '',
    repaint,
    ...(problems.length > 0 ? ['', 'Problems:', ...problems] : []),
  ].join('\n');
}

export function listUiMisses(result: UiResult): string[] {
  const misses: string[] = [];
  for (const size of result.sizes) {
    const laidOut = size.laidOutMs;
    if (size.size >= UI_AIMS.laidOutSize && laidOut === null)
      misses.push(`graph view: ${formatCount(size.size)} tasks: the layout did not finish`);
    else if (size.size >= UI_AIMS.laidOutSize && laidOut !== null && laidOut >= UI_AIMS.laidOutMs)
      misses.push(
        `graph view: ${formatCount(size.size)} tasks laid out in ${formatMs(laidOut)} ms, aim < ${formatCount(UI_AIMS.laidOutMs)} ms (${(laidOut / UI_AIMS.laidOutMs).toFixed(1)}× over)`,
      );
    for (const [view, pan] of [
      ['fit view', size.panAll],
      ['zoom 1', size.panClose],
    ] as const) {
      if (pan && pan.medianFps < UI_AIMS.panFps)
        misses.push(
          `graph view: panning ${formatCount(size.size)} tasks at ${view}: median ${fps(pan.medianFps)} fps, aim ≥ ${UI_AIMS.panFps} fps`,
        );
    }
  }
  return misses;
}
