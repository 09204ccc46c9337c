// React access to the graph view's model: one model per mounted view, its store read with
// narrow selectors (a component re-renders only when what it selected changed).
import { createContext, useContext, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useClient } from '../../client/client-context.tsx';
import type { GraphState } from '../../stores/graph-store.ts';
import { GraphModel } from './graph-model.ts';

export const GraphModelContext = createContext<GraphModel | null>(null);

export function useGraphModelFor(projectRef: string | null): GraphModel {
  const client = useClient();
  const model = useMemo(() => new GraphModel(client, projectRef), [client, projectRef]);
  useEffect(() => model.start(), [model]);
  return model;
}

export function useGraphModel(): GraphModel {
  const model = useContext(GraphModelContext);
  if (!model) throw new Error('The graph components need a <GraphModelContext> above them.');
  return model;
}

/** One value of the graph's state; it must be a primitive or a kept reference. */
export function useGraph<T>(select: (state: GraphState) => T): T {
  return useStore(useGraphModel().store, select);
}

/** Several values at once, compared one by one. */
export function useGraphShallow<T extends object>(select: (state: GraphState) => T): T {
  return useStore(useGraphModel().store, useShallow(select));
}
