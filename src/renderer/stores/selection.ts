// The task the person has selected, shared by the graph, the list and the inspector: one per
// window (each window runs its own renderer bundle), read with narrow selectors.
import { create } from 'zustand';

export interface SelectionState {
  /** The task the inspector shows; null when none is selected. */
  selectedTaskId: number | null;
  select(taskId: number | null): void;
}

export const useSelection = create<SelectionState>()((set) => ({
  selectedTaskId: null,
  select: (taskId) => set({ selectedTaskId: taskId }),
}));
