// The client protocol over a real WebSocket of a real web server: calls and their errors, who is
// let in (Host, Origin, token), malformed messages answered without the server falling over,
// and the same-origin endpoint that hands the page its token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProtocolSession } from '../../../src/host/protocol/protocol-session.ts';
import { CLOSE_CODES } from '../../../src/shared/protocol/close-codes.ts';
import type { CoreMessage } from '../../../src/shared/protocol/messages.ts';
import { rawRequest } from './web-test-kit.ts';
import {
  greet,
  openSocket,
  startSocketFixture,
  type Refused,
  type SocketFixture,
} from './ws-test-kit.ts';

let fixture: SocketFixture;
before(async () => {
  fixture = await startSocketFixture();
});
after(() => fixture.dispose());

function errorOf(message: CoreMessage) {
  assert.equal(message.type, 'error', `expected an error, got ${JSON.stringify(message)}`);
  return message as Extract<CoreMessage, { type: 'error' }>;
}

/** Proves the server still serves: a fresh, well-behaved socket gets an answer. */
async function stillServes(): Promise<void> {
  const conversation = await greet(fixture.url, fixture.server.token);
  conversation.send({ type: 'call', id: 1, name: 'list_projects', input: {} });
  assert.equal((await conversation.answer()).type, 'result');
  conversation.close();
}

describe('calls over the socket', () => {
  it('answers a call with a result carrying its id, recorded as the web person', async () => {
    const conversation = await greet(fixture.url, fixture.server.token);
    conversation.send({
      type: 'call',
      id: 7,
      name: 'create_task',
      input: { title: 'Over a socket' },
    });
    const answer = await conversation.answer();
    assert.equal(answer.type, 'result');
    assert.equal((answer as { id: number }).id, 7);
    const { task } = (answer as { output: { task: { title: string; created_by: string } } }).output;
    assert.equal(task.title, 'Over a socket');
    assert.equal(task.created_by, 'human:web');
    conversation.close();
  });

  it('answers failed calls with an error carrying the id and the AppError payload', async () => {
    const conversation = await greet(fixture.url, fixture.server.token);
    conversation.send({ type: 'call', id: 1, name: 'create_task', input: { title: '  ' } });
    const invalid = errorOf(await conversation.answer());
    assert.equal(invalid.id, 1);
    assert.equal(invalid.error.code, 'VALIDATION');
    assert.match(invalid.error.message, /title must not be empty/);
    assert.equal(invalid.error.operation, 'create_task');

    conversation.send({ type: 'call', id: 2, name: 'drop_database', input: {} });
    const unknown = errorOf(await conversation.answer());
    assert.equal(unknown.id, 2);
    assert.equal(unknown.error.code, 'NOT_FOUND');
    assert.match(unknown.error.message, /No operation "drop_database"/);

    conversation.send({ type: 'call', id: 3, name: 'get_task', input: { task_id: 4242 } });
    const missing = errorOf(await conversation.answer());
    assert.equal(missing.error.code, 'NOT_FOUND');
    assert.ok(Array.isArray(missing.error.hints), 'the fix hints travel with the error');
    conversation.close();
  });

  it('answers catch_up with a page of the event log', async () => {
    const conversation = await greet(fixture.url, fixture.server.token);
    conversation.send({ type: 'catch_up', id: 5, after_id: 0 });
    const answer = await conversation.answer();
    assert.equal(answer.type, 'caught_up');
    const page = answer as Extract<CoreMessage, { type: 'caught_up' }>;
    assert.equal(page.id, 5);
    assert.ok(page.events.length > 0);
    assert.equal(page.more, false);
    assert.equal(page.next_after_id, page.events.at(-1)!.id);
    conversation.close();
  });
});

describe('malformed messages after the hello', () => {
  const cases: [string, unknown, RegExp, number | null][] = [
    ['text that is not JSON', '{"type": "call",', /not valid JSON/, null],
    [
      'an unknown type',
      { type: 'subscribe', id: 1 },
      /"type" must be one of "hello", "call", "catch_up"/,
      1,
    ],
    ['a call without a name', { type: 'call', id: 2, input: {} }, /"name" must be a string/, 2],
    [
      'a call with an unknown field',
      { type: 'call', id: 3, name: 'list_tasks', extra: 1 },
      /unknown fields "extra"/,
      3,
    ],
    [
      'a negative id',
      { type: 'call', id: -1, name: 'list_tasks' },
      /"id" must be at least 0/,
      null,
    ],
    ['a JSON array', [1, 2], /the message must be an object/, null],
    ['a second hello', { type: 'hello', last_event_id: 0 }, /already said hello/, null],
  ];
  for (const [what, message, pattern, id] of cases) {
    it(`answers ${what} with a VALIDATION error and keeps serving`, async () => {
      const conversation = await greet(fixture.url, fixture.server.token);
      conversation.send(message);
      const refusal = errorOf(await conversation.answer());
      assert.equal(refusal.error.code, 'VALIDATION');
      assert.match(refusal.error.message, pattern);
      assert.equal(refusal.id, id);
      conversation.send({ type: 'call', id: 9, name: 'list_projects', input: {} });
      assert.equal((await conversation.answer()).type, 'result', 'the same socket still answers');
      conversation.close();
    });
  }

  it('answers a binary frame with a VALIDATION error', async () => {
    const conversation = await greet(fixture.url, fixture.server.token);
    conversation.socket.send(Buffer.from([1, 2, 3]));
    assert.match(errorOf(await conversation.answer()).error.message, /JSON text frames/);
    conversation.close();
  });

  it('closes a socket that sends a frame over 5 MB with 1009, and keeps serving', async () => {
    const conversation = await greet(fixture.url, fixture.server.token);
    conversation.send('x'.repeat(5 * 1024 * 1024 + 1));
    assert.equal((await conversation.closed).code, 1009);
    await stillServes();
  });
});

