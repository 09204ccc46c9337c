// What the person is doing with the graph, not part of the data: filters, folded parents,
// highlights, selection, positions while dragging, open dialogs, a flight from the overview, and
// the last error or notice.
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorPayload } from '../../shared/errors.ts';
import { NO_FILTERS, type GraphFilters } from '../features/graph/graph-filters.ts';
import type { RefusedEdge } from '../features/graph/refused-edge.ts';
import type { GraphState } from './graph-store.ts';

/** The inline title input of a task being created, at a canvas point. */
export interface Draft {
  x: number;
  y: number;
}

/** A delete waiting for the person to choose what happens to the dependents. */
export interface PendingDelete {
  ids: number[];
  /** Tasks among `ids` that others depend on. */
  withDependents: number[];
}

export type PaletteMode = 'focus' | 'depend';

export interface GraphViewSlice {
  filters: GraphFilters;
  collapsed: ReadonlySet<number>;
  highlight: { critical: boolean; ready: boolean };
  selected: ReadonlySet<number>;
  /** Positions of nodes being dragged, over their saved ones. */
  dragged: ReadonlyMap<number, { x: number; y: number }>;
  refused: RefusedEdge | null;
  error: ErrorPayload | null;
  notice: string | null;
  palette: PaletteMode | null;
  draft: Draft | null;
  pendingDelete: PendingDelete | null;
  layingOut: boolean;
  /** The view is flying from the overview to a task: the overview stays until it lands. */
  flying: boolean;
  setFilters(filters: Partial<GraphFilters>): void;
  toggleCollapsed(id: number): void;
  expand(ids: Iterable<number>): void;
  toggleHighlight(which: 'critical' | 'ready'): void;
  setSelected(ids: ReadonlySet<number>): void;
  setDragged(dragged: ReadonlyMap<number, { x: number; y: number }>): void;
  setRefused(refused: RefusedEdge | null): void;
  showError(error: ErrorPayload | null): void;
  showNotice(notice: string | null): void;
  openPalette(mode: PaletteMode | null): void;
  setDraft(draft: Draft | null): void;
  setPendingDelete(pending: PendingDelete | null): void;
  setLayingOut(layingOut: boolean): void;
  setFlying(flying: boolean): void;
}

export const createGraphViewSlice: StateCreator<GraphState, [], [], GraphViewSlice> = (set) => ({
  filters: NO_FILTERS,
  collapsed: new Set(),
  highlight: { critical: true, ready: true },
  selected: new Set(),
  dragged: new Map(),
  refused: null,
  error: null,
  notice: null,
  palette: null,
  draft: null,
  pendingDelete: null,
  layingOut: false,
  flying: false,
  setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
  toggleCollapsed: (id) =>
    set((state) => {
      const collapsed = new Set(state.collapsed);
      if (!collapsed.delete(id)) collapsed.add(id);
      return { collapsed };
    }),
  expand: (ids) =>
    set((state) => {
      const collapsed = new Set(state.collapsed);
      for (const id of ids) collapsed.delete(id);
      return collapsed.size === state.collapsed.size ? {} : { collapsed };
    }),
  toggleHighlight: (which) =>
    set((state) => ({ highlight: { ...state.highlight, [which]: !state.highlight[which] } })),
  setSelected: (selected) => set({ selected }),
  setDragged: (dragged) => set({ dragged }),
  setRefused: (refused) => set({ refused }),
  showError: (error) => set({ error }),
  showNotice: (notice) => set({ notice }),
  openPalette: (palette) => set({ palette }),
  setDraft: (draft) => set({ draft }),
  setPendingDelete: (pendingDelete) => set({ pendingDelete }),
  setLayingOut: (layingOut) => set({ layingOut }),
  setFlying: (flying) => set({ flying }),
});
