// The overview drawn on a <canvas> over the pane while the graph is seen from far out. It never
// takes the pointer (pan, zoom, clicks and double-clicks reach the pane underneath, where the
// graph canvas hit-tests the scene).
import { Panel } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { drawOverview } from './overview-draw.ts';
import type { OverviewScene } from './overview-scene.ts';
import { fitBackingStore, useCanvasPaint, type Paint } from './use-canvas-paint.ts';

export function OverviewCanvas({ scene }: { scene: OverviewScene }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const paint = useCallback<Paint>(
    (ctx, palette, { transform, width, height }, canvas) => {
      const pixelRatio = fitBackingStore(canvas, width, height);
      const shown = drawOverview(ctx, scene, { transform, width, height, pixelRatio }, palette);
      // what the page shows, for tests and the bench to read
      canvas.dataset['tasks'] = String(shown);
    },
    [scene],
  );
  useCanvasPaint(canvasRef, paint);

  return (
    <>
      <canvas
        ref={canvasRef}
        className="graph-overview"
        role="img"
        aria-label={`Overview of ${scene.nodes.length} tasks. Zoom in to read and edit them, or press Ctrl+K to find one.`}
      />
      <Panel position="top-right" className="graph-overview__hint">
        Overview: click a task to select it, double-click to zoom in on it.
      </Panel>
    </>
  );
}
