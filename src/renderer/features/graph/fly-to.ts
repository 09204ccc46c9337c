// Animated moves of the view onto a point (a task found with the palette, one double-clicked on
// the overview). A move that starts on the overview keeps it until it lands: switching to nodes
// on the way would mount the hundreds on screen just above the overview zoom, stalling the
// animation, only to drop them a few frames later.
import type { ReactFlowInstance } from '@xyflow/react';
import type { GraphStore } from '../../stores/graph-store.ts';
import { isOverview } from './overview-scene.ts';

type Flow = Pick<ReactFlowInstance, 'getZoom' | 'setCenter'>;

/** Resolves once landed (or, should the animation be cut short by a drag, soon after). */
export async function flyTo(
  flow: Flow,
  store: GraphStore,
  centre: { x: number; y: number },
  zoom: number,
  durationMs = 300,
): Promise<void> {
  const fromOverview = isOverview(flow.getZoom());
  if (fromOverview) store.getState().setFlying(true);
  try {
    // an interrupted animation never reports its end: do not wait for it for ever
    const cutShort = new Promise((resolve) => setTimeout(resolve, durationMs + 150));
    await Promise.race([
      flow.setCenter(centre.x, centre.y, { zoom, duration: durationMs }),
      cutShort,
    ]);
  } finally {
    if (fromOverview) store.getState().setFlying(false);
  }
}
