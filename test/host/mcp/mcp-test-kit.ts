// What the MCP tests share: a core with its socket endpoint on a temp database, and official
// v2 clients in either protocol era.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Transport } from '@modelcontextprotocol/client';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { startSocketEndpoint, type SocketEndpoint } from '../../../src/host/mcp/socket-endpoint.ts';
import { socketPathFor } from '../../../src/host/mcp/socket-path.ts';
import type { ToolSelection } from '../../../src/host/mcp/tool-sets.ts';
import { SocketClientTransport } from './socket-transport.ts';

export type Era = 'legacy' | 'auto' | 'modern';
export const ERAS: readonly Era[] = ['legacy', 'auto', 'modern'];

export interface SocketKit {
  dir: string;
  databasePath: string;
  core: Orchestrator;
  endpoint: SocketEndpoint;
  connect(era: Era, name?: string, opening?: string): Promise<Client>;
  dispose(): Promise<void>;
}

export function newClient(era: Era, name = 'test-agent'): Client {
  const mode = era === 'modern' ? { pin: '2026-07-28' } : era;
  return new Client({ name, version: '1.0.0' }, { versionNegotiation: { mode } });
}

export async function connectWith(transport: Transport, era: Era, name?: string): Promise<Client> {
  const client = newClient(era, name);
  await client.connect(transport);
  return client;
}

export async function openSocketKit(tools: ToolSelection = 'default'): Promise<SocketKit> {
  const dir = mkdtempSync(join(tmpdir(), 'orchestron-mcp-'));
  const databasePath = join(dir, 'orchestron.db');
  const core = new Orchestrator({ databasePath, checkOutputs: true, watchIntervalMs: false });
  const endpoint = await startSocketEndpoint(core, {
    databasePath,
    path: socketPathFor(databasePath, { dataDir: join(dir, 'data') }),
    tools,
    log: () => {},
  });
  const clients: Client[] = [];
  return {
    dir,
    databasePath,
    core,
    endpoint,
    async connect(era, name, opening) {
      const client = await connectWith(
        new SocketClientTransport(endpoint.path, opening),
        era,
        name,
      );
      clients.push(client);
      return client;
    },
    async dispose() {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      await endpoint.close();
      core.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The first text block of a tool result. */
export function textOf(result: { content?: unknown }): string {
  const content = result.content as { type: string; text?: string }[] | undefined;
  return content?.find((block) => block.type === 'text')?.text ?? '';
}