describe('who may connect', () => {
  it('refuses an upgrade from another origin with 403 and the reason', async () => {
    const refused = (await openSocket(fixture.url, { origin: 'https://evil.example' }).catch(
      (error) => error,
    )) as Refused;
    assert.equal(refused.status, 403);
    assert.match(refused.body, /requests from https:\/\/evil\.example are not allowed/);
    await stillServes();
  });

  it('refuses an upgrade naming another Host (DNS rebinding) with 403', async () => {
    const refused = (await openSocket(fixture.url, {
      host: `rebound.example:${new URL(fixture.url).port}`,
    }).catch((error) => error)) as Refused;
    assert.equal(refused.status, 403);
    assert.match(refused.body, /answers only to 127\.0\.0\.1/);
  });

  it('refuses an upgrade on another path with 404', async () => {
    const refused = (await openSocket(fixture.url, {}, '/api/other').catch(
      (error) => error,
    )) as Refused;
    assert.equal(refused.status, 404);
    assert.match(refused.body, /use \/api\/socket/);
  });

  const closes: [string, unknown, number, RegExp][] = [
    [
      'a hello without a token',
      { type: 'hello', last_event_id: 0 },
      CLOSE_CODES.unauthorized,
      /No token/,
    ],
    [
      'a hello with the wrong token',
      { type: 'hello', last_event_id: 0, token: 'guess' },
      CLOSE_CODES.unauthorized,
      /Wrong token/,
    ],
    [
      'a call before any hello',
      { type: 'call', id: 1, name: 'list_tasks', input: {} },
      CLOSE_CODES.unauthorized,
      /Send hello/,
    ],
    [
      'a malformed hello',
      { type: 'hello', last_event_id: 'latest' },
      CLOSE_CODES.badHello,
      /Bad hello: "last_event_id" must be a number/,
    ],
    ['text that is not JSON first', 'hello?', CLOSE_CODES.badHello, /not valid JSON/],
  ];
  for (const [what, message, code, reason] of closes) {
    it(`closes a socket that sends ${what} with ${code} and a reason, and keeps serving`, async () => {
      const conversation = await openSocket(fixture.url, { origin: new URL(fixture.url).origin });
      conversation.send(message);
      const closed = await conversation.closed;
      assert.equal(closed.code, code);
      assert.match(closed.reason, reason);
      await stillServes();
    });
  }

  it('closes a connection that says nothing within the hello timeout with 4408', async () => {
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const session = new ProtocolSession({
        orchestrator: fixture.orchestrator,
        actor: 'human:web',
        token: 'secret',
        helloTimeoutMs: 20,
        send: () => assert.fail('nothing is sent to a silent client'),
        close: (code, reason) => resolve({ code, reason }),
      });
      void session;
    });
    assert.equal(closed.code, CLOSE_CODES.helloTimeout);
    assert.match(closed.reason, /No hello/);
  });

  it('lets a local tool without an Origin in with the token', async () => {
    const conversation = await openSocket(fixture.url);
    conversation.send({ type: 'hello', last_event_id: 0, token: fixture.server.token });
    assert.equal((await conversation.next()).type, 'ready');
    conversation.close();
  });

  it('uses a new random token at every start', async () => {
    const other = await startSocketFixture();
    assert.notEqual(other.server.token, fixture.server.token);
    assert.match(fixture.server.token, /^[A-Za-z0-9_-]{43}$/);
    await other.dispose();
  });
});

describe('GET /api/session', () => {
  it('gives the page of this origin its token and socket', async () => {
    const response = await fetch(new URL('/api/session', fixture.url));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), {
      token: fixture.server.token,
      socket: '/api/socket',
      protocol: 1,
    });
  });

  it('refuses another origin, another site and another Host', async () => {
    const host = `127.0.0.1:${new URL(fixture.url).port}`;
    const refusals: Record<string, string>[] = [
      { origin: 'https://evil.example', host },
      { 'sec-fetch-site': 'cross-site', host },
      { 'sec-fetch-site': 'same-site', host },
      { host: 'evil.example' },
    ];
    for (const headers of refusals) {
      const response = await rawRequest(fixture.url, { path: '/api/session', headers });
      assert.equal(response.status, 403, JSON.stringify(headers));
      assert.doesNotMatch(response.body, new RegExp(fixture.server.token));
    }
  });

  it('answers another method with 405', async () => {
    const response = await fetch(new URL('/api/session', fixture.url), { method: 'POST' });
    assert.equal(response.status, 405);
  });
});
