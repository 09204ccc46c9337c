// The page follows changes made by another process in place: 1,000 mixed changes from a
// separate process leave its rows (those rendered: the list is virtualised) equal to a freshly
// opened page's, with no list_tasks read per change and the same DOM nodes for the rows that stayed. Also: catching up after the event
// stream was cut, the project switcher (address, back and forward, live list), opening on the
// server's current project, and fix hints under an error.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
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
const WRITER = join(import.meta.dirname, 'live-writer.ts');
const CHANGES = 1_000;
/** A page that takes longer than this to answer a round trip is not responsive. */
const RESPONSIVE_MS = 1_000;
const actor = { actor: 'test' };

let folder: string;
let databasePath: string;
let orchestrator: Orchestrator;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let sideProjectId: number;
let shopFolder: string;
const pageProblems: string[] = [];
const listTaskReads = new Map<Page, number>();

before(async () => {
  assert.ok(
    existsSync(join(ROOT, 'out', 'renderer', 'index.html')),
    'out/renderer/index.html is missing: run `npm run build` before the end-to-end tests.',
  );
  folder = mkdtempSync(join(tmpdir(), 'orchestron-live-'));
  databasePath = join(folder, 'live.db');
  orchestrator = new Orchestrator({ databasePath, watchIntervalMs: 25 });
  await seedTasks(orchestrator);
  const side = await orchestrator.call('create_project', { name: 'side-project' }, actor);
  sideProjectId = side.project.id;
  for (const title of ['Draft the pitch', 'Book the venue', 'Send invitations'])
    await orchestrator.call('create_task', { project_id: sideProjectId, title }, actor);
  shopFolder = join(folder, 'shop');
  mkdirSync(shopFolder);
  await orchestrator.call('init_project', { root_path: shopFolder }, actor);
  server = await startWebServer({ orchestrator, port: 0, workspace: { cwd: shopFolder } });
  browser = await launchChromium();
  mkdirSync(RESULTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  orchestrator?.dispose();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openPage(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  listTaskReads.set(page, 0);
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on(
    'console',
    (message) => message.type() === 'error' && pageProblems.push(`console: ${message.text()}`),
  );
  // the page calls the core over its WebSocket: count the list_tasks calls it sends there
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (isListTasksCall(payload)) listTaskReads.set(page, (listTaskReads.get(page) ?? 0) + 1);
    }),
  );
  await page.goto(new URL(query, server.url).href);
  return page;
}

/** Whether a frame the page sent is a protocol call of list_tasks. */
function isListTasksCall(payload: string | Buffer): boolean {
  try {
    const message = JSON.parse(payload.toString()) as { type?: unknown; name?: unknown };
    return message.type === 'call' && message.name === 'list_tasks';
  } catch {
    return false;
  }
}

/**
 * Polls an expression in the page until it is true. (waitForFunction would compile it with
 * eval, which the page's Content-Security-Policy rightly refuses.)
 */
async function pageCondition(page: Page, expression: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${expression}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

/** Each row's HTML, by task id. */
function rowsHtml(page: Page): Promise<{ id: number; html: string }[]> {
  return page.evaluate(`[...document.querySelectorAll('tbody tr')].map((row) => ({
    id: Number(row.dataset.taskId),
    html: row.outerHTML,
  }))`);
}

async function lastEventId(): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await orchestrator.call('list_events', { after_id: last, limit: 500 }, actor);
    if (page.events.length === 0) return last;
    last = page.next_after_id;
  }
}

function waitForEvent(page: Page, eventId: number): Promise<void> {
  return pageCondition(
    page,
    `Number(document.querySelector('[data-synced-event]')?.dataset.syncedEvent) >= ${eventId}`,
  );
}

/** Marks every rendered row element with its task id, as a property of the DOM node itself. */
const TAG_ROWS = `window.taggedRows = [];
for (const row of document.querySelectorAll('tbody tr')) {
  row.liveTag = row.dataset.taskId;
  window.taggedRows.push(row.dataset.taskId);
}`;
/**
 * The ids of rows rendered when tagged and still rendered, whose element is no longer the one
 * tagged. (Rows that scrolled into the rendered window since, say after a delete above them,
 * were never tagged.)
 */
const REPLACED_ROWS = `[...document.querySelectorAll('tbody tr')]
  .filter((row) => window.taggedRows.includes(row.dataset.taskId) && row.liveTag !== row.dataset.taskId)
  .map((row) => row.dataset.taskId)`;

/** Notes the page's longest main-thread task (Long Tasks API: tasks over 50 ms). */
const WATCH_LONG_TASKS = `window.longestTask = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    window.longestTask = Math.max(window.longestTask, entry.duration);
}).observe({ type: 'longtask' })`;

