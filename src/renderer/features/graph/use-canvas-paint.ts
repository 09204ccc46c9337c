// Paints a <canvas> from React Flow's viewport: at most once a frame, when the view moves or the
// pane changes size, when `paint` changes (new data to show), and when the system switches
// between light and dark (the palette is read again from the page's CSS variables).
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import { readPalette, type OverviewPalette } from './overview-draw.ts';

export interface PaneView {
  transform: [number, number, number];
  /** The pane in CSS pixels. */
  width: number;
  height: number;
}

export type Paint = (
  ctx: CanvasRenderingContext2D,
  palette: OverviewPalette,
  pane: PaneView,
  canvas: HTMLCanvasElement,
) => void;

export function useCanvasPaint(canvasRef: RefObject<HTMLCanvasElement | null>, paint: Paint) {
  const store = useStoreApi();
  const current = useRef(paint);
  const repaint = useRef(() => {});

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // read when first painted (styles are computed for that frame anyway), again on a theme change
    let palette: OverviewPalette | null = null;
    let frame = 0;
    const draw = () => {
      frame = 0;
      palette ??= readPalette(canvas);
      const { transform, width, height } = store.getState();
      current.current(ctx, palette, { transform, width, height }, canvas);
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
  }, [canvasRef, store]);

  useEffect(() => {
    current.current = paint;
    repaint.current();
  }, [paint]);
}

/** Sizes the canvas's backing store to `width` × `height` CSS pixels at the screen's density. */
export function fitBackingStore(canvas: HTMLCanvasElement, width: number, height: number): number {
  const pixelRatio = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(width * pixelRatio);
  const pixelHeight = Math.round(height * pixelRatio);
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  return pixelRatio;
}
