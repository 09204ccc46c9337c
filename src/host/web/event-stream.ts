// GET /api/events: the event feed as Server-Sent Events, one `event` message per event-log entry.
// A reconnecting browser sends Last-Event-ID and first receives what it missed, from the log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Orchestrator } from '../../core/orchestrator.ts';
import type { OrchestronEvent } from '../../shared/operations/events.ops.ts';
import { WEB_ACTOR } from './call-dispatch.ts';
import { writeHead } from './http-replies.ts';

/** Proxies and idle timers drop silent connections; a comment line every 20 s keeps it open. */
const KEEP_ALIVE_MS = 20_000;
/** The largest page list_events serves. */
const REPLAY_PAGE = 500;

export interface EventStream {
  close(): void;
}

function lastEventId(request: IncomingMessage): number | null {
  const header = request.headers['last-event-id'];
  const id = Number(header);
  return typeof header === 'string' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

async function replay(
  orchestrator: Orchestrator,
  afterId: number,
  send: (event: OrchestronEvent) => void,
): Promise<void> {
  for (let after = afterId; ;) {
    const page = await orchestrator.call(
      'list_events',
      { after_id: after, limit: REPLAY_PAGE },
      { actor: WEB_ACTOR },
    );
    for (const event of page.events) send(event);
    if (page.events.length < REPLAY_PAGE) return;
    after = page.next_after_id;
  }
}

/** Starts streaming; the stream ends itself when the client goes away. */
export function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  orchestrator: Orchestrator,
): EventStream {
  writeHead(response, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  let sentUpTo = lastEventId(request) ?? 0;
  const send = (event: OrchestronEvent) => {
    if (event.id <= sentUpTo || response.writableEnded) return;
    sentUpTo = event.id;
    response.write(`id: ${event.id}\ndata: ${JSON.stringify({ type: 'event', event })}\n\n`);
  };
  let backlog: OrchestronEvent[] | null = lastEventId(request) === null ? null : [];
  const unsubscribe = orchestrator.subscribe((event) =>
    backlog ? backlog.push(event) : send(event),
  );
  response.write(': connected\n\n');
  if (backlog) {
    replay(orchestrator, sentUpTo, send)
      .catch((error: unknown) =>
        console.error('orchestron web: replaying missed events failed:', error),
      )
      .finally(() => {
        for (const event of backlog ?? []) send(event);
        backlog = null;
      });
  }
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const close = () => {
    clearInterval(keepAlive);
    unsubscribe();
    if (!response.writableEnded) response.end();
  };
  response.once('close', close);
  return { close };
}
