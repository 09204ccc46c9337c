// Paints the overview scene on a 2D canvas for one viewport: the dependency curves first (one
// path per kind, so thousands cost a few strokes), then each task on screen as a card tinted by
// its status with a status bar, an outline when selected, critical or ready, a dot for an open
// question, and its label once the card is tall enough to carry one.
import { TASK_STATUSES, type TaskStatus } from '../../../shared/tasks/task-fields.ts';
import { fitLabel, overlaps, viewRect, type OverviewScene } from './overview-scene.ts';

export interface OverviewPalette {
  surface: string;
  border: string;
  text: string;
  accent: string;
  edge: string;
  critical: string;
  ready: string;
  question: string;
  status: Record<TaskStatus, string>;
}

export interface OverviewView {
  transform: readonly [number, number, number];
  /** The pane in CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

/** The palette from the CSS variables in force on `element` (light or dark, as the page is). */
export function readPalette(element: Element): OverviewPalette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const status = {} as Record<TaskStatus, string>;
  for (const name of TASK_STATUSES) status[name] = read(`--status-${name}`, '#98a2b3');
  return {
    surface: read('--surface', '#ffffff'),
    border: read('--border-strong', '#cdd2da'),
    text: read('--text', '#1c2430'),
    accent: read('--accent', '#4f46e5'),
    edge: read('--xy-edge-stroke', '') || read('--xy-edge-stroke-default', '#b1b1b7'),
    critical: '#ef4444',
    ready: '#16a34a',
    question: read('--status-needs_input', '#b45309'),
    status,
  };
}

/** Label text is drawn once a card is at least this tall on screen. */
const LABEL_MIN_HEIGHT = 18;
/** The status bar never gets thinner than this, so the colour reads at any zoom. */
const MIN_BAR_PX = 2;

function drawEdges(
  ctx: CanvasRenderingContext2D,
  scene: OverviewScene,
  critical: boolean,
  colour: string,
  width: number,
): void {
  ctx.beginPath();
  let any = false;
  for (const edge of scene.edges) {
    if (edge.critical !== critical) continue;
    const sx = edge.source.x + edge.source.width;
    const sy = edge.source.y + edge.source.height / 2;
    const tx = edge.target.x;
    const ty = edge.target.y + edge.target.height / 2;
    const bend = Math.max(40, Math.abs(tx - sx) / 2);
    ctx.moveTo(sx, sy);
    ctx.bezierCurveTo(sx + bend, sy, tx - bend, ty, tx, ty);
    any = true;
  }
  if (!any) return;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** Draws `scene` as the viewport shows it; returns how many tasks were on screen. */
export function drawOverview(
  ctx: CanvasRenderingContext2D,
  scene: OverviewScene,
  view: OverviewView,
  palette: OverviewPalette,
): number {
  const { transform, pixelRatio } = view;
  const [panX, panY, zoom] = transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width * pixelRatio, view.height * pixelRatio);
  ctx.setTransform(
    zoom * pixelRatio,
    0,
    0,
    zoom * pixelRatio,
    panX * pixelRatio,
    panY * pixelRatio,
  );
  const onePixel = 1 / zoom;

  drawEdges(ctx, scene, false, palette.edge, onePixel);
  drawEdges(ctx, scene, true, palette.critical, 2.5 * onePixel);

  const shown = viewRect(transform, view.width, view.height);
  const bar = Math.max(5, MIN_BAR_PX * onePixel);
  const labels = scene.nodes.length > 0 && scene.nodes[0]!.height * zoom >= LABEL_MIN_HEIGHT;
  const fontPx = 11;
  const fontFlow = fontPx * onePixel;
  if (labels) {
    ctx.font = `${fontFlow}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
  }
  let onScreen = 0;
  for (const node of scene.nodes) {
    if (!overlaps(node, shown)) continue;
    onScreen++;
    const colour = palette.status[node.status];
    ctx.fillStyle = palette.surface;
    ctx.fillRect(node.x, node.y, node.width, node.height);
    ctx.globalAlpha = 0.22;
    ctx.fillStyle = colour;
    ctx.fillRect(node.x, node.y, node.width, node.height);
    ctx.globalAlpha = 1;
    ctx.fillRect(node.x, node.y, Math.min(bar, node.width / 3), node.height);
    const outline = node.selected
      ? palette.accent
      : node.critical
        ? palette.critical
        : node.ready
          ? palette.ready
          : null;
    ctx.lineWidth = (outline ? 2 : 1) * onePixel;
    ctx.strokeStyle = outline ?? palette.border;
    ctx.strokeRect(node.x, node.y, node.width, node.height);
    if (node.questions > 0) {
      const radius = Math.max(8, 3 * onePixel);
      ctx.beginPath();
      ctx.arc(node.x + node.width - radius, node.y + radius, radius, 0, Math.PI * 2);
      ctx.fillStyle = palette.question;
      ctx.fill();
    }
    if (labels) {
      const room = (node.width - bar) * zoom - 8;
      ctx.fillStyle = palette.text;
      ctx.fillText(
        fitLabel(node.label, Math.floor(room / (fontPx * 0.55))),
        node.x + bar + 4 * onePixel,
        node.y + 4 * onePixel,
      );
    }
  }
  return onScreen;
}
