// `orchestron mcp token [--rotate]` and `orchestron mcp config claude|cursor|codex [--http]`: the
// bearer token of the HTTP endpoint, and the exact configuration each MCP client needs.
import { Option, type Command } from 'commander';
import { onPath, orchestronBin } from '../../core/agents/mcp-launcher.ts';
import { AppError } from '../../shared/errors.ts';
import {
  chooseLauncher,
  clientConfig,
  DEFAULT_MCP_PORT,
  MCP_CLIENTS,
  mcpUrl,
  parseClient,
  type McpTarget,
} from '../mcp/mcp-config.ts';
import { ensureToken, mcpTokenPath, rotateToken } from '../mcp/mcp-token.ts';
import { addGlobalOptions, resolveGlobalOptions } from './global-options.ts';

function parsePort(text: string): number {
  const port = Number(text);
  if (/^\d+$/.test(text.trim()) && port >= 1 && port <= 65_535) return port;
  throw new AppError(
    'VALIDATION',
    `--port must be a whole number 1..65535, not "${text.slice(0, 40)}".`,
    {
      port: text.slice(0, 200),
    },
  );
}

/** `--db <file>` when the user named a database, so the client's bridge opens the same one. */
function databaseArgs(command: Command, databasePath: string): string[] {
  for (let current: Command | null = command; current; current = current.parent)
    if (typeof current.opts()['db'] === 'string') return ['--db', databasePath];
  return [];
}

function addTokenCommand(mcp: Command): void {
  const command = mcp
    .command('token')
    .description(
      'Print the bearer token of the MCP HTTP endpoint (`orchestron serve`), creating it on first use. It is kept owner-only next to the database.',
    )
    .summary('print (or --rotate) the MCP HTTP bearer token')
    .addOption(
      new Option('--rotate', 'replace the token; clients using the old one are refused at once'),
    );
  addGlobalOptions(command, false).action((_options: unknown, self: Command) => {
    const globals = resolveGlobalOptions(self);
    const path = mcpTokenPath(globals.databasePath);
    const rotate = self.opts<{ rotate?: boolean }>().rotate === true;
    const token = rotate ? rotateToken(path) : ensureToken(path);
    if (globals.json) process.stdout.write(`${JSON.stringify({ token, path, rotated: rotate })}\n`);
    else process.stdout.write(`${token}\n`);
    if (rotate && !globals.json)
      process.stderr.write('Replaced the token; clients still sending the old one get 401 now.\n');
  });
}

function addConfigCommand(mcp: Command): void {
  const command = mcp
    .command('config')
    .argument('<client>', `the MCP client: ${MCP_CLIENTS.join(', ')}`)
    .description(
      'Print the exact configuration that connects an MCP client (claude, cursor or codex) to Orchestron: its config file entry and, where the client has one, the one-line add command.',
    )
    .summary('print the configuration for claude, cursor or codex')
    .addOption(
      new Option('--http', 'connect over HTTP with the bearer token instead of the stdio bridge'),
    )
    .addOption(
      new Option('--port <port>', 'the MCP port of `orchestron serve` (with --http)').default(
        String(DEFAULT_MCP_PORT),
        String(DEFAULT_MCP_PORT),
      ),
    );
  addGlobalOptions(command, false).action((name: string, _options: unknown, self: Command) => {
    const client = parseClient(name);
    const globals = resolveGlobalOptions(self);
    const opts = self.opts<{ http?: boolean; port: string }>();
    let target: McpTarget;
    if (opts.http === true) {
      const port = parsePort(opts.port);
      const token = ensureToken(mcpTokenPath(globals.databasePath));
      target = { kind: 'http', url: mcpUrl(port), token };
    } else {
      const launcher = chooseLauncher({
        onPath: onPath('orchestron'),
        bin: orchestronBin(),
        node: process.execPath,
        globalArgs: databaseArgs(self, globals.databasePath),
      });
      target = { kind: 'stdio', launcher };
    }
    const text = clientConfig(client, target);
    process.stdout.write(globals.json ? `${JSON.stringify({ client, ...target, text })}\n` : text);
  });
}

/** Adds `token` and `config` under the `mcp` command (whose own action is the stdio bridge). */
export function addMcpSubcommands(mcp: Command): void {
  addTokenCommand(mcp);
  addConfigCommand(mcp);
}
