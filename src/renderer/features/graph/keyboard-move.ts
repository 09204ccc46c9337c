// Moving the selected nodes with the arrow keys: 20 px a press, 100 px with Shift. The presses
// of a held key (it repeats) make one move, saved and recorded for undo when the key is let go,
// as a drag is on drop: one call to the API and one undo step, not one per repeat.
import type { Position } from './graph-edits.ts';

export const STEP = 20;
export const BIG_STEP = 100;

export interface Offset {
  dx: number;
  dy: number;
}

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** A move under way: where the tasks were when it began and where they are now. */
export interface KeyboardMove {
  before: Position[];
  after: Position[];
}

const DIRECTIONS: Readonly<Record<string, Offset>> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

export function isArrowKey(key: string): boolean {
  return Object.hasOwn(DIRECTIONS, key);
}

/**
 * How far one press moves the selection, or null when it is not a plain arrow (Shift allowed):
 * Ctrl, Cmd and Alt with an arrow are left to the browser and the system.
 */
export function arrowOffset(press: KeyPress): Offset | null {
  if (press.ctrlKey || press.metaKey || press.altKey || !isArrowKey(press.key)) return null;
  const direction = DIRECTIONS[press.key]!;
  const step = press.shiftKey ? BIG_STEP : STEP;
  return { dx: direction.dx * step, dy: direction.dy * step };
}

function sameTasks(move: KeyboardMove, ids: readonly number[]): boolean {
  return (
    move.before.length === ids.length && move.before.every((p, index) => p.task_id === ids[index])
  );
}

/**
 * One press: continues the move under way when it is of the same tasks, else starts one from
 * where the tasks are (`positionOf`; a task not placed yet sits at 0,0, as on the canvas). When
 * the selection changed in the middle, the earlier move is handed back as `finished` to save.
 */
export function pressArrow(
  current: KeyboardMove | null,
  ids: readonly number[],
  positionOf: (id: number) => { x: number; y: number } | null | undefined,
  offset: Offset,
): { move: KeyboardMove | null; finished: KeyboardMove | null } {
  const continuing = current !== null && sameTasks(current, ids);
  const finished = continuing ? null : finishMove(current);
  if (ids.length === 0) return { move: null, finished };
  const start: KeyboardMove = continuing
    ? current
    : {
        before: ids.map((task_id) => {
          const { x, y } = positionOf(task_id) ?? { x: 0, y: 0 };
          return { task_id, x, y };
        }),
        after: [],
      };
  const from = continuing ? current.after : start.before;
  const after = from.map((p) => ({
    task_id: p.task_id,
    x: Math.round(p.x + offset.dx),
    y: Math.round(p.y + offset.dy),
  }));
  return { move: { before: start.before, after }, finished };
}

/** The move to save when the keys are let go; null when nothing is under way or it ended where it began. */
export function finishMove(move: KeyboardMove | null): KeyboardMove | null {
  if (!move || move.after.length === 0) return null;
  const moved = move.after.some((p, index) => {
    const was = move.before[index]!;
    return p.x !== was.x || p.y !== was.y;
  });
  return moved ? move : null;
}

/** The positions shown while the move is under way, over the saved ones. */
export function shownPositions(move: KeyboardMove): Map<number, { x: number; y: number }> {
  return new Map(move.after.map(({ task_id, x, y }) => [task_id, { x, y }]));
}
