// Thousands of random and malformed tool calls, and raw JSON-RPC garbage, over the real socket:
// every call is answered (an isError result or a JSON-RPC error), a failed call changes
// nothing, and the server keeps answering. Seeded, so a failure replays.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Client } from '@modelcontextprotocol/client';
import { openSocketKit, textOf, type SocketKit } from './mcp-test-kit.ts';

const SEED = 20_260_728;
const RUNS = 2_000;

/** A value nested `depth` levels deep. */
function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { nested: value };
  return value;
}

const nasty = fc.constantFrom<unknown>(
  'x'.repeat(200_000),
  'nul\u0000inside',
  '\ud800 lone surrogate',
  deep(500),
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  1e308,
  true,
  null,
  [],
  {},
  Array.from({ length: 5_000 }, (_, index) => index),
  { __proto__: { polluted: true } },
  'constructor',
);

/** Events are written with every change in its transaction: the log's end marks any change. */
function lastChange(kit: SocketKit): string {
  const db = kit.core.store.db;
  const events = db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM events').get() as {
    id: number;
  };
  const tasks = db
    .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS v FROM tasks')
    .get() as {
    n: number;
    v: number;
  };
  return `${events.id}/${tasks.n}/${tasks.v}`;
}

describe('fuzzing the MCP socket', () => {
  let kit: SocketKit;
  let client: Client;
  let fields: Map<string, string[]>;
  before(async () => {
    kit = await openSocketKit('all');
    client = await kit.connect('auto', 'fuzzer');
    for (const title of ['one', 'two', 'three'])
      await client.callTool({ name: 'create_task', arguments: { title } });
    const { tools } = await client.listTools();
    fields = new Map(
      tools
        // A long-poll waits by design; it is fuzzed for its input only through its siblings.
        .filter((tool) => !tool.name.startsWith('wait_'))
        .map((tool) => [tool.name, Object.keys((tool.inputSchema.properties ?? {}) as object)]),
    );
  });
  after(() => kit.dispose());

  test(`${RUNS} random tool calls: each answered, failures change nothing`, async () => {
    const names = [...fields.keys()];
    const call = fc
      .constantFrom(...names, 'no_such_tool', '')
      .chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof(
            fc.dictionary(
              fc.constantFrom(...(fields.get(name) ?? ['x']), 'unknown_field'),
              fc.oneof(nasty, fc.anything()),
            ),
            fc.dictionary(fc.string(), fc.anything(), { maxKeys: 4 }),
          ),
        ),
      );
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(call, async ([name, args]) => {
        const unchanged = lastChange(kit);
        let failed: boolean;
        try {
          const result = await client.callTool(
            { name, arguments: args as Record<string, unknown> },
            { timeout: 10_000 },
          );
          failed = result.isError === true;
          if (failed) assert.match(textOf(result), /^error\[[A-Z_]+\]: \S/);
        } catch (error) {
          // A JSON-RPC error (an unknown tool): answered, not crashed.
          assert.equal(typeof (error as { code?: unknown }).code, 'number', String(error));
          failed = true;
        }
        if (failed) {
          failures++;
          assert.equal(lastChange(kit), unchanged, `failed ${name} changed the database`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    assert.ok(failures > RUNS / 2, `most random calls fail (${failures} of ${RUNS})`);
    const alive = await client.listTools();
    assert.ok(alive.tools.length > 0, 'the server still answers');
  });

  test('raw garbage lines are answered or dropped, and the server keeps answering', async () => {
    const raw = await RawConnection.open(kit.endpoint.path);
    const garbage = [
      'not json at all',
      '{"jsonrpc":"2.0"',
      '{"jsonrpc":"1.0","id":1,"method":"ping"}',
      '{"jsonrpc":"2.0","id":2,"method":"no/such/method"}',
      '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_task","arguments":[1,2]}}',
      '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"arguments":{}}}',
      '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":"nope"}',
      '{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}',
      '[]',
      'null',
      '\u0000\u0001\u0002\uFFFF',
      Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3]).toString('latin1'),
      `{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"create_task","arguments":{"title":"${'x'.repeat(2 * 1024 * 1024)}"}}}`,
      'x'.repeat(2 * 1024 * 1024),
    ];
    raw.send({
      jsonrpc: '2.0',
      id: 100,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      },
    });
    await raw.reply(100);
    raw.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    // The connection's first call starts its agent session (a change of its own).
    raw.send({
      jsonrpc: '2.0',
      id: 99,
      method: 'tools/call',
      params: { name: 'list_tasks', arguments: {} },
    });
    await raw.reply(99);
    const unchanged = lastChange(kit);
    for (const line of garbage) raw.write(`${line}\n`);
    raw.send({ jsonrpc: '2.0', id: 101, method: 'ping' });
    assert.deepEqual(await raw.reply(101), { jsonrpc: '2.0', id: 101, result: {} });
    const tooLong = (await raw.reply(6)) as { result?: { isError?: boolean } };
    assert.equal(tooLong.result?.isError, true, 'a 2 MB title is refused as a tool error');
    // Requests the SDK can read get a JSON-RPC error; one whose params are not an object (5) is
    // not a request to it and is dropped, which is all that can be asked of a server.
    for (const id of [2, 3, 4]) {
      const reply = (await raw.reply(id)) as { error?: { code: number } };
      assert.equal(typeof reply.error?.code, 'number', `request ${id} got a JSON-RPC error`);
    }
    assert.equal(lastChange(kit), unchanged);
    raw.close();

    // Garbage as the very first bytes of a connection, then a fresh connection still works.
    const first = await RawConnection.open(kit.endpoint.path);
    first.write('\u0000garbage first\n{"jsonrpc":"2.0","id":1,"method":"ping"}\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.close();
    const fresh = await kit.connect('legacy');
    assert.deepEqual(await fresh.ping(), {});
  });
});

/** A newline-delimited JSON-RPC connection that keeps every reply by id. */
class RawConnection {
  private readonly replies = new Map<unknown, unknown>();
  private readonly waiters = new Map<unknown, (reply: unknown) => void>();
  private buffered = '';
  private readonly socket: Socket;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      for (let end; (end = this.buffered.indexOf('\n')) !== -1;) {
        const line = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 1);
        const reply = JSON.parse(line) as { id?: unknown };
        this.replies.set(reply.id, reply);
        this.waiters.get(reply.id)?.(reply);
      }
    });
  }

  static open(path: string): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(path, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): void {
    this.socket.write(text);
  }

  send(message: object): void {
    this.write(`${JSON.stringify(message)}\n`);
  }

  reply(id: unknown, timeoutMs = 10_000): Promise<unknown> {
    if (this.replies.has(id)) return Promise.resolve(this.replies.get(id));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${String(id)}`)), timeoutMs);
      this.waiters.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
