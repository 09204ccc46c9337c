// Restarting the core after a crash: a growing pause, giving up after too many crashes in a
// minute, and what the window is told each time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterCoreExit, DEFAULT_SUPERVISION } from '../../src/main/core-supervision.ts';

test('the first crash restarts after half a second and tells the window it is reconnecting', () => {
  const decision = afterCoreExit({ code: 1, at: 10_000, lastError: 'SQLITE_CORRUPT' }, []);
  assert.equal(decision.action, 'restart');
  assert.deepEqual(decision.status, {
    state: 'restarting',
    attempt: 1,
    delayMs: 500,
    reason: 'the core exited with code 1: SQLITE_CORRUPT',
  });
  assert.deepEqual(decision.crashes, [10_000]);
});

test('each further crash inside the window doubles the pause, up to the cap', () => {
  const policy = { ...DEFAULT_SUPERVISION, maxCrashes: 10, maxDelayMs: 3_000 };
  let crashes: number[] = [];
  const delays: number[] = [];
  for (let at = 1; at <= 5; at += 1) {
    const decision = afterCoreExit({ code: null, at: at * 1_000 }, crashes, policy);
    assert.equal(decision.action, 'restart');
    if (decision.action === 'restart') delays.push(decision.delayMs);
    crashes = decision.crashes;
  }
  assert.deepEqual(delays, [500, 1_000, 2_000, 3_000, 3_000]);
});

test('the fifth crash within a minute gives up and says what to do', () => {
  const decision = afterCoreExit({ code: null, at: 50_000 }, [10_000, 20_000, 30_000, 40_000]);
  assert.equal(decision.action, 'give-up');
  assert.equal(decision.status.state, 'failed');
  assert.match(
    decision.status.state === 'failed' ? decision.status.message : '',
    /stopped 5 times in 1 minute \(last: the core crashed\)\. Quit and start Orchestron again.*orchestron serve/,
  );
});

test('crashes older than the window are forgotten: a rare crash always restarts quickly', () => {
  const decision = afterCoreExit({ code: 3, at: 200_000 }, [1_000, 2_000, 3_000, 4_000]);
  assert.equal(decision.action, 'restart');
  assert.deepEqual(decision.crashes, [200_000]);
  assert.equal(decision.action === 'restart' ? decision.delayMs : 0, 500);
});
