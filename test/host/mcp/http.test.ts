// MCP over real HTTP with the official v2 client, in both protocol eras: the tools work with the
// bearer token; no token, a wrong or rotated token, a foreign Host or Origin are refused before
// anything runs; the token file is owner-only; the agent and project headers are honoured.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dirname } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  Client,
  StreamableHTTPClientTransport,
  type VersionNegotiationOptions,
} from '@modelcontextprotocol/client';
import {
  startMcpHttpEndpoint,
  startServeMcpHttp,
  type McpHttpEndpoint,
} from '../../../src/host/mcp/http-endpoint.ts';
import {
  agentFromHeaders,
  clientNameIn,
  projectFromHeaders,
} from '../../../src/host/mcp/http-auth.ts';
import { ensureToken, readToken, rotateToken, TokenFile } from '../../../src/host/mcp/mcp-token.ts';
import { selectTools } from '../../../src/host/mcp/tool-sets.ts';
import {
  makeTempDir,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';
import { BIN, openCliSandbox } from '../cli/cli-harness.ts';
import { rawRequest } from '../web/web-test-kit.ts';

const ERAS: Record<string, VersionNegotiationOptions> = {
  legacy: {},
  auto: { mode: 'auto' },
  modern: { mode: { pin: '2026-07-28' } },
};

interface Structured {
  task: { id: number; title: string; project_id?: number };
}

describe('MCP over HTTP', () => {
  let core: TestCore;
  let endpoint: McpHttpEndpoint;
  let token: string;
  const clients: Client[] = [];

  async function connect(
    era: VersionNegotiationOptions,
    headers: Record<string, string> = { Authorization: `Bearer ${token}` },
  ): Promise<Client> {
    const client = new Client({ name: 'http-test', version: '1.0.0' }, { versionNegotiation: era });
    const transport = new StreamableHTTPClientTransport(new URL(endpoint.url), {
      requestInit: { headers },
    });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  /** A tools/call POST by hand, as a 2025 client sends one, with any headers. */
  function rawCall(headers: Record<string, string>) {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'create_task', arguments: { title: 'Should not exist' } },
    });
    return rawRequest(endpoint.url, {
      method: 'POST',
      path: '/mcp',
      headers: {
        Host: `127.0.0.1:${endpoint.port}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        ...headers,
      },
      body,
    });
  }

  before(async () => {
    core = openTestCore();
    endpoint = await startMcpHttpEndpoint({
      orchestrator: core.orchestrator,
      databasePath: core.databasePath,
      port: 0,
    });
    token = readToken(endpoint.tokenPath)!;
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    await endpoint.close();
    core.dispose();
  });

  test('listens on 127.0.0.1 at /mcp and keeps a fresh 256-bit token owner-only', () => {
    assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(statSync(endpoint.tokenPath).mode & 0o777, 0o600);
    assert.equal(statSync(dirname(endpoint.tokenPath)).mode & 0o777, 0o700);
  });

  for (const [name, era] of Object.entries(ERAS)) {
    test(`${name} era: lists the default tools, creates and reads a task, reports a bad call`, async () => {
      const client = await connect(era);
      // auto finds the 2026-07-28 revision; the default client speaks the 2025 handshake
      assert.equal(client.getProtocolEra(), name === 'legacy' ? 'legacy' : 'modern');
      const listed = await client.listTools();
      const expected = selectTools('default').map((contract) => contract.name);
      assert.deepEqual(listed.tools.map((tool) => tool.name).sort(), [...expected].sort());

      const created = await client.callTool({
        name: 'create_task',
        arguments: { title: `Made over HTTP (${name})` },
      });
      assert.notEqual(created.isError, true, JSON.stringify(created));
      const id = (created.structuredContent as unknown as Structured).task.id;
      const read = await client.callTool({ name: 'get_task', arguments: { task_id: id } });
      assert.notEqual(read.isError, true, JSON.stringify(read));
      assert.equal(
        (read.structuredContent as unknown as Structured).task.title,
        `Made over HTTP (${name})`,
      );

      const unchanged = snapshot(core);
      const bad = await client.callTool({
        name: 'get_task',
        arguments: { task_id: 'not a number' },
      });
      assert.equal(bad.isError, true);
      const text = (bad.content as { type: string; text: string }[])[0]!.text;
      assert.match(text, /^error\[VALIDATION\]/);
      assert.equal(snapshot(core), unchanged);
    });
  }

  test('no token: 401 with WWW-Authenticate and how to get one; nothing runs', async () => {
    const unchanged = snapshot(core);
    const reply = await rawCall({});
    assert.equal(reply.status, 401);
    assert.equal(reply.headers['www-authenticate'], 'Bearer realm="orchestron"');
    const body = JSON.parse(reply.body) as { error: { message: string } };
    assert.match(body.error.message, /orchestron mcp token/);
    assert.equal(snapshot(core), unchanged);
    await assert.rejects(connect({ mode: 'auto' }, {}));
    await assert.rejects(connect({}, {}));
    assert.equal(snapshot(core), unchanged);
  });

  test('a wrong token: 401 invalid_token; nothing runs', async () => {
    const unchanged = snapshot(core);
    const reply = await rawCall({ Authorization: `Bearer ${token.slice(1)}x` });
    assert.equal(reply.status, 401);
    assert.match(String(reply.headers['www-authenticate']), /error="invalid_token"/);
    const basic = await rawCall({ Authorization: `Basic ${token}` });
    assert.equal(basic.status, 401);
    await assert.rejects(
      connect({ mode: { pin: '2026-07-28' } }, { Authorization: 'Bearer wrong' }),
    );
    assert.equal(snapshot(core), unchanged);
  });

  test('a foreign Host (DNS rebinding) or a foreign Origin: 403, even with the token', async () => {
    const unchanged = snapshot(core);
    const auth = { Authorization: `Bearer ${token}` };
    const rebound = await rawCall({ ...auth, Host: `evil.example:${endpoint.port}` });
    assert.equal(rebound.status, 403);
    assert.match(rebound.body, /answers only to 127\.0\.0\.1:/);
    const otherPort = await rawCall({ ...auth, Host: `127.0.0.1:${endpoint.port + 1}` });
    assert.equal(otherPort.status, 403);
    const page = await rawCall({ ...auth, Origin: 'http://evil.example' });
    assert.equal(page.status, 403);
    const nullOrigin = await rawCall({ ...auth, Origin: 'null' });
    assert.equal(nullOrigin.status, 403);
    assert.equal(snapshot(core), unchanged);
    // the same request from our own origin is served
    const own = await rawCall({ ...auth, Origin: `http://localhost:${endpoint.port}` });
    assert.equal(own.status, 200, own.body);
  });

  test('other paths answer 404 naming /mcp', async () => {
    const reply = await rawRequest(endpoint.url, {
      path: '/other',
      headers: { Host: `127.0.0.1:${endpoint.port}`, Authorization: `Bearer ${token}` },
    });
    assert.equal(reply.status, 404);
    assert.match(reply.body, /use \/mcp/);
  });

  test('X-Orchestron-Agent names the agent (one session); X-Orchestron-Project picks the project', async () => {
    const other = await core.call('create_project', { name: 'Other' });
    const client = await connect(
      { mode: 'auto' },
      {
        Authorization: `Bearer ${token}`,
        'X-Orchestron-Agent': 'Builder Bot#7',
        'X-Orchestron-Project': 'Other',
      },
    );
    const created = await client.callTool({
      name: 'create_task',
      arguments: { title: 'In the other project' },
    });
    assert.notEqual(created.isError, true, JSON.stringify(created));
    const task = (created.structuredContent as unknown as Structured).task;
    const row = core.orchestrator.store.db
      .prepare('SELECT actor, project_id FROM events WHERE task_id = ? ORDER BY id LIMIT 1')
      .get(task.id) as { actor: string; project_id: number };
    assert.match(row.actor, /^agent:Builder-Bot-7#\S+$/);
    assert.equal(row.project_id, other.project.id);

    // every request is a fresh server instance, yet the agent keeps one session across them
    const again = await client.callTool({ name: 'create_task', arguments: { title: 'Second' } });
    const second = (again.structuredContent as unknown as Structured).task;
    const secondRow = core.orchestrator.store.db
      .prepare('SELECT actor FROM events WHERE task_id = ? ORDER BY id LIMIT 1')
      .get(second.id) as { actor: string };
    assert.equal(secondRow.actor, row.actor);
    const session = row.actor.slice(row.actor.indexOf('#') + 1);
    const recorded = core.orchestrator.store.db
      .prepare('SELECT agent, transport FROM sessions WHERE id = ?')
      .get(session);
    assert.deepEqual({ ...(recorded as object) }, { agent: 'Builder-Bot-7', transport: 'http' });
  });

  test('rotating the token refuses the old one at once and accepts the new one', async () => {
    const old = token;
    token = rotateToken(endpoint.tokenPath);
    assert.notEqual(token, old);
    assert.equal(statSync(endpoint.tokenPath).mode & 0o777, 0o600);
    const refused = await rawCall({ Authorization: `Bearer ${old}` });
    assert.equal(refused.status, 401);
    const client = await connect({ mode: 'auto' });
    const listed = await client.listTools();
    assert.ok(listed.tools.length > 0);
  });

  test('serve skips a busy default port with a note, but refuses a busy port the user chose', async () => {
    const options = {
      orchestrator: core.orchestrator,
      databasePath: core.databasePath,
      port: endpoint.port,
    };
    const skipped = await startServeMcpHttp({ ...options, portChosen: false });
    assert.equal(skipped.endpoint, null);
    assert.match(skipped.note ?? '', new RegExp(`port ${endpoint.port} is in use.*--mcp-port`));
    await assert.rejects(startServeMcpHttp({ ...options, portChosen: true }), {
      code: 'CONFLICT',
    });
  });
});

describe('orchestron serve --mcp-port', () => {
  test('prints the MCP URL, which wants the token that `orchestron mcp token` prints', async () => {
    const cli = openCliSandbox();
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--mcp-port', '0', '--db', cli.databasePath],
      // the socket goes under ORCHESTRON_HOME: keep it in the sandbox
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ORCHESTRON_HOME: cli.dir } },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /MCP for agents: (\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const list = (authorization?: string) =>
        fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json, text/event-stream',
            ...(authorization ? { Authorization: authorization } : {}),
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
      assert.equal((await list()).status, 401);
      const printed = cli.expect(0, ['mcp', 'token']).stdout.trim();
      const answered = await list(`Bearer ${printed}`);
      assert.equal(answered.status, 200);
      assert.match(await answered.text(), /"create_task"/);
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      cli.dispose();
    }
  });
});

