// The dependency the server refused, drawn where the person dropped it: a dashed red line with
// the server's message (naming the cycle) on it, until dismissed or the next edit.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GraphFlowEdge } from './graph-nodes.ts';
import { useGraphModel } from './use-graph.ts';

function RefusedEdgeView(props: EdgeProps<GraphFlowEdge>) {
  const model = useGraphModel();
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <>
      <BaseEdge id={props.id} path={path} className="graph-edge--refused" />
      <EdgeLabelRenderer>
        <div
          className="refused-edge nodrag nopan"
          role="alert"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          <strong>Not added.</strong> {props.data?.message}
          <button
            type="button"
            className="button--quiet"
            onClick={() => model.store.getState().setRefused(null)}
          >
            Dismiss
          </button>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const RefusedEdge = memo(RefusedEdgeView);
