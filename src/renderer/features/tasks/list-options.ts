// The list's sort and filters, kept while the person switches to the graph and back.
import { create } from 'zustand';
import { DEFAULT_OPTIONS, type ListOptions } from './list-view.ts';

interface ListOptionsState {
  options: ListOptions;
  change(patch: Partial<ListOptions>): void;
}

export const useListOptions = create<ListOptionsState>()((set) => ({
  options: DEFAULT_OPTIONS,
  change: (patch) => set((state) => ({ options: { ...state.options, ...patch } })),
}));
