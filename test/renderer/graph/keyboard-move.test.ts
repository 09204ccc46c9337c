// Moving selected nodes with the arrow keys: the step of each key, presses of a held key as one
// move from where the tasks were, a new move when the selection changed, and nothing to save
// when the tasks ended where they began.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  arrowOffset,
  BIG_STEP,
  finishMove,
  isArrowKey,
  pressArrow,
  shownPositions,
  STEP,
  type KeyPress,
} from '../../../src/renderer/features/graph/keyboard-move.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});

const placed = new Map<number, { x: number; y: number } | null>([
  [1, { x: 100, y: 40 }],
  [2, { x: -60, y: 300 }],
  [3, null],
]);
const positionOf = (id: number) => placed.get(id);

describe('arrow keys', () => {
  it('move 20 px a press and 100 px with Shift, in the arrow direction', () => {
    assert.equal(STEP, 20);
    assert.equal(BIG_STEP, 100);
    assert.deepEqual(arrowOffset(press('ArrowRight')), { dx: 20, dy: 0 });
    assert.deepEqual(arrowOffset(press('ArrowLeft')), { dx: -20, dy: 0 });
    assert.deepEqual(arrowOffset(press('ArrowUp')), { dx: 0, dy: -20 });
    assert.deepEqual(arrowOffset(press('ArrowDown')), { dx: 0, dy: 20 });
    assert.deepEqual(arrowOffset(press('ArrowDown', { shiftKey: true })), { dx: 0, dy: 100 });
    assert.deepEqual(arrowOffset(press('ArrowLeft', { shiftKey: true })), { dx: -100, dy: 0 });
  });

  it('leave other keys and arrows with Ctrl, Cmd or Alt alone', () => {
    assert.equal(arrowOffset(press('a')), null);
    assert.equal(arrowOffset(press('Delete')), null);
    assert.equal(arrowOffset(press('ArrowUp', { ctrlKey: true })), null);
    assert.equal(arrowOffset(press('ArrowUp', { metaKey: true })), null);
    assert.equal(arrowOffset(press('ArrowUp', { altKey: true })), null);
    assert.equal(isArrowKey('ArrowUp'), true);
    assert.equal(isArrowKey('toString'), false);
  });
});

describe('a keyboard move', () => {
  it('starts from where the selected tasks are; an unplaced task from 0,0', () => {
    const { move, finished } = pressArrow(null, [1, 3], positionOf, { dx: 20, dy: 0 });
    assert.equal(finished, null);
    assert.deepEqual(move, {
      before: [
        { task_id: 1, x: 100, y: 40 },
        { task_id: 3, x: 0, y: 0 },
      ],
      after: [
        { task_id: 1, x: 120, y: 40 },
        { task_id: 3, x: 20, y: 0 },
      ],
    });
    assert.deepEqual(
      shownPositions(move!),
      new Map([
        [1, { x: 120, y: 40 }],
        [3, { x: 20, y: 0 }],
      ]),
    );
  });

  it('adds up the presses of the same selection into one move, from the first position', () => {
    let move = pressArrow(null, [1, 2], positionOf, { dx: 20, dy: 0 }).move;
    move = pressArrow(move, [1, 2], positionOf, { dx: 20, dy: 0 }).move;
    const last = pressArrow(move, [1, 2], positionOf, { dx: 0, dy: 100 });
    assert.equal(last.finished, null);
    assert.deepEqual(last.move!.before, [
      { task_id: 1, x: 100, y: 40 },
      { task_id: 2, x: -60, y: 300 },
    ]);
    assert.deepEqual(last.move!.after, [
      { task_id: 1, x: 140, y: 140 },
      { task_id: 2, x: -20, y: 400 },
    ]);
    assert.deepEqual(finishMove(last.move), last.move);
  });

  it('hands back the earlier move to save when the selection changed in the middle', () => {
    const first = pressArrow(null, [1], positionOf, { dx: 20, dy: 0 }).move;
    const next = pressArrow(first, [2], positionOf, { dx: 0, dy: -20 });
    assert.deepEqual(next.finished, first);
    assert.deepEqual(next.move, {
      before: [{ task_id: 2, x: -60, y: 300 }],
      after: [{ task_id: 2, x: -60, y: 280 }],
    });
  });

  it('rounds to whole pixels, as a drag does', () => {
    const { move } = pressArrow(null, [7], () => ({ x: 10.4, y: -3.6 }), { dx: 20, dy: 0 });
    assert.deepEqual(move!.after, [{ task_id: 7, x: 30, y: -4 }]);
  });

  it('has nothing to save with no selection, or back where it began', () => {
    assert.deepEqual(pressArrow(null, [], positionOf, { dx: 20, dy: 0 }), {
      move: null,
      finished: null,
    });
    assert.equal(finishMove(null), null);
    let move = pressArrow(null, [1], positionOf, { dx: 20, dy: 0 }).move;
    move = pressArrow(move, [1], positionOf, { dx: -20, dy: 0 }).move;
    assert.equal(finishMove(move), null);
  });
});
