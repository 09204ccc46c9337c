// The core as the desktop app runs it, in Electron's utilityProcess: the orchestrator, the MCP
// endpoints agents connect to, the client protocol on every MessagePort main hands over, and
// what main needs for the desktop (the attention count, events worth a notification).
// Nothing here imports electron: the parent port is passed in, so tests drive it from Node.
import { installedBin, onPath } from '../../core/agents/mcp-launcher.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import type { McpTarget } from '../../shared/mcp/mcp-config.ts';
import { mcpTokenPath, readToken } from '../mcp/mcp-token.ts';
import { desktopConnectTarget } from './connect-target.ts';
import { startServeMcpHttp } from '../mcp/http-endpoint.ts';
import { startSocketEndpoint } from '../mcp/socket-endpoint.ts';
import { watchAttention } from './attention-watch.ts';
import { readMainMessage, type CoreToMain } from './core-messages.ts';

/** Electron's MessagePortMain, as far as the core uses it (a Node MessagePort adapts easily). */
export interface CorePort {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** process.parentPort in a utilityProcess. */
export interface ParentChannel {
  on(event: 'message', listener: (message: { data: unknown; ports: CorePort[] }) => void): unknown;
  postMessage(message: CoreToMain): void;
}

/** Serves the client protocol on one port until the port closes or the result is disposed. */
export type PortServer = (port: CorePort, orchestrator: Orchestrator) => { dispose(): void };

export interface CoreProcessOptions {
  parent: ParentChannel;
  orchestrator: Orchestrator;
  databasePath: string;
  servePort: PortServer;
  /** Agents' endpoints; tests leave them off. */
  agentEndpoints: boolean;
  /** Called once everything is closed after a shutdown message (the entry exits the process). */
  onStopped: () => void;
}

export interface CoreProcess {
  dispose(): Promise<void>;
  /** How agents reach this core, for get_connect_config (see connect-target.ts). */
  connectTarget(): McpTarget | null;
}

async function startAgentEndpoints(orchestrator: Orchestrator, databasePath: string) {
  // the default MCP port, skipped with a note when another Orchestron holds it
  const http = await startServeMcpHttp({ orchestrator, databasePath, portChosen: false });
  try {
    const socket = await startSocketEndpoint(orchestrator, { databasePath });
    return { http, socket };
  } catch (error) {
    await http.endpoint?.close();
    throw error;
  }
}

export async function runCoreProcess(options: CoreProcessOptions): Promise<CoreProcess> {
  const { parent, orchestrator } = options;
  const served = new Set<{ dispose(): void }>();
  const endpoints = options.agentEndpoints
    ? await startAgentEndpoints(orchestrator, options.databasePath)
    : null;
  const attention = watchAttention(orchestrator, {
    count: (count) => parent.postMessage({ type: 'attention', count }),
    notice: (notice) => parent.postMessage({ type: 'notice', notice }),
    error: (error) =>
      process.stderr.write(`orchestron core: counting what waits failed: ${String(error)}\n`),
  });

  let disposing: Promise<void> | undefined;
  const dispose = () =>
    (disposing ??= (async () => {
      attention.dispose();
      for (const connection of served) connection.dispose();
      served.clear();
      await Promise.all([endpoints?.http.endpoint?.close(), endpoints?.socket.close()]);
    })());

  parent.on('message', (message) => {
    const request = readMainMessage(message.data);
    if (request?.type === 'connect') {
      const port = message.ports[0];
      if (!port) return;
      const connection = options.servePort(port, orchestrator);
      served.add(connection);
      port.on('close', () => served.delete(connection));
    } else if (request?.type === 'shutdown') {
      void dispose().finally(options.onStopped);
    }
  });

  parent.postMessage({
    type: 'ready',
    database: options.databasePath,
    mcpUrl: endpoints?.http.endpoint?.url ?? null,
    mcpSocket: endpoints?.socket.path ?? null,
    note: endpoints?.http.note ?? null,
  });
  const connectTarget = () =>
    desktopConnectTarget({
      onPath: onPath('orchestron'),
      bin: installedBin(),
      url: endpoints?.http.endpoint?.url ?? null,
      token: endpoints ? readToken(mcpTokenPath(options.databasePath)) : null,
    });
  return { dispose, connectTarget };
}