describe('MCP HTTP identity headers and the token file', () => {
  test('the agent header is reduced to a safe name; the project header may be UTF-8', () => {
    assert.equal(agentFromHeaders({ 'x-orchestron-agent': ' claude#2:ok ' }), 'claude-2-ok');
    assert.equal(agentFromHeaders({ 'x-orchestron-agent': '###' }), undefined);
    assert.equal(agentFromHeaders({}), undefined);
    assert.equal(agentFromHeaders({ 'x-orchestron-agent': 'a'.repeat(100) })?.length, 64);
    const utf8AsLatin1 = Buffer.from('Café', 'utf8').toString('latin1');
    assert.equal(projectFromHeaders({ 'x-orchestron-project': utf8AsLatin1 }), 'Café');
    assert.equal(projectFromHeaders({ 'x-orchestron-project': ' 7 ' }), '7');
    assert.equal(projectFromHeaders({ 'x-orchestron-project': 'a\u0001b' }), undefined);
  });

  test("the client's name is read from the 2025 handshake or the 2026 envelope", () => {
    const initialize = { method: 'initialize', params: { clientInfo: { name: 'cursor' } } };
    assert.equal(clientNameIn(initialize), 'cursor');
    const meta = { 'io.modelcontextprotocol/clientInfo': { name: 'codex' } };
    assert.equal(clientNameIn([{ method: 'tools/call', params: { _meta: meta } }]), 'codex');
    assert.equal(clientNameIn({ method: 'tools/call', params: {} }), undefined);
    assert.equal(clientNameIn('garbage'), undefined);
  });

  test('a token is made once even when asked twice; a loosened file is made owner-only again', () => {
    const dir = makeTempDir();
    after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'mcp', 'http-token');
    const watched = new TokenFile(path);
    assert.equal(watched.current(), null);
    const first = ensureToken(path);
    assert.equal(ensureToken(path), first);
    assert.equal(watched.current(), first);
    chmodSync(path, 0o644);
    assert.equal(readToken(path), first);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    writeFileSync(path, 'edited-by-hand\n');
    assert.equal(watched.current(), 'edited-by-hand');
  });
});
