// When the core process stops unexpectedly: start it again after a growing pause, and give up
// once it has crashed too often in a short while (a broken database or a bad build would only
// crash again). Pure: the caller keeps the crash times and acts on the decision.
import type { CoreStatus } from '../shared/desktop/desktop-bridge.ts';

export interface SupervisionPolicy {
  /** The first restart waits this long; each further crash in the window doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Give up on the crash that makes this many inside `windowMs`. */
  maxCrashes: number;
  windowMs: number;
}

/** Five crashes in a minute: a transient fault is over by then, a persistent one is not. */
export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 8_000,
  maxCrashes: 5,
  windowMs: 60_000,
};

export interface CoreExit {
  /** The exit code, or null when a signal or a crash ended it. */
  code: number | null;
  /** When it ended, in epoch ms. */
  at: number;
  /** The last line it wrote to stderr, if any: the best clue to why. */
  lastError?: string;
}

export type SupervisionDecision =
  | { action: 'restart'; delayMs: number; crashes: number[]; status: CoreStatus }
  | { action: 'give-up'; crashes: number[]; status: CoreStatus };

function reasonOf(exit: CoreExit): string {
  const how = exit.code === null ? 'crashed' : `exited with code ${exit.code}`;
  return exit.lastError ? `the core ${how}: ${exit.lastError}` : `the core ${how}`;
}

/** Decides what follows an unexpected exit, given the earlier crash times (epoch ms). */
export function afterCoreExit(
  exit: CoreExit,
  earlierCrashes: readonly number[],
  policy: SupervisionPolicy = DEFAULT_SUPERVISION,
): SupervisionDecision {
  const crashes = [...earlierCrashes.filter((at) => exit.at - at < policy.windowMs), exit.at];
  const reason = reasonOf(exit);
  if (crashes.length >= policy.maxCrashes) {
    const minutes = Math.round(policy.windowMs / 60_000);
    return {
      action: 'give-up',
      crashes,
      status: {
        state: 'failed',
        message: `The Orchestron core stopped ${crashes.length} times in ${minutes} minute${minutes === 1 ? '' : 's'} (last: ${reason}). Quit and start Orchestron again; if it keeps failing, run \`orchestron serve\` in a terminal to see the error.`,
      },
    };
  }
  const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (crashes.length - 1));
  return {
    action: 'restart',
    delayMs,
    crashes,
    status: { state: 'restarting', attempt: crashes.length, delayMs, reason },
  };
}
