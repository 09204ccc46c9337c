// What the claims tests share: a clock the test moves, a core on it, and the agents.
import type { Clock } from '../../../src/core/call-context.ts';
import { agent, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

/** A clock that stands still until the test moves it. */
export class FakeClock implements Clock {
  private at: number;

  constructor(start = '2026-03-02T14:00:00.000Z') {
    this.at = Date.parse(start);
  }

  now(): string {
    return new Date(this.at).toISOString();
  }

  advance(minutes: number): void {
    this.at += minutes * 60_000;
  }
}

export const claude = agent('claude');
export const codex = agent('codex');
export const alice = { kind: 'cli', name: 'alice' } as const;

export function openClaimsCore(): { core: TestCore; clock: FakeClock } {
  const clock = new FakeClock();
  return { core: openTestCore({ clock }), clock };
}

/** Events of these types, oldest first. */
export function eventsOf(core: TestCore, ...types: string[]) {
  const rows = core.orchestrator.store.db
    .prepare('SELECT type, actor, task_id, before, after FROM events ORDER BY id')
    .all() as {
    type: string;
    actor: string;
    task_id: number | null;
    before: string;
    after: string;
  }[];
  return rows
    .filter((row) => types.includes(row.type))
    .map((row) => ({
      ...row,
      before: JSON.parse(row.before ?? 'null') as Record<string, unknown> | null,
      after: JSON.parse(row.after ?? 'null') as Record<string, unknown> | null,
    }));
}
