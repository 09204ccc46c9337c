// Test helpers for the protocol's WebSocket: open a socket with any Origin and Host (as a hostile
// page or a DNS-rebinding attack would), read its messages in order, and see how it was closed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { startWebServer, type WebServer } from '../../../src/host/web/web-server.ts';
import type { CoreMessage } from '../../../src/shared/protocol/messages.ts';

/** A real core on a temp database behind a real server, which a test may stop and start again. */
export interface SocketFixture {
  orchestrator: Orchestrator;
  databasePath: string;
  server: WebServer;
  url: string;
  /** Stops the server (every socket closes) and starts a new one on the same port. */
  stop(): Promise<void>;
  start(token?: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function startSocketFixture(): Promise<SocketFixture> {
  const folder = mkdtempSync(join(tmpdir(), 'orchestron-ws-'));
  const databasePath = join(folder, 'test.db');
  const orchestrator = new Orchestrator({ databasePath, checkOutputs: true, watchIntervalMs: 20 });
  const rendererDir = join(folder, 'renderer');
  const fixture: SocketFixture = {
    orchestrator,
    databasePath,
    server: await startWebServer({ orchestrator, port: 0, rendererDir }),
    url: '',
    stop: () => fixture.server.close(),
    async start(token) {
      const port = Number(new URL(fixture.url).port);
      fixture.server = await startWebServer({ orchestrator, port, rendererDir, token });
    },
    async dispose() {
      await fixture.server.close();
      orchestrator.dispose();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  fixture.url = fixture.server.url;
  return fixture;
}

export interface Refused {
  status: number;
  body: string;
}

export class Conversation {
  readonly socket: WebSocket;
  /** How the server closed the socket. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly inbox: CoreMessage[] = [];
  private readonly waiting: ((message: CoreMessage) => void)[] = [];

  constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as CoreMessage;
      const waiter = this.waiting.shift();
      if (waiter) waiter(message);
      else this.inbox.push(message);
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message from the server (fails the test if none comes within 5 s). */
  next(): Promise<CoreMessage> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('No message from the server in 5 s.')),
        5_000,
      );
      this.waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }

  /** The next message that is not an event (events may arrive between answers). */
  async answer(): Promise<CoreMessage> {
    for (;;) {
      const message = await this.next();
      if (message.type !== 'event') return message;
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** Opens a socket to /api/socket; rejects with the HTTP answer when the upgrade is refused. */
export function openSocket(
  url: string,
  headers: { origin?: string; host?: string } = {},
  path = '/api/socket',
): Promise<Conversation> {
  const target = new URL(path, url);
  target.protocol = 'ws:';
  const socket = new WebSocket(target, {
    ...(headers.origin ? { origin: headers.origin } : {}),
    ...(headers.host ? { headers: { host: headers.host } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(new Conversation(socket)));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => reject({ status: response.statusCode ?? 0, body } as Refused));
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Opens a socket from the page's own origin and says hello with the token. */
export async function greet(url: string, token: string, lastEventId = 0): Promise<Conversation> {
  const conversation = await openSocket(url, { origin: new URL(url).origin });
  conversation.send({ type: 'hello', protocol: 1, token, last_event_id: lastEventId });
  const ready = await conversation.next();
  if (ready.type !== 'ready') throw new Error(`Expected ready, got ${JSON.stringify(ready)}`);
  return conversation;
}
