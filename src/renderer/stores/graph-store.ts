// One zustand store per graph view, built from typed slices: the server's data, the person's
// view of it, and the edit history. Components read it with narrow selectors (use-graph.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createGraphDataSlice, type GraphDataSlice } from './graph-data-slice.ts';
import { createGraphHistorySlice, type GraphHistorySlice } from './graph-history-slice.ts';
import { createGraphViewSlice, type GraphViewSlice } from './graph-view-slice.ts';

export type GraphState = GraphDataSlice & GraphViewSlice & GraphHistorySlice;
export type GraphStore = StoreApi<GraphState>;

export function createGraphStore(): GraphStore {
  return createStore<GraphState>()((...args) => ({
    ...createGraphDataSlice(...args),
    ...createGraphViewSlice(...args),
    ...createGraphHistorySlice(...args),
  }));
}
