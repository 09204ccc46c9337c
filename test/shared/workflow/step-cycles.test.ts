// Cycles among step ids: each found once, in dependency order, and worded step by step.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCycle, findStepCycles } from '../../../src/shared/workflow/step-cycles.ts';

describe('findStepCycles', () => {
  test('finds nothing in a diamond', () => {
    const steps = [
      { id: 'a', depends_on: [] },
      { id: 'b', depends_on: ['a'] },
      { id: 'c', depends_on: ['a'] },
      { id: 'd', depends_on: ['b', 'c'] },
    ];
    assert.deepEqual(findStepCycles(steps), []);
  });

  test('finds each cycle once, a self-dependency included, and ignores unknown ids', () => {
    const steps = [
      { id: 'a', depends_on: ['b', 'ghost'] },
      { id: 'b', depends_on: ['c'] },
      { id: 'c', depends_on: ['a'] },
      { id: 'd', depends_on: ['d'] },
    ];
    assert.deepEqual(findStepCycles(steps), [
      ['a', 'b', 'c', 'a'],
      ['d', 'd'],
    ]);
  });

  test('handles a chain of 500 steps without running out of stack', () => {
    const steps = Array.from({ length: 500 }, (_, index) => ({
      id: `s${index}`,
      depends_on: index === 0 ? ['s499'] : [`s${index - 1}`],
    }));
    const [cycle] = findStepCycles(steps);
    assert.equal(cycle!.length, 501);
  });
});

describe('describeCycle', () => {
  test('words a cycle step by step', () => {
    assert.equal(describeCycle(['a', 'b', 'a']), '"a" depends on "b" and "b" on "a"');
    assert.equal(
      describeCycle(['a', 'b', 'c', 'a']),
      '"a" depends on "b", "b" on "c", and "c" on "a"',
    );
    assert.equal(describeCycle(['a', 'a']), '"a" depends on itself');
  });
});
