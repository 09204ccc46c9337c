// Runs the headless shell: opens the core with event watching, starts the web server, prints
// where it is, and on SIGINT/SIGTERM closes the server and disposes the core.
import { spawn } from 'node:child_process';
import { Orchestrator } from '../../core/orchestrator.ts';
import { AppError } from '../../shared/errors.ts';
import { startServeMcpHttp } from '../mcp/http-endpoint.ts';
import { startSocketEndpoint } from '../mcp/socket-endpoint.ts';
import { startWebServer } from '../web/web-server.ts';
import { announceNewDatabase } from './database-note.ts';
import type { GlobalOptions } from './global-options.ts';

export interface ServeOptions extends GlobalOptions {
  host: string;
  port: string;
  open: boolean;
  /** The MCP HTTP endpoint's port, and whether the user chose it (else a busy default is skipped). */
  mcpPort: string;
  mcpPortChosen: boolean;
}

/** Gives the stragglers (open keep-alive sockets, a slow stream) this long before exiting anyway. */
const FORCED_EXIT_MS = 3_000;

function parsePort(text: string, flag = '--port'): number {
  const port = Number(text);
  if (/^\d+$/.test(text.trim()) && port <= 65_535) return port;
  throw new AppError(
    'VALIDATION',
    `${flag} must be a whole number 0..65535 (0 picks a free port), not "${text}".`,
    { port: text },
  );
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () =>
    process.stderr.write(`Could not open a browser; open ${url} yourself.\n`),
  );
  child.unref();
}

async function start(orchestrator: Orchestrator, host: string, port: number) {
  try {
    return await startWebServer({
      orchestrator,
      host,
      port,
      workspace: { cwd: process.cwd(), project: process.env['ORCHESTRON_PROJECT'] },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      throw new AppError(
        'CONFLICT',
        `Port ${port} on ${host} is already in use. Pass --port with another port, or --port 0 for any free one.`,
        error.details,
      );
    }
    throw error;
  }
}

/** Resolves when the server has been stopped by a signal and everything is closed. */
export async function serve(options: ServeOptions): Promise<void> {
  const port = parsePort(options.port);
  const mcpPort = parsePort(options.mcpPort, '--mcp-port');
  announceNewDatabase(options.databasePath);
  const orchestrator = new Orchestrator({ databasePath: options.databasePath });
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await start(orchestrator, options.host, port);
  } catch (error) {
    orchestrator.dispose();
    throw error;
  }
  let mcpHttp: Awaited<ReturnType<typeof startServeMcpHttp>>;
  try {
    mcpHttp = await startServeMcpHttp({
      orchestrator,
      databasePath: options.databasePath,
      port: mcpPort,
      portChosen: options.mcpPortChosen,
      workspace: { cwd: process.cwd(), project: process.env['ORCHESTRON_PROJECT'] },
    });
  } catch (error) {
    await server.close();
    orchestrator.dispose();
    throw error;
  }
  let mcpSocket: Awaited<ReturnType<typeof startSocketEndpoint>>;
  try {
    mcpSocket = await startSocketEndpoint(orchestrator, { databasePath: options.databasePath });
  } catch (error) {
    await Promise.all([server.close(), mcpHttp.endpoint?.close()]);
    orchestrator.dispose();
    throw error;
  }
  const mcpLine = mcpHttp.endpoint
    ? `MCP for agents: ${mcpHttp.endpoint.url} (bearer token: \`orchestron mcp token\`)`
    : mcpHttp.note;
  const summary = options.json
    ? JSON.stringify({
        url: server.url,
        database: options.databasePath,
        mcp_url: mcpHttp.endpoint?.url ?? null,
        mcp_socket: mcpSocket.path,
      })
    : `Orchestron is serving ${server.url}\n${mcpLine}\nMCP socket: ${mcpSocket.path} (\`orchestron mcp\` connects to it)\nDatabase: ${options.databasePath}\nPress Ctrl-C to stop.`;
  process.stdout.write(`${summary}\n`);
  if (options.open) openInBrowser(server.url);
  await new Promise<void>((resolveStopped) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      setTimeout(() => process.exit(0), FORCED_EXIT_MS).unref();
      Promise.all([server.close(), mcpHttp.endpoint?.close(), mcpSocket.close()])
        .catch((error: unknown) =>
          process.stderr.write(`orchestron: closing the server failed: ${String(error)}\n`),
        )
        .finally(() => {
          orchestrator.dispose();
          resolveStopped();
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