/** Runs the writer process; resolves with its summary once it exited successfully. */
function runWriter(): { done: Promise<string>; exited: () => boolean } {
  const child = spawn(
    process.execPath,
    [WRITER, databasePath, '1', String(sideProjectId), String(CHANGES), '42'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const done = new Promise<string>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      exited = true;
      if (code === 0) resolveDone(output.trim());
      else reject(new Error(`The writer exited with ${code}: ${errors}`));
    });
  });
  return { done, exited: () => exited };
}

/** Runs the writer, checking all the while that every page answers; resolves when it exited. */
async function writeWhileWatching(pages: readonly Page[]) {
  const writer = runWriter();
  let slowest = 0;
  let roundTrips = 0;
  while (!writer.exited()) {
    for (const page of pages) {
      const started = Date.now();
      assert.equal(await page.evaluate('1 + 1'), 2);
      slowest = Math.max(slowest, Date.now() - started);
      roundTrips++;
    }
  }
  const output = await writer.done;
  return { output, summary: JSON.parse(output) as { changes: number }, slowest, roundTrips };
}

/** Asserts both pages show what a freshly opened page shows; returns the fresh rows. */
async function assertLikeFreshPage(pages: readonly Page[]) {
  const fresh = await openPage('/?project=default&view=list');
  await fresh.locator('tbody tr').first().waitFor();
  const count = await freshCount(fresh);
  const expected = await rowsHtml(fresh);
  for (const [index, page] of pages.entries()) {
    assert.deepEqual(await rowsHtml(page), expected, `page ${index + 1} equals a fresh page`);
    assert.equal(await page.locator('.task-count').textContent(), count);
  }
  await fresh.close();
  return expected;
}

/** The count a page shows once it loaded every task (no "· loading" part left). */
async function freshCount(page: Page): Promise<string> {
  await pageCondition(
    page,
    `/^\\d+ tasks?$/.test(document.querySelector('.task-count')?.textContent ?? '')`,
  );
  return (await page.locator('.task-count').textContent()) ?? '';
}

describe('live updates from another process', () => {
  it('applies 1,000 mixed changes in place, equal to a fresh page, without re-reading the list', async (t) => {
    const whole = await openPage('/?project=default&view=list');
    await whole.getByText(`${SEEDED_TASKS} tasks`, { exact: true }).waitFor();
    const other = await openPage('/?project=default&view=list');
    await other.getByText(`${SEEDED_TASKS} tasks`, { exact: true }).waitFor();
    const pages = [whole, other];
    for (const page of pages) await page.evaluate(`${TAG_ROWS}; ${WATCH_LONG_TASKS}`);
    const readsBefore = pages.map((page) => listTaskReads.get(page));
    // the counter sees the reads that loaded the list, so it would see a re-read too
    for (const reads of readsBefore) assert.ok(reads! > 0, 'the initial list_tasks read counted');

    const { output, summary, slowest, roundTrips } = await writeWhileWatching(pages);
    t.diagnostic(`writer: ${output}`);
    assert.equal(summary.changes, CHANGES);
    assert.ok(slowest < RESPONSIVE_MS, `a round trip took ${slowest} ms while changes streamed in`);
    assert.ok(roundTrips > 10, `only ${roundTrips} round trips while the writer ran`);
    const last = await lastEventId();
    for (const page of pages) await waitForEvent(page, last);
    const longest = await Promise.all(pages.map((page) => page.evaluate('window.longestTask')));
    t.diagnostic(`page round trips while it ran: ${roundTrips}, slowest ${slowest} ms`);
    t.diagnostic(`longest main-thread task in the pages: ${JSON.stringify(longest)} ms`);
    assert.ok(Math.max(...(longest as number[])) < RESPONSIVE_MS, 'no long main-thread task');

    const expected = await assertLikeFreshPage(pages);
    assert.deepEqual(
      pages.map((page) => listTaskReads.get(page)),
      readsBefore,
      'no list_tasks read for the changes',
    );
    for (const page of pages)
      assert.deepEqual(await page.evaluate(REPLACED_ROWS), [], 'rows kept in place');
    const kept = expected.filter((row) => row.id <= SEEDED_TASKS).length;
    t.diagnostic(`${expected.length} rows after event ${last}; ${kept} seeded rows kept in place`);
    assert.ok(kept > 0 && kept < SEEDED_TASKS, `${kept} of the seeded tasks remain`);

    await whole.mouse.move(0, 0);
    await whole.evaluate('window.scrollTo(0, 0)');
    await whole.screenshot({ path: join(RESULTS, 'live-updates.png') });
    await Promise.all([whole.close(), other.close()]);
  });
});

