// Text renderings of a task graph: Mermaid flowcharts (with a class per status) and Graphviz DOT.
// Edges point from prerequisite to dependent, the direction work flows.
import type { DependencyEdge, GraphNode } from './graph-types.ts';

const STATUS_STYLES: Record<string, { fill: string; stroke: string }> = {
  pending: { fill: '#f4f4f5', stroke: '#71717a' },
  in_progress: { fill: '#dbeafe', stroke: '#2563eb' },
  needs_input: { fill: '#fef3c7', stroke: '#d97706' },
  review: { fill: '#ede9fe', stroke: '#7c3aed' },
  completed: { fill: '#dcfce7', stroke: '#16a34a' },
  failed: { fill: '#fee2e2', stroke: '#dc2626' },
  cancelled: { fill: '#e5e7eb', stroke: '#6b7280' },
  blocked: { fill: '#ffedd5', stroke: '#ea580c' },
};

const label = (node: GraphNode) => `#${node.id} ${node.title}`;

export function toMermaid(nodes: readonly GraphNode[], edges: readonly DependencyEdge[]): string {
  const lines = ['flowchart TD'];
  for (const [status, style] of Object.entries(STATUS_STYLES)) {
    lines.push(`  classDef ${status} fill:${style.fill},stroke:${style.stroke}`);
  }
  for (const node of nodes) {
    const text = label(node).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
    lines.push(`  t${node.id}["${text}"]:::${node.status}`);
  }
  for (const edge of edges) lines.push(`  t${edge.depends_on} --> t${edge.task_id}`);
  return lines.join('\n') + '\n';
}

export function toDot(nodes: readonly GraphNode[], edges: readonly DependencyEdge[]): string {
  const quote = (value: string) =>
    `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const lines = ['digraph tasks {', '  rankdir=LR;', '  node [shape=box, style="rounded,filled"];'];
  for (const node of nodes) {
    const style = STATUS_STYLES[node.status] ?? STATUS_STYLES['pending']!;
    lines.push(
      `  t${node.id} [label=${quote(label(node))}, fillcolor=${quote(style.fill)}, color=${quote(style.stroke)}, tooltip=${quote(node.status)}];`,
    );
  }
  for (const edge of edges) lines.push(`  t${edge.depends_on} -> t${edge.task_id};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
