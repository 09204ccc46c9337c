// Test helpers for the web server: a temp database with a real orchestrator behind a real
// server on a free port, and raw HTTP requests that may set any header (fetch cannot set Host).
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { startWebServer } from '../../../src/host/web/web-server.ts';

export interface WebFixture {
  orchestrator: Orchestrator;
  url: string;
  port: number;
  rendererDir: string;
  dispose(): Promise<void>;
}

export async function startFixture(rendererDir?: string): Promise<WebFixture> {
  const folder = mkdtempSync(join(tmpdir(), 'orchestron-web-'));
  const orchestrator = new Orchestrator({
    databasePath: join(folder, 'test.db'),
    checkOutputs: true,
    watchIntervalMs: 20,
  });
  const dir = rendererDir ?? join(folder, 'renderer');
  const server = await startWebServer({ orchestrator, port: 0, rendererDir: dir });
  return {
    orchestrator,
    url: server.url,
    port: Number(new URL(server.url).port),
    rendererDir: dir,
    async dispose() {
      await server.close();
      orchestrator.dispose();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    // The path goes out verbatim (no URL normalisation), so traversal attempts reach the server.
    const target = {
      hostname,
      port,
      path: options.path,
      method: options.method ?? 'GET',
      headers: options.headers,
    };
    const request = httpRequest(target, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** POSTs a call message the way the page does and returns the status and parsed body. */
export async function postCall(
  url: string,
  message: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL('/api/call', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
