// The layout operations, bound to the layout service.
import type { FeatureBinding } from '../handlers.ts';
import { LayoutService } from './layout.service.ts';

export const layoutHandlers: FeatureBinding<'layout'> = ({ store, emit, projects }) => {
  const layout = new LayoutService(store, emit, projects);
  return {
    set_task_positions: (args, context) => layout.setPositions(args, context),
  };
};
