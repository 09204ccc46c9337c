// The overview drawn on a <canvas> over the pane while the graph is seen from far out. It never
// takes the pointer (pan, zoom, clicks and double-clicks reach the pane underneath, where the
// graph canvas hit-tests the scene), and it repaints at most once a frame: when the viewport
// moves, the scene changes, or the system switches between light and dark.
import { Panel, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { drawOverview, readPalette, type OverviewPalette } from './overview-draw.ts';
import type { OverviewScene } from './overview-scene.ts';

export function OverviewCanvas({ scene }: { scene: OverviewScene }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const shown = useRef(scene);
  const repaint = useRef(() => {});

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // read when first drawn (styles are computed for the frame then anyway), again on a theme change
    let palette: OverviewPalette | null = null;
    let frame = 0;
    const draw = () => {
      frame = 0;
      palette ??= readPalette(canvas);
      const { transform, width, height } = store.getState();
      const pixelRatio = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * pixelRatio);
      const pixelHeight = Math.round(height * pixelRatio);
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
      }
      const view = { transform, width, height, pixelRatio };
      // what the page shows, for tests and the bench to read
      canvas.dataset['tasks'] = String(drawOverview(ctx, shown.current, view, palette));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    repaint.current = schedule;
    schedule();
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      )
        schedule();
    });
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const rethemed = () => {
      palette = null;
      schedule();
    };
    scheme.addEventListener('change', rethemed);
    return () => {
      unsubscribe();
      scheme.removeEventListener('change', rethemed);
      if (frame !== 0) cancelAnimationFrame(frame);
      repaint.current = () => {};
    };
  }, [store]);

  useEffect(() => {
    shown.current = scene;
    repaint.current();
  }, [scene]);

  return (
    <>
      <canvas
        ref={canvasRef}
        className="graph-overview"
        role="img"
        aria-label={`Overview of ${scene.nodes.length} tasks. Zoom in to read and edit them, or press Ctrl+K to find one.`}
      />
      <Panel position="top-center" className="graph-overview__hint">
        Overview: click a task to select it, double-click to zoom in on it.
      </Panel>
    </>
  );
}
