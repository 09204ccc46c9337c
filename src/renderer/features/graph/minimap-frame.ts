// Where the minimap draws the graph: the bounds of every task and the view, fitted into its box,
// and the flow point under a press. Pure geometry, no DOM.
import type { FlowRect, OverviewNode } from './overview-scene.ts';

/** How the graph's flow space maps into the minimap box. */
export interface MinimapFrame {
  /** Minimap pixels per flow unit. */
  scale: number;
  /** The flow point drawn at the box's top-left corner. */
  origin: { x: number; y: number };
}

const PADDING_PX = 6;

/** The smallest rectangle holding every node and the view. */
export function minimapBounds(nodes: readonly OverviewNode[], view: FlowRect): FlowRect {
  let left = view.x;
  let top = view.y;
  let right = view.x + view.width;
  let bottom = view.y + view.height;
  for (const node of nodes) {
    left = Math.min(left, node.x);
    top = Math.min(top, node.y);
    right = Math.max(right, node.x + node.width);
    bottom = Math.max(bottom, node.y + node.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Fits `bounds` in a box of `width` × `height` pixels, centred, keeping its proportions. */
export function minimapFrame(bounds: FlowRect, width: number, height: number): MinimapFrame {
  const scale = Math.min(
    (width - 2 * PADDING_PX) / Math.max(bounds.width, 1),
    (height - 2 * PADDING_PX) / Math.max(bounds.height, 1),
  );
  return {
    scale,
    origin: {
      x: bounds.x - (width / scale - bounds.width) / 2,
      y: bounds.y - (height / scale - bounds.height) / 2,
    },
  };
}

/** The flow point under a minimap point (pixels from its top-left corner). */
export function flowPointAt(frame: MinimapFrame, point: { x: number; y: number }) {
  return { x: frame.origin.x + point.x / frame.scale, y: frame.origin.y + point.y / frame.scale };
}
