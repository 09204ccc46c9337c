// The official MCP Inspector CLI (>= 2.12), in its CLI mode only, against the real `orchestron
// mcp` stdio bridge and the real HTTP endpoint, in each protocol era (legacy, auto, modern): the
// default tools are listed, create_task then get_task return structured results, a bad call is
// an isError result.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src/host/mcp/http-endpoint.ts';
import { readToken } from '../../../src/host/mcp/mcp-token.ts';
import { selectTools } from '../../../src/host/mcp/tool-sets.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { BIN } from '../cli/cli-harness.ts';

const INSPECTOR = fileURLToPath(
  new URL(
    '../../../node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js',
    import.meta.url,
  ),
);
const ERAS = ['legacy', 'auto', 'modern'] as const;
const SERVER_INFO_META_KEY = 'io.modelcontextprotocol/serverInfo';
/** The Inspector's exit code when the tool answered isError:true. */
const EXIT_TOOL_IS_ERROR = 5;

interface InspectorRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface Structured {
  task: { id: number; title: string };
}

describe('MCP Inspector CLI', () => {
  let core: TestCore;
  let endpoint: McpHttpEndpoint;
  let token: string;
  let env: NodeJS.ProcessEnv;

  /** Runs the Inspector CLI on the Node running the tests, its state kept in the temp folder. */
  function inspect(args: readonly string[]): Promise<InspectorRun> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [INSPECTOR, '--cli', '--format', 'json', ...args],
        { env, timeout: 60_000, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          if (code === null) reject(new Error(`inspector failed: ${String(error)}\n${stderr}`));
          else resolve({ code, stdout, stderr });
        },
      );
    });
  }

  /** The arguments that point the Inspector at the bridge or at the HTTP endpoint. */
  function target(kind: 'bridge' | 'http'): { before: string[]; after: string[] } {
    if (kind === 'bridge')
      return {
        before: [],
        after: ['--', process.execPath, BIN, 'mcp', '--db', core.databasePath],
      };
    // --header takes every word after it, so it goes last
    return {
      before: ['--transport', 'http', '--server-url', endpoint.url],
      after: ['--header', `Authorization: Bearer ${token}`],
    };
  }

  async function call(
    kind: 'bridge' | 'http',
    era: string,
    method: string[],
  ): Promise<InspectorRun & { result: Record<string, unknown> }> {
    const { before: head, after: tail } = target(kind);
    const run = await inspect([...head, '--protocol-era', era, ...method, ...tail]);
    const parsed = JSON.parse(run.stdout || '{}') as { result?: Record<string, unknown> };
    return { ...run, result: parsed.result ?? {} };
  }

  before(async () => {
    core = openTestCore();
    const home = join(core.dir, 'inspector-home');
    mkdirSync(home);
    env = {
      ...process.env,
      HOME: home,
      USERPROFILE: home,
      MCP_CATALOG_PATH: join(home, 'mcp.json'),
      MCP_CLIENT_CONFIG_PATH: join(home, 'client.json'),
      MCP_STORAGE_DIR: join(home, 'storage'),
      MCP_INSPECTOR_OAUTH_STATE_PATH: join(home, 'oauth.json'),
      NO_COLOR: '1',
      ORCHESTRON_ACTOR: 'inspector-test',
    };
    endpoint = await startMcpHttpEndpoint({
      orchestrator: core.orchestrator,
      databasePath: core.databasePath,
      port: 0,
    });
    token = readToken(endpoint.tokenPath)!;
  });

  after(async () => {
    await endpoint.close();
    core.dispose();
  });

  for (const kind of ['bridge', 'http'] as const) {
    for (const era of ERAS) {
      test(`${kind}, ${era} era: tools/list, create_task then get_task, and a bad call`, async () => {
        const listed = await call(kind, era, ['--method', 'tools/list']);
        assert.equal(listed.code, 0, listed.stderr);
        const names = (listed.result['tools'] as { name: string }[]).map((tool) => tool.name);
        const expected = selectTools('default').map((contract) => contract.name);
        assert.deepEqual(names.sort(), [...expected].sort());

        const title = `Made by the Inspector (${kind}, ${era})`;
        const created = await call(kind, era, [
          '--method',
          'tools/call',
          '--tool-name',
          'create_task',
          '--tool-args-json',
          JSON.stringify({ title }),
        ]);
        assert.equal(created.code, 0, created.stderr);
        // only a 2026-07-28 result carries the server's identity in _meta: auto found that era
        const meta = (created.result['_meta'] ?? {}) as Record<string, unknown>;
        assert.equal(SERVER_INFO_META_KEY in meta, era !== 'legacy', JSON.stringify(meta));
        const id = (created.result['structuredContent'] as Structured).task.id;
        const read = await call(kind, era, [
          '--method',
          'tools/call',
          '--tool-name',
          'get_task',
          '--tool-args-json',
          JSON.stringify({ task_id: id }),
        ]);
        assert.equal(read.code, 0, read.stderr);
        assert.equal((read.result['structuredContent'] as Structured).task.title, title);

        const bad = await call(kind, era, [
          '--method',
          'tools/call',
          '--tool-name',
          'get_task',
          '--tool-args-json',
          JSON.stringify({ task_id: 'seven' }),
        ]);
        assert.equal(bad.code, EXIT_TOOL_IS_ERROR, bad.stderr);
        assert.equal(bad.result['isError'], true);
        const text = (bad.result['content'] as { text: string }[])[0]!.text;
        assert.match(text, /^error\[VALIDATION\]: .*task_id/);
      });
    }
  }
});
