// The minimap: every task as a dot of its status colour, the part the canvas shows outlined and
// the rest dimmed, fitted into a small box. One canvas whatever the size of the graph (React
// Flow's minimap mounts an SVG rectangle and a store subscription per node: thousands, at once).
import type { MinimapFrame } from './minimap-frame.ts';
import type { OverviewPalette } from './overview-draw.ts';
import type { FlowRect, OverviewNode } from './overview-scene.ts';

export function drawMinimap(
  ctx: CanvasRenderingContext2D,
  nodes: readonly OverviewNode[],
  view: FlowRect,
  box: { width: number; height: number; pixelRatio: number },
  frame: MinimapFrame,
  palette: OverviewPalette,
): void {
  const { width, height, pixelRatio } = box;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = palette.surface;
  ctx.fillRect(0, 0, width, height);
  const x = (flowX: number) => (flowX - frame.origin.x) * frame.scale;
  const y = (flowY: number) => (flowY - frame.origin.y) * frame.scale;
  for (const node of nodes) {
    ctx.fillStyle = node.selected ? palette.accent : palette.status[node.status];
    ctx.fillRect(
      x(node.x),
      y(node.y),
      Math.max(1, node.width * frame.scale),
      Math.max(1, node.height * frame.scale),
    );
  }
  // the rest of the graph dimmed around what the canvas shows
  const shown = {
    x: x(view.x),
    y: y(view.y),
    w: view.width * frame.scale,
    h: view.height * frame.scale,
  };
  ctx.beginPath();
  ctx.rect(0, 0, width, height);
  ctx.rect(shown.x, shown.y, shown.w, shown.h);
  ctx.fillStyle = 'rgb(128 128 128 / 28%)';
  ctx.fill('evenodd');
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(shown.x, shown.y, shown.w, shown.h);
}
