// When the canvas changes size (the inspector opens beside it, the window shrinks) and the one
// selected task is no longer wholly on screen, the view pans to bring it back, at the same zoom:
// the task a person just clicked never slides under the inspector it opened.
import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';
import type { GraphModel } from './graph-model.ts';
import { NODE_SIZE } from './layout-input.ts';
import { contains, viewRect } from './overview-scene.ts';

export function useKeepSelectedInView(model: GraphModel): void {
  const flow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    const state = model.store.getState();
    if (state.selected.size !== 1 || width === 0 || height === 0) return;
    const [id] = state.selected;
    const position = state.data.tasks.get(id!)?.position;
    if (!position) return;
    const { x, y, zoom } = flow.getViewport();
    if (contains(viewRect([x, y, zoom], width, height), { ...position, ...NODE_SIZE })) return;
    const centre = { x: position.x + NODE_SIZE.width / 2, y: position.y + NODE_SIZE.height / 2 };
    void flow.setCenter(centre.x, centre.y, { zoom, duration: 200 });
  }, [flow, model, width, height]);
}
