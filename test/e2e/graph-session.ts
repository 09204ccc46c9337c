// A graph page in a real browser against a real server and database, for the graph's end-to-end
// tests: a fresh database seeded by the test, `startWebServer` on a free port, Debian's Chromium,
// and every page error or console error collected in `problems`.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { startWebServer } from '../../src/host/web/web-server.ts';
import { launchChromium } from './chromium.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RESULTS = join(ROOT, 'test-results');

export interface GraphSession {
  orchestrator: Orchestrator;
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

export async function openGraphSession(
  name: string,
  seed: (orchestrator: Orchestrator) => Promise<void>,
): Promise<GraphSession> {
  assert.ok(existsSync(join(ROOT, 'out', 'renderer', 'index.html')), 'run `npm run build` first');
  const folder = mkdtempSync(join(tmpdir(), `orchestron-${name}-`));
  const orchestrator = new Orchestrator({
    databasePath: join(folder, 'graph.db'),
    watchIntervalMs: 25,
  });
  let browser: Browser | undefined;
  let server: { close(): Promise<void> } | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    orchestrator.dispose();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await seed(orchestrator);
    const web = await startWebServer({ orchestrator, port: 0 });
    server = web;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1360, height: 880 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(new URL('?view=graph', web.url).href);
    return { orchestrator, page, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}
