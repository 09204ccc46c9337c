// The configuration each MCP client needs to reach Orchestron, as text to paste: Claude Code
// (.mcp.json, `claude mcp add`), Cursor (.cursor/mcp.json) and Codex (config.toml,
// `codex mcp add`), over the stdio bridge or over HTTP with the bearer token. Pure functions,
// shared by `orchestron mcp config` and the page's "Connect an agent" panel.
import { AppError } from '../errors.ts';

export const MCP_CLIENTS = ['claude', 'cursor', 'codex'] as const;
export type McpClient = (typeof MCP_CLIENTS)[number];

/** The documented default port of the MCP HTTP endpoint (the web page is on 4477). */
export const DEFAULT_MCP_PORT = 4319;
export const MCP_PATH = '/mcp';

export function mcpUrl(port: number): string {
  return `http://127.0.0.1:${port}${MCP_PATH}`;
}

/** The name the server is registered under in every client. */
export const SERVER_NAME = 'orchestron';
/** Codex refuses a token written in its config file; it reads it from this variable. */
export const TOKEN_ENV = 'ORCHESTRON_MCP_TOKEN';
export const AGENT_HEADER_NAME = 'X-Orchestron-Agent';

/** How a client starts the stdio bridge: `orchestron mcp`, or absolute paths when not on PATH. */
export interface Launcher {
  command: string;
  args: readonly string[];
}

export type McpTarget =
  { kind: 'stdio'; launcher: Launcher } | { kind: 'http'; url: string; token: string };

export interface LauncherFacts {
  /** Where `orchestron` on PATH really leads (symlinks resolved), or null when it is not there. */
  onPath: string | null;
  /** This checkout's bin/orchestron.mjs (symlinks resolved). */
  bin: string;
  /** The Node running now: it is >= 22, so the bridge starts without relaunching itself. */
  node: string;
  /** Options that go before `mcp`, e.g. an explicit `--db <file>`. */
  globalArgs: readonly string[];
}

/**
 * `orchestron mcp` when the `orchestron` on PATH is this checkout; otherwise absolute paths of
 * this Node and this bin file. Clients (Cursor, above all, started from a desktop) often run with
 * a shorter PATH than a terminal, and another Orchestron on PATH would open another install, so
 * absolute paths are the exact configuration when the short one cannot be proven right.
 */
export function chooseLauncher(facts: LauncherFacts): Launcher {
  const args = [...facts.globalArgs, 'mcp'];
  if (facts.onPath !== null && facts.onPath === facts.bin) return { command: 'orchestron', args };
  return { command: facts.node, args: [facts.bin, ...args] };
}

export function parseClient(name: string): McpClient {
  const client = MCP_CLIENTS.find((known) => known === name.trim().toLowerCase());
  if (client) return client;
  throw new AppError(
    'VALIDATION',
    `Unknown MCP client "${name.slice(0, 40)}". Choose one of: ${MCP_CLIENTS.join(', ')}.`,
    { client: name.slice(0, 200), known: [...MCP_CLIENTS] },
  );
}

/** A word as a POSIX shell reads it back unchanged. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function shellLine(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}

/** A TOML basic string: JSON's escapes are valid TOML escapes. */
function tomlString(text: string): string {
  return JSON.stringify(text);
}

function tomlArray(items: readonly string[]): string {
  return `[${items.map(tomlString).join(', ')}]`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function httpHeaders(client: McpClient, token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, [AGENT_HEADER_NAME]: client };
}

const SECRET_NOTE =
  '# The token is a secret: keep files that hold it out of version control.\n' +
  '# `orchestron mcp token --rotate` replaces it (and refuses the old one at once).';

function claudeConfig(target: McpTarget): string {
  if (target.kind === 'stdio') {
    const { command, args } = target.launcher;
    return [
      '# Claude Code: run once in your project folder',
      shellLine(['claude', 'mcp', 'add', SERVER_NAME, '--', command, ...args]),
      '',
      '# or put this in .mcp.json at the root of your project',
      json({ mcpServers: { [SERVER_NAME]: { command, args } } }),
    ].join('\n');
  }
  const headers = httpHeaders('claude', target.token);
  const headerFlags = Object.entries(headers).flatMap(([name, value]) => [
    '--header',
    `${name}: ${value}`,
  ]);
  return [
    '# Claude Code over HTTP (needs `orchestron serve` running): run once in your project folder',
    shellLine([
      'claude',
      'mcp',
      'add',
      '--transport',
      'http',
      SERVER_NAME,
      target.url,
      ...headerFlags,
    ]),
    '',
    '# or put this in .mcp.json at the root of your project',
    json({ mcpServers: { [SERVER_NAME]: { type: 'http', url: target.url, headers } } }),
    '',
    SECRET_NOTE,
  ].join('\n');
}

function cursorConfig(target: McpTarget): string {
  if (target.kind === 'stdio') {
    const { command, args } = target.launcher;
    return [
      '# Cursor: put this in .cursor/mcp.json in your project (or ~/.cursor/mcp.json for all of them)',
      json({ mcpServers: { [SERVER_NAME]: { command, args } } }),
    ].join('\n');
  }
  const headers = httpHeaders('cursor', target.token);
  return [
    '# Cursor over HTTP (needs `orchestron serve` running): put this in .cursor/mcp.json in your',
    '# project (or ~/.cursor/mcp.json for all of them)',
    json({ mcpServers: { [SERVER_NAME]: { url: target.url, headers } } }),
    '',
    SECRET_NOTE,
  ].join('\n');
}

function codexConfig(target: McpTarget): string {
  if (target.kind === 'stdio') {
    const { command, args } = target.launcher;
    return [
      '# Codex: run once',
      shellLine(['codex', 'mcp', 'add', SERVER_NAME, '--', command, ...args]),
      '',
      '# or put this in ~/.codex/config.toml',
      `[mcp_servers.${SERVER_NAME}]`,
      `command = ${tomlString(command)}`,
      `args = ${tomlArray(args)}`,
    ].join('\n');
  }
  return [
    '# Codex over HTTP (needs `orchestron serve` running). Codex reads the token from an',
    `# environment variable: set ${TOKEN_ENV} where Codex starts, e.g. in your shell profile`,
    shellLine(['export', `${TOKEN_ENV}=${target.token}`]),
    '',
    '# then put this in ~/.codex/config.toml',
    `[mcp_servers.${SERVER_NAME}]`,
    `url = ${tomlString(target.url)}`,
    `bearer_token_env_var = ${tomlString(TOKEN_ENV)}`,
    `http_headers = { ${tomlString(AGENT_HEADER_NAME)} = "codex" }`,
    '',
    `# or run this once (it leaves out the ${AGENT_HEADER_NAME} header that names the agent)`,
    shellLine([
      'codex',
      'mcp',
      'add',
      SERVER_NAME,
      '--url',
      target.url,
      '--bearer-token-env-var',
      TOKEN_ENV,
    ]),
    '',
    SECRET_NOTE,
  ].join('\n');
}

/** The exact text to paste (or run) to connect `client` to Orchestron. */
export function clientConfig(client: McpClient, target: McpTarget): string {
  const text =
    client === 'claude'
      ? claudeConfig(target)
      : client === 'cursor'
        ? cursorConfig(target)
        : codexConfig(target);
  return `${text}\n`;
}
