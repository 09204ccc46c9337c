// The minimap in the canvas's corner: the whole graph at a glance with the part on screen
// outlined. Press or drag in it to bring that part of the graph to the middle of the canvas, at
// the same zoom.
import { Panel, useReactFlow } from '@xyflow/react';
import { useCallback, useRef, type PointerEvent } from 'react';
import { drawMinimap } from './minimap-draw.ts';
import { flowPointAt, minimapBounds, minimapFrame, type MinimapFrame } from './minimap-frame.ts';
import { viewRect, type OverviewNode } from './overview-scene.ts';
import { fitBackingStore, useCanvasPaint, type Paint } from './use-canvas-paint.ts';

const SIZE = { width: 200, height: 150 } as const;

export function MinimapCanvas({ nodes }: { nodes: readonly OverviewNode[] }) {
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // the frame of the last paint, so a press lands where the person saw the graph
  const frame = useRef<MinimapFrame | null>(null);
  const dragging = useRef(false);

  const paint = useCallback<Paint>(
    (ctx, palette, { transform, width, height }, canvas) => {
      const pixelRatio = fitBackingStore(canvas, SIZE.width, SIZE.height);
      const view = viewRect(transform, width, height);
      frame.current = minimapFrame(minimapBounds(nodes, view), SIZE.width, SIZE.height);
      drawMinimap(ctx, nodes, view, { ...SIZE, pixelRatio }, frame.current, palette);
    },
    [nodes],
  );
  useCanvasPaint(canvasRef, paint);

  const centreOn = useCallback(
    (event: PointerEvent<HTMLCanvasElement>) => {
      if (!frame.current) return;
      const box = event.currentTarget.getBoundingClientRect();
      const point = flowPointAt(frame.current, {
        x: event.clientX - box.left,
        y: event.clientY - box.top,
      });
      void flow.setCenter(point.x, point.y, { zoom: flow.getZoom() });
    },
    [flow],
  );

  return (
    <Panel position="bottom-right" className="graph-minimap">
      <canvas
        ref={canvasRef}
        style={SIZE}
        role="img"
        aria-label="Overview of the graph: press or drag to move the view"
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          centreOn(event);
        }}
        onPointerMove={(event) => dragging.current && centreOn(event)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      />
    </Panel>
  );
}
