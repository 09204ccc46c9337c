// Which status moves the inspector offers: legal ones only, less those an unfinished
// prerequisite blocks, and for a task in review less completed and in progress (approve/reject).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offeredMoves } from '../../../src/renderer/features/inspector/status-moves.ts';
import { canTransition } from '../../../src/shared/tasks/status-machine.ts';
import { TASK_STATUSES } from '../../../src/shared/tasks/task-fields.ts';

const done = { id: 1, title: 'Done', status: 'completed' } as const;
const open = { id: 2, title: 'Open', status: 'in_progress' } as const;

describe('offered status moves', () => {
  it('offers only moves the status machine allows, from every status', () => {
    for (const from of TASK_STATUSES)
      for (const to of offeredMoves(from, []).moves)
        assert.ok(canTransition(from, to), `${from} → ${to}`);
  });

  it('offers a pending task with completed prerequisites every legal move', () => {
    assert.deepEqual(offeredMoves('pending', [done]), {
      moves: ['in_progress', 'completed', 'blocked', 'cancelled'],
      review: false,
      waitingOn: [],
    });
  });

  it('holds back starting and completing while a prerequisite is unfinished, and names it', () => {
    const offer = offeredMoves('pending', [done, open]);
    assert.deepEqual(offer.moves, ['blocked', 'cancelled']);
    assert.deepEqual(offer.waitingOn, [open]);
  });

  it('offers approve and reject for a task in review instead of completed and in progress', () => {
    assert.deepEqual(offeredMoves('review', []), {
      moves: ['failed', 'cancelled'],
      review: true,
      waitingOn: [],
    });
  });
});
