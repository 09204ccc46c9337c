// The undo and redo stacks of graph edits, and whether an undo or redo is under way (one at a
// time: each is several API calls, and the next must see the ids the last one made).
import type { StateCreator } from 'zustand/vanilla';
import type { GraphEdit } from '../features/graph/graph-edits.ts';
import { emptyHistory, recorded, type History } from '../features/graph/undo-stack.ts';
import type { GraphState } from './graph-store.ts';

export interface GraphHistorySlice {
  history: History<GraphEdit>;
  historyBusy: boolean;
  record(edit: GraphEdit): void;
  setHistory(history: History<GraphEdit>): void;
  setHistoryBusy(busy: boolean): void;
}

export const createGraphHistorySlice: StateCreator<GraphState, [], [], GraphHistorySlice> = (
  set,
) => ({
  history: emptyHistory(),
  historyBusy: false,
  record: (edit) => set((state) => ({ history: recorded(state.history, edit) })),
  setHistory: (history) => set({ history }),
  setHistoryBusy: (historyBusy) => set({ historyBusy }),
});
