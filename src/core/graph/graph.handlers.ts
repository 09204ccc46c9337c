// The whole-graph operations, bound to the graph service.
import type { FeatureBinding } from '../handlers.ts';
import { GraphService } from './graph.service.ts';

export const graphHandlers: FeatureBinding<'graph'> = ({ store, projects }) => {
  const graphs = new GraphService(store, projects);
  return {
    get_ready_tasks: (args, context) => graphs.ready(args, context),
    get_execution_order: (args, context) => graphs.order(args, context),
    get_critical_path: (args, context) => graphs.criticalPath(args, context),
    get_task_graph: (args, context) => graphs.export(args, context),
  };
};
