// The undo and redo stacks of graph edits, pure: an edit done pushes onto the past and clears
// the future; undo moves the newest past edit to the future, redo moves it back. Redoing a
// create or undoing a delete makes tasks with new ids, so the stacks keep a map from the ids
// edits were recorded with to the ids the tasks have now.

/** Older edits are forgotten beyond this: a session of graph editing rarely goes back further. */
export const HISTORY_LIMIT = 100;

export interface History<E> {
  past: readonly E[];
  future: readonly E[];
  /** Recorded id -> the id that task has now (after it was recreated). */
  renamed: ReadonlyMap<number, number>;
}

export function emptyHistory<E>(): History<E> {
  return { past: [], future: [], renamed: new Map() };
}

export function recorded<E>(history: History<E>, edit: E, limit = HISTORY_LIMIT): History<E> {
  return { ...history, past: [...history.past, edit].slice(-limit), future: [] };
}

/** The edit to undo and the stacks once it is undone; null when there is nothing to undo. */
export function takeUndo<E>(history: History<E>): { edit: E; after: History<E> } | null {
  const edit = history.past.at(-1);
  if (edit === undefined) return null;
  return {
    edit,
    after: { ...history, past: history.past.slice(0, -1), future: [...history.future, edit] },
  };
}

export function takeRedo<E>(history: History<E>): { edit: E; after: History<E> } | null {
  const edit = history.future.at(-1);
  if (edit === undefined) return null;
  return {
    edit,
    after: { ...history, past: [...history.past, edit], future: history.future.slice(0, -1) },
  };
}

/** The id a recorded task has now, following every recreation. */
export function currentId(renamed: ReadonlyMap<number, number>, id: number): number {
  let current = id;
  for (let hops = 0; renamed.has(current) && hops < renamed.size; hops++)
    current = renamed.get(current)!;
  return current;
}

/** The map with `from` now known as `to` (recorded ids that led to `from` follow along). */
export function withRenamed(
  renamed: ReadonlyMap<number, number>,
  from: number,
  to: number,
): Map<number, number> {
  const next = new Map(renamed);
  if (from !== to) next.set(from, to);
  return next;
}
