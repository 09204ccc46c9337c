// OrchestronClient for browser mode: calls go as POST /api/call, events arrive over one
// shared event feed on /api/events (which replays what was missed after a reconnect).
import type { ClientCapabilities } from '../../shared/client.ts';
import { AppError, ERROR_CODES, type ErrorCode, type FixHint } from '../../shared/errors.ts';
import type { OrchestronEvent } from '../../shared/operations/events.ops.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../shared/operations/registry.ts';
import { shellCapabilities } from './capabilities.ts';
import { EventFeed } from './event-feed.ts';
import type { FeedStatus, RendererClient } from './feed-status.ts';

/** The largest page list_events serves, for catching up after the feed was closed. */
const CATCH_UP_PAGE = 500;

type EventListener = (event: OrchestronEvent) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns the server's { error } reply into the AppError every client rejects with. */
function replyError(body: unknown, status: number): AppError {
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
  const code = isErrorCode(error['code']) ? error['code'] : 'INTERNAL';
  const message =
    typeof error['message'] === 'string'
      ? error['message']
      : `The Orchestron server answered with HTTP ${status} and no explanation.`;
  const details = isRecord(error['details']) ? error['details'] : undefined;
  const appError = new AppError(code, message, details, hintsOf(error['hints']));
  if (typeof error['operation'] === 'string') appError.operation = error['operation'];
  return appError;
}

/** The well-formed fix hints of an error reply; anything else is left out. */
function hintsOf(value: unknown): FixHint[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (hint): hint is FixHint =>
      isRecord(hint) &&
      typeof hint['action'] === 'string' &&
      typeof hint['operation'] === 'string' &&
      isRecord(hint['input']),
  );
}

export class HttpClient implements RendererClient {
  readonly capabilities: ClientCapabilities = shellCapabilities();
  private readonly listeners = new Set<EventListener>();
  private readonly events: EventFeed;
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
    this.events = new EventFeed(
      new URL('/api/events', baseUrl),
      (afterId) => this.eventsAfter(afterId),
      (event) => {
        for (const listener of this.listeners) listener(event);
      },
    );
  }

  get feed(): FeedStatus {
    return this.events;
  }

  async call<N extends OperationName>(
    name: N,
    input: OperationInput<N>,
  ): Promise<OperationOutput<N>> {
    let response: Response;
    try {
      response = await fetch(new URL('/api/call', this.baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, input }),
      });
    } catch {
      throw new AppError(
        'TIMEOUT',
        'Cannot reach the Orchestron server. Check that `orchestron serve` is still running, then retry.',
      );
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok && isRecord(body) && 'result' in body)
      return body['result'] as OperationOutput<N>;
    throw replyError(body, response.status);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    this.events.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.events.close();
    };
  }

  private async eventsAfter(afterId: number): Promise<OrchestronEvent[]> {
    const events: OrchestronEvent[] = [];
    for (let after = afterId; ;) {
      const page = await this.call('list_events', { after_id: after, limit: CATCH_UP_PAGE });
      events.push(...page.events);
      if (page.events.length < CATCH_UP_PAGE) return events;
      after = page.next_after_id;
    }
  }
}

export function createHttpClient(baseUrl: string = window.location.href): RendererClient {
  return new HttpClient(baseUrl);
}
