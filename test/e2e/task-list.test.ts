// The list view in a real browser against a real server and database: every task loaded and
// only the visible rows rendered, sorting and filtering, live updates from another connection,
// markers, the error and empty states, and no CSP violations.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { startWebServer } from '../../src/host/web/web-server.ts';
import { launchChromium } from './chromium.ts';
import { SEEDED_TASKS, seedTasks } from './seed-tasks.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'test-results');

let folder: string;
let orchestrator: Orchestrator;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

before(async () => {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error(
      'out/renderer/index.html is missing: run `npm run build` before the end-to-end tests.',
    );
  }
  folder = mkdtempSync(join(tmpdir(), 'orchestron-e2e-'));
  orchestrator = new Orchestrator({ databasePath: join(folder, 'e2e.db'), watchIntervalMs: 25 });
  await seedTasks(orchestrator);
  server = await startWebServer({ orchestrator, port: 0 });
  browser = await launchChromium();
  page = await openPage(new URL('/?view=list', server.url).href);
});

after(async () => {
  await browser?.close();
  await server?.close();
  orchestrator?.dispose();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openPage(url: string): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  opened.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  opened.on(
    'console',
    (message) => message.type() === 'error' && pageProblems.push(`console: ${message.text()}`),
  );
  await opened.goto(url);
  return opened;
}

const rows = (on: Page) => on.locator('tbody tr');

describe('task list page', () => {
  it('loads every task, shows the count, and renders only the rows in view', async () => {
    await page.locator('.app-header').getByText('Orchestron').waitFor();
    await page.getByRole('heading', { name: 'default' }).waitFor();
    await page.getByText(`${SEEDED_TASKS} tasks`, { exact: true }).waitFor();
    const rendered = await rows(page).count();
    assert.ok(rendered > 10 && rendered < SEEDED_TASKS, `${rendered} rows rendered`);
    assert.equal(await page.locator('tbody tr').first().getAttribute('data-task-id'), '1');
  });

  it('shows status badges, priorities, dependencies and the ready / waiting-on-failed markers', async () => {
    const failed = page.locator('tr[data-task-id="10"]');
    assert.equal(await failed.locator('.badge').textContent(), 'failed');
    assert.equal(
      await page.locator('tr[data-task-id="14"] .marker').textContent(),
      'waiting on failed',
    );
    assert.equal(await page.locator('tr[data-task-id="14"] .dependency').textContent(), '#10');
    assert.equal(await page.locator('tr[data-task-id="6"] .marker').textContent(), 'ready');
    assert.equal(await page.locator('tr[data-task-id="16"] .badge').textContent(), 'review');
    assert.equal(await page.locator('tr[data-task-id="1"] .badge').textContent(), 'completed');
    assert.equal(await page.locator('tr[data-task-id="3"] .priority').textContent(), 'critical');
  });

  it('sorts by a column header and filters by text, #id and status', async () => {
    const priority = page.getByRole('button', { name: 'Priority' });
    await priority.click();
    assert.equal(await page.locator('th[aria-sort="descending"]').textContent(), 'Priority ↓');
    assert.equal(await rows(page).first().locator('.priority').textContent(), 'urgent');
    await priority.click();
    assert.equal(await rows(page).first().locator('.priority').textContent(), 'low');
    await page.getByRole('button', { name: 'ID' }).click();
    assert.equal(await rows(page).first().getAttribute('data-task-id'), '1');

    const filter = page.getByLabel('Filter tasks');
    await filter.fill('#14');
    await page.getByText(`${SEEDED_TASKS} tasks · 1 match`).waitFor();
    assert.equal(await rows(page).count(), 1);
    await filter.fill('MCP bridge');
    await page.getByText(`${SEEDED_TASKS} tasks · 8 match`).waitFor();
    await filter.fill('');
    await page.getByLabel('Filter by status').selectOption('failed');
    await page.getByText(`${SEEDED_TASKS} tasks · 1 match`).waitFor();
    assert.equal(await rows(page).first().getAttribute('data-task-id'), '10');
    await page.getByLabel('Filter by status').selectOption('all');
    await page.getByText(`${SEEDED_TASKS} tasks`, { exact: true }).waitFor();
  });

  it('shows a task created by another connection without a reload', async () => {
    const other = new Orchestrator({
      databasePath: join(folder, 'e2e.db'),
      watchIntervalMs: false,
    });
    try {
      await other.call(
        'create_task',
        { title: 'Created by another process', priority: 'urgent', dependencies: [10] },
        { actor: 'cli:test' },
      );
    } finally {
      other.dispose();
    }
    await page.getByText(`${SEEDED_TASKS + 1} tasks`, { exact: true }).waitFor({ timeout: 5_000 });
    // the new task is the last row: found with the filter rather than by scrolling
    await page.getByLabel('Filter tasks').fill('another process');
    const row = page.locator('tbody tr', { hasText: 'Created by another process' });
    await row.waitFor();
    assert.equal(await row.locator('.marker').textContent(), 'waiting on failed');
    mkdirSync(RESULTS, { recursive: true });
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(RESULTS, 'task-list-filtered.png') });
    await page.getByLabel('Filter tasks').fill('');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(RESULTS, 'task-list.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(RESULTS, 'task-list-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows a failed call with its code and message where the list would be', async () => {
    const broken = await openPage(new URL('/?project=no-such-project&view=list', server.url).href);
    const alert = broken.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-code'), 'NOT_FOUND');
    assert.match(
      (await alert.textContent()) ?? '',
      /No project "no-such-project"\. Known projects: default/,
    );
    await broken.screenshot({ path: join(RESULTS, 'task-list-error.png') });
    await broken.close();
  });

  it('tells the user how to create a task when the project is empty', async () => {
    await orchestrator.call('create_project', { name: 'empty-project' }, { actor: 'test' });
    const empty = await openPage(new URL('/?project=empty-project&view=list', server.url).href);
    await empty.getByText('No tasks yet').waitFor();
    assert.match(
      (await empty.locator('.empty-state').textContent()) ?? '',
      /orchestron task create --project empty-project --title "Write the README"/,
    );
    assert.doesNotMatch((await empty.locator('.empty-state').textContent()) ?? '', /npx/);
    await empty.screenshot({ path: join(RESULTS, 'task-list-empty.png') });
    await empty.close();
  });

  it('ran without page errors or CSP violations', () => {
    assert.deepEqual(
      pageProblems.filter((problem) => !/404 \(Not Found\)/.test(problem)),
      [],
    );
  });
});
