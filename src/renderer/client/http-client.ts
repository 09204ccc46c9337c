// OrchestronClient for browser mode: calls go as POST /api/call, events arrive over one
// shared EventSource on /api/events (which replays what was missed after a reconnect).
import type { ClientCapabilities, OrchestronClient } from '../../shared/client.ts';
import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/errors.ts';
import type { OrchestronEvent } from '../../shared/operations/events.ops.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../shared/operations/registry.ts';
import { shellCapabilities } from './capabilities.ts';

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
  return new AppError(code, message, isRecord(error['details']) ? error['details'] : undefined);
}

export class HttpClient implements OrchestronClient {
  readonly capabilities: ClientCapabilities = shellCapabilities();
  private readonly listeners = new Set<EventListener>();
  private source: EventSource | null = null;
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
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
    this.source ??= this.openSource();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.source?.close();
      this.source = null;
    };
  }

  private openSource(): EventSource {
    const source = new EventSource(new URL('/api/events', this.baseUrl));
    source.onmessage = (message: MessageEvent<string>) => {
      const data: unknown = JSON.parse(message.data);
      if (!isRecord(data) || data['type'] !== 'event' || !isRecord(data['event'])) return;
      const event = data['event'] as OrchestronEvent;
      for (const listener of this.listeners) listener(event);
    };
    return source;
  }
}

export function createHttpClient(baseUrl: string = window.location.href): OrchestronClient {
  return new HttpClient(baseUrl);
}
