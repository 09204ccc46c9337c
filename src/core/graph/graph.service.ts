// Whole-project graph queries: the ready set, execution waves, critical path and exports.
import { AppError } from '../../shared/errors.ts';
import { toDot, toMermaid } from '../../shared/graph/graph-render.ts';
import type { DependencyEdge } from '../../shared/graph/graph-types.ts';
import { criticalPath, topologicalWaves } from '../../shared/graph/topology.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { ProjectService } from '../projects/project.service.ts';
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

  ready(input: OperationArgs<'get_ready_tasks'>): OperationOutput<'get_ready_tasks'> {
    const project = this.projects.resolve(input.project_id);
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

  order(input: OperationArgs<'get_execution_order'>): OperationOutput<'get_execution_order'> {
    const { nodes, edges } = this.load(input.project_id, input.include_completed);
    return { waves: topologicalWaves(nodes, edges), task_count: nodes.length };
  }

  criticalPath(input: OperationArgs<'get_critical_path'>): OperationOutput<'get_critical_path'> {
    const { nodes, edges } = this.load(input.project_id, input.include_completed);
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

  export(input: OperationArgs<'get_task_graph'>): OperationOutput<'get_task_graph'> {
    let { nodes, edges } = this.load(input.project_id, input.include_completed);
    if (input.task_id !== undefined)
      ({ nodes, edges } = this.neighbourhood(input.task_id, nodes, edges));
    if (nodes.length > input.max_nodes) {
      throw new AppError(
        'LIMIT',
        `The graph has ${nodes.length} tasks, more than max_nodes (${input.max_nodes}). Pass task_id to export one task's neighbourhood, include_completed: false, or a larger max_nodes.`,
        { node_count: nodes.length, max_nodes: input.max_nodes },
      );
    }
    const base = { format: input.format, node_count: nodes.length, edge_count: edges.length };
    if (input.format === 'mermaid') return { ...base, graph: toMermaid(nodes, edges) };
    if (input.format === 'dot') return { ...base, graph: toDot(nodes, edges) };
    return {
      ...base,
      graph: {
        nodes: nodes.map((node) => ({
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
        })),
        edges,
      },
    };
  }

  private load(projectRef: number | string | undefined, includeCompleted: boolean): ProjectGraph {
    const project = this.projects.resolve(projectRef);
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
        `Task ${taskId} is not in this project's graph (check project_id and include_completed).`,
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
