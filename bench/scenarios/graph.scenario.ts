// Whole-graph export with get_task_graph, as JSON and as Mermaid, with max_nodes high enough
// for the whole project. Few runs: each one walks every task and edge.
import { GRAPH_NODE_LIMITS } from '../../src/shared/operations/graph.ops.ts';
import type { MeasureOptions } from '../timing.ts';
import type { BenchContext } from './bench-context.ts';

const GRAPH_RUNS: MeasureOptions = { warmup: 2, iterations: 30, budgetMs: 6_000, minIterations: 5 };

export async function runGraphScenarios(bench: BenchContext): Promise<void> {
  const input = { project_id: bench.projectId, max_nodes: GRAPH_NODE_LIMITS.max };
  let nodes = 0;
  let edges = 0;
  await bench.record(
    'get_task_graph (json, whole project)',
    'bulk',
    async () => {
      const graph = await bench.call('get_task_graph', { ...input, format: 'json' });
      nodes = graph.node_count;
      edges = graph.edge_count;
    },
    GRAPH_RUNS,
  );
  let characters = 0;
  await bench.record(
    'get_task_graph (mermaid, whole project)',
    'bulk',
    async () => {
      const graph = await bench.call('get_task_graph', { ...input, format: 'mermaid' });
      characters = typeof graph.graph === 'string' ? graph.graph.length : 0;
    },
    GRAPH_RUNS,
  );
  bench.note(
    `get_task_graph exported ${nodes.toLocaleString('en')} nodes and ${edges.toLocaleString('en')} edges; the Mermaid text is ${characters.toLocaleString('en')} characters.`,
  );
}
