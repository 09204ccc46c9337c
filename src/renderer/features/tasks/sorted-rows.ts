// Rows kept in id order, as list_tasks returns them: found by binary search, and changed by
// copying the array so that every untouched row keeps its identity (and its memoised view).

interface HasId {
  id: number;
}

/** The index of the row with this id, or -(insertion point) - 1 when there is none. */
export function searchById(rows: readonly HasId[], id: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = rows[middle]!.id;
    if (found === id) return middle;
    if (found < id) low = middle + 1;
    else high = middle - 1;
  }
  return -low - 1;
}

/** The rows with `row` in its place; the same array when a row with its id is already there. */
export function insertRow<T extends HasId>(rows: readonly T[], row: T): readonly T[] {
  const index = searchById(rows, row.id);
  if (index >= 0) return rows;
  const at = -index - 1;
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

export function removeRow<T extends HasId>(rows: readonly T[], id: number): readonly T[] {
  const index = searchById(rows, id);
  return index < 0 ? rows : [...rows.slice(0, index), ...rows.slice(index + 1)];
}

/** The rows with the one of this id replaced by `change(row)`; the same array when nothing changed. */
export function updateRow<T extends HasId>(
  rows: readonly T[],
  id: number,
  change: (row: T) => T,
): readonly T[] {
  const index = searchById(rows, id);
  if (index < 0) return rows;
  const next = change(rows[index]!);
  if (next === rows[index]) return rows;
  const copy = [...rows];
  copy[index] = next;
  return copy;
}

/** Sorted ids with one more (or the same list when it is already there). */
export function withId(ids: readonly number[], id: number): number[] {
  if (ids.includes(id)) return [...ids];
  return [...ids, id].sort((a, b) => a - b);
}