describe('a page whose event stream was cut', () => {
  it('catches up with what changed meanwhile, whether the browser reconnects or gives up', async () => {
    const { task } = await orchestrator.call(
      'create_task',
      { project_id: sideProjectId, title: 'Follow the stream' },
      actor,
    );
    let ownServer = await startWebServer({ orchestrator, port: 0 });
    const port = Number(new URL(ownServer.url).port);
    const page = await browser.newPage();
    await page.goto(new URL('/?project=side-project&view=list', ownServer.url).href);
    // the earlier test filled the project with tasks: show this one with the filter (by id, which
    // the renames below keep), since the virtualised list renders only the rows in view
    await page.getByLabel('Filter tasks').fill(`#${task.id}`);
    await page.getByText('Follow the stream').waitFor();
    const indicator = page.locator('.live-indicator');
    const rename = (title: string) =>
      orchestrator.call('update_task', { task_id: task.id, title }, actor);

    // the server goes away and comes back: the browser reconnects by itself
    await ownServer.close();
    await rename('Renamed while the server was down');
    await page.getByText('Reconnecting…').waitFor();
    ownServer = await startWebServer({ orchestrator, port });
    await page.getByText('Renamed while the server was down').waitFor({ timeout: 15_000 });
    assert.equal(await indicator.textContent(), 'Live');

    // the stream is refused (an HTTP error): the browser gives up, the page opens a fresh one
    await ownServer.close();
    const refusing = createServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((listening) => refusing.listen(port, '127.0.0.1', listening));
    await rename('Renamed while the stream was refused');
    await page.getByText('Reconnecting…').waitFor();
    await new Promise<void>((closed) => {
      refusing.close(() => closed());
      refusing.closeAllConnections();
    });
    ownServer = await startWebServer({ orchestrator, port });
    await page.getByText('Renamed while the stream was refused').waitFor({ timeout: 15_000 });
    await rename('Renamed once live again');
    await page.getByText('Renamed once live again').waitFor();
    await page.close();
    await ownServer.close();
  });
});

describe('project switcher', () => {
  it('switches with the labelled select, puts the project in the address, and back returns', async () => {
    const page = await openPage('/?project=default&view=list');
    await page.getByRole('heading', { name: 'default' }).waitFor();
    const select = page.getByLabel('Project');
    assert.equal(await select.locator('option:checked').textContent(), 'default');

    await select.selectOption({ label: 'side-project' });
    await page.getByRole('heading', { name: 'side-project' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('project'), 'side-project');
    await page.getByText('Draft the pitch').waitFor();

    await page.goBack();
    await page.getByRole('heading', { name: 'default' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('project'), 'default');
    assert.equal(await select.locator('option:checked').textContent(), 'default');
    await page.goForward();
    await page.getByRole('heading', { name: 'side-project' }).waitFor();

    // keyboard: the select takes focus and arrow keys move through the projects
    await page.getByText('Draft the pitch').waitFor();
    await select.press('ArrowDown');
    await page.getByRole('heading', { name: 'shop' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('project'), 'shop');
    await page.goBack();
    await page.getByRole('heading', { name: 'side-project' }).waitFor();

    // kept live: a new project appears, a rename shows in the heading and the address
    await orchestrator.call('create_project', { name: 'launch-plan' }, actor);
    await select.locator('option', { hasText: 'launch-plan' }).waitFor({ state: 'attached' });
    await orchestrator.call(
      'update_project',
      { project_id: sideProjectId, name: 'side-quest' },
      actor,
    );
    await page.getByRole('heading', { name: 'side-quest' }).waitFor();
    await page.waitForURL(/[?&]project=side-quest(&|$)/);
    assert.equal(await select.locator('option:checked').textContent(), 'side-quest');
    await page.screenshot({ path: join(RESULTS, 'project-switcher.png') });
    await page.close();
  });

  it("opens on the server's current project when the address names none", async () => {
    const page = await openPage('/?view=list');
    await page.getByRole('heading', { name: 'shop' }).waitFor();
    await page.waitForURL(/[?&]project=shop(&|$)/);
    const empty = (await page.locator('.empty-state').textContent()) ?? '';
    assert.match(empty, /orchestron task create --project shop --title "Write the README"/);
    assert.match(empty, new RegExp(`Inside ${shopFolder}.*orchestron task create --title`));
    assert.doesNotMatch(empty, /npx/);
    await page.screenshot({ path: join(RESULTS, 'current-project.png') });
    // the address was replaced, not pushed: back leaves the app rather than showing "/" again
    await page.goBack();
    assert.equal(page.url(), 'about:blank');
    await page.close();
  });

  it('shows how to fix a failed call under its message', async () => {
    const page = await openPage('/?project=no-such-project&view=list');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const hints = await alert.locator('.error-banner__hint').allTextContents();
    assert.ok(
      hints.includes('To see every project: list_projects'),
      `hints shown: ${JSON.stringify(hints)}`,
    );
    await page.close();
  });

  it('ran without page errors', () => {
    assert.deepEqual(
      pageProblems.filter((problem) => !/404 \(Not Found\)/.test(problem)),
      [],
    );
  });
});
