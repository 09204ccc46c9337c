// The plain shapes graph algorithms work on: nodes by id and "task depends on prerequisite" edges.

export interface DependencyEdge {
  task_id: number;
  depends_on: number;
}

export interface GraphNode {
  id: number;
  title: string;
  status: string;
  estimated_hours?: number | null;
}
