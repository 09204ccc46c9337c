// A local HTTP server speaking the wire format of OpenAI's chat completions and Anthropic's
// Messages API, so the real SDKs can be pointed at it. Each test sets how it answers and reads
// back the requests it received.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export type Reply =
  | { status: number; json: unknown }
  | { status: number; text: string }
  /** Never answers: the client's timeout has to end it. */
  | { hang: true };

export interface FakeModelServer {
  url: string;
  received: ReceivedRequest[];
  /** Sets the answers, one per request in turn; the last repeats. */
  answer(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startFakeModelServer(): Promise<FakeModelServer> {
  const received: ReceivedRequest[] = [];
  let replies: Reply[] = [{ status: 500, json: { error: { message: 'no answer set' } } }];
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
      if ('hang' in reply) return;
      const body = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (...next) => void (replies = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A chat completion whose message is `content`. */
export function openAiCompletion(content: string, finish = 'stop') {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_780_000_000,
    model: 'local-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: finish,
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
  };
}

/** A Messages API answer: a forced tool call with `input`, or a text block. */
export function anthropicMessage(answer: { input: unknown } | { text: string }) {
  const block =
    'input' in answer
      ? { type: 'tool_use', id: 'toolu_test', name: 'submit_subtasks', input: answer.input }
      : { type: 'text', text: answer.text };
  return {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: 'claude-test',
    content: [block],
    stop_reason: 'input' in answer ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 150, output_tokens: 90 },
  };
}
