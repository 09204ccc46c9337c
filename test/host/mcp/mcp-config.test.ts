// The configuration text `orchestron mcp config` prints for Claude Code, Cursor and Codex: valid
// JSON and TOML with the right keys, the one-line add commands, the launcher choice, and a clear
// error for an unknown client. Also `orchestron mcp token` / `config` as real processes.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, test } from 'node:test';
import { AppError } from '../../../src/shared/errors.ts';
import {
  chooseLauncher,
  clientConfig,
  parseClient,
  shellWord,
  type McpTarget,
} from '../../../src/host/mcp/mcp-config.ts';
import { mcpTokenPath } from '../../../src/host/mcp/mcp-token.ts';
import { openCliSandbox } from '../cli/cli-harness.ts';

const SHORT: McpTarget = { kind: 'stdio', launcher: { command: 'orchestron', args: ['mcp'] } };
const HTTP: McpTarget = { kind: 'http', url: 'http://127.0.0.1:4319/mcp', token: 'T0k-en_' };

/** The one JSON document in a config text (the lines from the first "{" to its last "}"). */
function jsonIn(text: string): unknown {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === '{');
  const end = lines.lastIndexOf('}');
  return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

describe('mcp config text', () => {
  test('Claude Code: the add command and .mcp.json for the stdio bridge', () => {
    const text = clientConfig('claude', SHORT);
    assert.ok(text.includes('\nclaude mcp add orchestron -- orchestron mcp\n'), text);
    assert.deepEqual(jsonIn(text), {
      mcpServers: { orchestron: { command: 'orchestron', args: ['mcp'] } },
    });
  });

  test('Claude Code over HTTP: --transport http with the bearer header, and the http entry', () => {
    const text = clientConfig('claude', HTTP);
    assert.ok(
      text.includes(
        "claude mcp add --transport http orchestron http://127.0.0.1:4319/mcp --header 'Authorization: Bearer T0k-en_' --header 'X-Orchestron-Agent: claude'",
      ),
      text,
    );
    assert.deepEqual(jsonIn(text), {
      mcpServers: {
        orchestron: {
          type: 'http',
          url: 'http://127.0.0.1:4319/mcp',
          headers: { Authorization: 'Bearer T0k-en_', 'X-Orchestron-Agent': 'claude' },
        },
      },
    });
    assert.match(text, /secret/);
  });

  test('Cursor: .cursor/mcp.json for stdio and for HTTP', () => {
    const stdio = clientConfig('cursor', SHORT);
    assert.match(stdio, /\.cursor\/mcp\.json/);
    assert.deepEqual(jsonIn(stdio), {
      mcpServers: { orchestron: { command: 'orchestron', args: ['mcp'] } },
    });
    assert.deepEqual(jsonIn(clientConfig('cursor', HTTP)), {
      mcpServers: {
        orchestron: {
          url: 'http://127.0.0.1:4319/mcp',
          headers: { Authorization: 'Bearer T0k-en_', 'X-Orchestron-Agent': 'cursor' },
        },
      },
    });
  });

  test('Codex: config.toml table and the add command; over HTTP the token comes from a variable', () => {
    const stdio = clientConfig('codex', SHORT);
    assert.ok(stdio.includes('\ncodex mcp add orchestron -- orchestron mcp\n'), stdio);
    assert.ok(
      stdio.includes('[mcp_servers.orchestron]\ncommand = "orchestron"\nargs = ["mcp"]\n'),
      stdio,
    );
    const http = clientConfig('codex', HTTP);
    assert.ok(http.includes('\nexport ORCHESTRON_MCP_TOKEN=T0k-en_\n'), http);
    assert.ok(
      http.includes(
        '[mcp_servers.orchestron]\nurl = "http://127.0.0.1:4319/mcp"\nbearer_token_env_var = "ORCHESTRON_MCP_TOKEN"\n',
      ),
      http,
    );
    assert.ok(
      http.includes(
        'codex mcp add orchestron --url http://127.0.0.1:4319/mcp --bearer-token-env-var ORCHESTRON_MCP_TOKEN',
      ),
    );
    // Codex refuses a token written into config.toml
    assert.doesNotMatch(http.slice(http.indexOf('[mcp_servers')), /T0k-en_/);
  });

  test('absolute paths with spaces are quoted for the shell and escaped in JSON and TOML', () => {
    const target: McpTarget = {
      kind: 'stdio',
      launcher: { command: '/opt/my node/bin/node', args: ["/home/o'neil/orchestron.mjs", 'mcp'] },
    };
    const claude = clientConfig('claude', target);
    assert.ok(
      claude.includes(
        `claude mcp add orchestron -- '/opt/my node/bin/node' '/home/o'\\''neil/orchestron.mjs' mcp`,
      ),
      claude,
    );
    const codex = clientConfig('codex', target);
    assert.ok(codex.includes('command = "/opt/my node/bin/node"'), codex);
    assert.equal(shellWord('plain/path-1.2'), 'plain/path-1.2');
  });

  test('the launcher is `orchestron mcp` only when PATH leads to this checkout', () => {
    const facts = { bin: '/src/orchestron/bin/orchestron.mjs', node: '/n/node', globalArgs: [] };
    assert.deepEqual(chooseLauncher({ ...facts, onPath: facts.bin }), {
      command: 'orchestron',
      args: ['mcp'],
    });
    const absolute = { command: '/n/node', args: ['/src/orchestron/bin/orchestron.mjs', 'mcp'] };
    assert.deepEqual(chooseLauncher({ ...facts, onPath: null }), absolute);
    assert.deepEqual(chooseLauncher({ ...facts, onPath: '/elsewhere/orchestron.mjs' }), absolute);
    assert.deepEqual(
      chooseLauncher({ ...facts, onPath: facts.bin, globalArgs: ['--db', '/d/x.db'] }).args,
      ['--db', '/d/x.db', 'mcp'],
    );
  });

  test('an unknown client is refused, naming the three known ones', () => {
    assert.equal(parseClient(' Claude '), 'claude');
    assert.throws(
      () => parseClient('vscode'),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'VALIDATION' &&
        /Unknown MCP client "vscode"\. Choose one of: claude, cursor, codex\./.test(error.message),
    );
  });
});

describe('orchestron mcp token / config (real processes)', () => {
  test('token is created once, owner-only; --rotate replaces it; config --http prints it', () => {
    const cli = openCliSandbox();
    try {
      const first = cli.expect(0, ['mcp', 'token']).stdout.trim();
      assert.match(first, /^[A-Za-z0-9_-]{43}$/);
      const path = mcpTokenPath(cli.databasePath);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.equal(statSync(dirname(path)).mode & 0o777, 0o700);
      assert.equal(cli.expect(0, ['mcp', 'token']).stdout.trim(), first);
      const rotated = cli.expect(0, ['mcp', 'token', '--rotate']).stdout.trim();
      assert.notEqual(rotated, first);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      const http = cli.expect(0, ['mcp', 'config', 'claude', '--http', '--port', '5000']).stdout;
      assert.ok(
        http.includes(`http://127.0.0.1:5000/mcp --header 'Authorization: Bearer ${rotated}'`),
      );
      const stdio = cli.expect(0, ['mcp', 'config', 'codex']).stdout;
      // the sandbox names its database, so the bridge must open the same one
      assert.ok(stdio.includes(`"--db", "${cli.databasePath}", "mcp"`), stdio);
      const unknown = cli.expect(1, ['mcp', 'config', 'zed']);
      assert.match(unknown.stderr, /Choose one of: claude, cursor, codex/);
    } finally {
      cli.dispose();
    }
  });
});
