// Whole-project graph queries: the ready set, execution waves, critical path and exports.
import { AppError, placeholder } from '../../shared/errors.ts';
import { GRAPH_NODE_LIMITS } from '../../shared/operations/graph.ops.ts';
import { toDot, toMermaid } from '../../shared/graph/graph-render.ts';
import type { DependencyEdge } from '../../shared/graph/graph-types.ts';
import { criticalPath, topologicalWaves } from '../../shared/graph/topology.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import type { ProjectService } from '../projects/project.service.ts';
import { Work, type Steps } from '../work.ts';
import type { Store } from '../store/store.ts';
import type { GraphNodeRecord } from '../store/task-rows.ts';
import { decodeCursor, encodeCursor } from '../tasks/cursor.ts';
import { isReady, isWaitingOnFailed, toCompactTasks } from '../tasks/task-view.ts';

interface ProjectGraph {
  nodes: GraphNodeRecord[];
  edges: DependencyEdge[];
}

const isOpen = (node: GraphNodeRecord) =>
  node.status !== 'completed' && node.status !== 'cancelled';

export class GraphService {
  private readonly store: Store;
  private readonly projects: ProjectService;

  constructor(store: Store, projects: ProjectService) {
    this.store = store;
    this.projects = projects;
  }

  ready(
    input: OperationArgs<'get_ready_tasks'>,
    context: CallContext,
  ): OperationOutput<'get_ready_tasks'> {
    const project = this.projects.resolve(input.project_id, context);
    const after = input.cursor ? decodeCursor(input.cursor, ['priority', 'id']) : null;
    const records = this.store.taskLists.readyPage(project.id, after, input.limit + 1);
    const page = records.slice(0, input.limit);
    const last = page.at(-1);
    return {
      tasks: toCompactTasks(this.store, page),
      count: this.store.taskLists.readyCount(project.id),
      next_cursor:
        records.length > input.limit && last
          ? encodeCursor({ priority: last.priority, id: last.id })
          : null,
    };
  }

  order(
    input: OperationArgs<'get_execution_order'>,
    context: CallContext,
  ): OperationOutput<'get_execution_order'> {
    const { nodes, edges } = this.load(input.project_id, input.include_completed, context);
    return { waves: topologicalWaves(nodes, edges), task_count: nodes.length };
  }

  criticalPath(
    input: OperationArgs<'get_critical_path'>,
    context: CallContext,
  ): OperationOutput<'get_critical_path'> {
    const { nodes, edges } = this.load(input.project_id, input.include_completed, context);
    const path = criticalPath(nodes, edges);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    return {
      path: path.ids.map((id) => {
        const { title, status, estimated_hours } = byId.get(id)!;
        return { id, title, status, estimated_hours };
      }),
      total_hours: path.totalHours,
    };
  }

  async export(
    input: OperationArgs<'get_task_graph'>,
    context: CallContext,
  ): Promise<OperationOutput<'get_task_graph'>> {
    const work = new Work(context, 'exporting the graph', 3);
    let { nodes, edges } = this.store.read(() =>
      this.load(input.project_id, input.include_completed, context),
    );
    if (input.task_id !== undefined)
      ({ nodes, edges } = this.neighbourhood(input.task_id, nodes, edges));
    if (nodes.length > input.max_nodes) {
      throw new AppError(
        'LIMIT',
        `The graph has ${nodes.length} tasks, more than max_nodes (${input.max_nodes}).`,
        { node_count: nodes.length, max_nodes: input.max_nodes },
        [
          {
            action: "export one task's neighbourhood",
            operation: 'get_task_graph',
            input: { task_id: placeholder('task id') },
          },
          {
            action: 'leave completed tasks out',
            operation: 'get_task_graph',
            input: { include_completed: false },
          },
          {
            action: 'allow them all',
            operation: 'get_task_graph',
            input: { max_nodes: Math.min(nodes.length, GRAPH_NODE_LIMITS.max) },
          },
        ],
      );
    }
    const base = { format: input.format, node_count: nodes.length, edge_count: edges.length };
    return work.run(this.render(input.format, nodes, edges, base));
  }

  private *render(
    format: 'json' | 'mermaid' | 'dot',
    nodes: GraphNodeRecord[],
    edges: DependencyEdge[],
    base: { format: 'json' | 'mermaid' | 'dot'; node_count: number; edge_count: number },
  ): Steps<OperationOutput<'get_task_graph'>> {
    yield 1;
    if (format === 'mermaid') return { ...base, graph: toMermaid(nodes, edges) };
    if (format === 'dot') return { ...base, graph: toDot(nodes, edges) };
    const json = nodes.map((node) => ({
      id: node.id,
      title: node.title,
      status: node.status,
      priority: node.priority,
      parent_id: node.parent_id,
      ready: isReady(node),
      waiting_on_failed: isWaitingOnFailed(node),
      position:
        node.position_x === null || node.position_y === null
          ? null
          : { x: node.position_x, y: node.position_y },
    }));
    yield 2;
    return { ...base, graph: { nodes: json, edges } };
  }

  private load(
    projectRef: number | string | undefined,
    includeCompleted: boolean,
    context: CallContext,
  ): ProjectGraph {
    const project = this.projects.resolve(projectRef, context);
    let nodes = this.store.tasks.graphNodes(project.id);
    let edges = this.store.dependencies.edgesOfProject(project.id);
    if (!includeCompleted) {
      nodes = nodes.filter(isOpen);
      const kept = new Set(nodes.map((node) => node.id));
      edges = edges.filter((edge) => kept.has(edge.task_id) && kept.has(edge.depends_on));
    }
    return { nodes, edges };
  }

  /** The task, everything it depends on and everything that depends on it, transitively. */
  private neighbourhood(
    taskId: number,
    nodes: GraphNodeRecord[],
    edges: DependencyEdge[],
  ): ProjectGraph {
    if (!nodes.some((node) => node.id === taskId)) {
      throw new AppError(
        'NOT_FOUND',
        `Task ${taskId} is not in this project's graph (check the project and include_completed).`,
        {
          task_id: taskId,
        },
      );
    }
    const keep = new Set([taskId]);
    const walk = (from: keyof DependencyEdge, to: keyof DependencyEdge) => {
      const next = new Map<number, number[]>();
      for (const edge of edges) {
        const list = next.get(edge[from]);
        if (list) list.push(edge[to]);
        else next.set(edge[from], [edge[to]]);
      }
      const stack = [taskId];
      while (stack.length > 0) {
        for (const id of next.get(stack.pop()!) ?? []) {
          if (!keep.has(id)) {
            keep.add(id);
            stack.push(id);
          }
        }
      }
    };
    walk('task_id', 'depends_on');
    walk('depends_on', 'task_id');
    return {
      nodes: nodes.filter((node) => keep.has(node.id)),
      edges: edges.filter((edge) => keep.has(edge.task_id) && keep.has(edge.depends_on)),
    };
  }
}
