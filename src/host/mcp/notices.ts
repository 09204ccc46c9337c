// Tells an agent, on the result of its next call, that notifications wait for it ("your lease on
// #12 expired"): clients drop server push, so the answer to a call is the one place it is seen.
// One query on the unread-by-recipient index per call, skipped while nothing at all has happened
// since the last check found none (every notification is written with an event).
import type { CallOptions } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { isOperationName } from '../../shared/operations/registry.ts';
import { clip } from '../../shared/text/excerpt.ts';

/** Enough to say "10+" without reading a long backlog. */
const PEEK = 10;
const SHOWN = 2;

export interface Notice {
  /** One line for the text content. */
  text: string;
  /** For the result's _meta. */
  meta: { unread: number; more: boolean; ids: number[] };
}

/** The notice for `agent`'s unread notifications, or null when there are none. */
export async function unreadNotice(
  core: Orchestrator,
  agent: string,
  options: CallOptions,
): Promise<Notice | null> {
  const { notifications } = await core.call(
    'list_notifications',
    { recipient: agent, unread_only: true, limit: PEEK },
    options,
  );
  if (notifications.length === 0) return null;
  const more = notifications.length === PEEK;
  const count = `${notifications.length}${more ? '+' : ''}`;
  const shown = notifications.slice(0, SHOWN).map(({ message }) => clip(message, 120));
  const rest = notifications.length > SHOWN ? ' …' : '';
  const tool = isOperationName('get_notifications') ? 'get_notifications' : 'list_notifications';
  const noun = notifications.length === 1 ? 'notice' : 'notices';
  return {
    text: `${count} ${noun}: ${shown.join('; ')}${rest}; call ${tool} to read them.`,
    meta: { unread: notifications.length, more, ids: notifications.map((item) => item.id) },
  };
}

/**
 * Checks for notices once per change of the event log: while its last id is the one seen when
 * `agent` had none, none can have arrived, and the check costs one primary-key lookup.
 */
export class NoticeCheck {
  private quiet: { agent: string; lastEvent: number } | null = null;

  async next(core: Orchestrator, agent: string, options: CallOptions): Promise<Notice | null> {
    // read before the query, so an event committed meanwhile is checked next time
    const lastEvent = core.store.events.lastId();
    if (this.quiet?.agent === agent && this.quiet.lastEvent === lastEvent) return null;
    const notice = await unreadNotice(core, agent, options);
    this.quiet = notice === null ? { agent, lastEvent } : null;
    return notice;
  }
}
