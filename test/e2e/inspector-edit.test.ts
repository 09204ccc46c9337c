// The inspector in a real browser against a real server and database: fields edited in place
// (a refused value shows the server's message at the field and changes nothing), status moved
// through legal moves only, review and pause, criteria, a cycle refused at the prerequisite
// field, a CLI change in another process appearing live, and screenshots in light and dark.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { startWebServer } from '../../src/host/web/web-server.ts';
import { launchChromium } from './chromium.ts';
import { until } from './until.ts';
import { seedTasks } from './seed-tasks.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'test-results');
const CLI = join(ROOT, 'bin', 'orchestron.mjs');
const run = promisify(execFile);

let folder: string;
let databasePath: string;
let orchestrator: Orchestrator;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

before(async () => {
  assert.ok(
    existsSync(join(ROOT, 'out', 'renderer', 'index.html')),
    'out/renderer/index.html is missing: run `npm run build` before the end-to-end tests.',
  );
  folder = mkdtempSync(join(tmpdir(), 'orchestron-inspector-'));
  databasePath = join(folder, 'inspector.db');
  orchestrator = new Orchestrator({ databasePath, watchIntervalMs: 25 });
  await seedTasks(orchestrator);
  await orchestrator.call(
    'update_task',
    { task_id: 6, acceptance_criteria: ['Parses the sample', 'Reports line numbers'] },
    { actor: 'test:seed' },
  );
  server = await startWebServer({ orchestrator, port: 0 });
  browser = await launchChromium();
  mkdirSync(RESULTS, { recursive: true });
  page = await openPage('/?project=default&view=list', 'light');
});

after(async () => {
  await browser?.close();
  await server?.close();
  orchestrator?.dispose();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openPage(query: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme });
  opened.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  opened.on(
    'console',
    (message) => message.type() === 'error' && pageProblems.push(`console: ${message.text()}`),
  );
  await opened.goto(new URL(query, server.url).href);
  return opened;
}

const inspector = (on: Page, id: number) => on.locator(`aside.inspector[data-task-id="${id}"]`);
const field = (on: Page, id: number, name: string) =>
  inspector(on, id).locator(`[data-field="${name}"]`);

async function readTask(id: number) {
  return (await orchestrator.call('get_task', { task_id: id }, { actor: 'test' })).task;
}

/** Opens a task in the inspector from the list's filter and a click on its row. */
async function inspect(on: Page, id: number): Promise<void> {
  await on.getByLabel('Filter tasks').fill(`#${id}`);
  await on.locator(`tbody tr[data-task-id="${id}"]`).click();
  await inspector(on, id).locator('[data-field="title"] input').waitFor();
  await on.getByLabel('Filter tasks').fill('');
}

describe('the inspector', () => {
  it('opens for a row clicked in the list, with every section', async () => {
    await inspect(page, 6);
    const panel = inspector(page, 6);
    for (const heading of [
      'Status',
      'Prerequisites',
      'Dependents',
      'Subtasks',
      'Files',
      'Commits',
      'Artifacts',
      'Saved context',
      'Activity',
    ])
      await panel.getByRole('heading', { name: heading, exact: true }).waitFor();
    assert.equal(
      await panel.locator('[data-field="title"] input').inputValue(),
      'Test the importer step 6',
    );
  });

  it('saves an edited field, and shows a refused one with the server message at the field', async () => {
    const title = field(page, 6, 'title').locator('input');
    await title.fill('Parse the runner output');
    await title.press('Enter');
    await page
      .locator('tbody tr[data-task-id="6"] .task-title', { hasText: 'Parse the runner output' })
      .waitFor();
    assert.equal((await readTask(6)).title, 'Parse the runner output');

    const unchanged = await readTask(6);
    await title.fill('   ');
    await title.press('Enter');
    const error = field(page, 6, 'title').locator('.field-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /title must not be empty/);
    assert.equal(await title.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await readTask(6), unchanged, 'the refused edit changed nothing');
    await title.press('Escape');
    await error.waitFor({ state: 'detached' });
    assert.equal(await title.inputValue(), 'Parse the runner output');

    const complexity = field(page, 6, 'complexity_score').locator('input');
    await complexity.fill('42');
    await complexity.press('Enter');
    const complexityError = field(page, 6, 'complexity_score').locator('.field-error');
    await complexityError.waitFor();
    assert.match((await complexityError.textContent()) ?? '', /10/);
    await complexity.fill('7');
    await complexity.press('Enter');
    await complexityError.waitFor({ state: 'detached' });
    assert.equal((await readTask(6)).complexity_score, 7);

    await field(page, 6, 'priority').locator('select').selectOption({ label: 'urgent' });
    await page.locator('tbody tr[data-task-id="6"] .priority', { hasText: 'urgent' }).waitFor();
    const tags = field(page, 6, 'tags').locator('input');
    await tags.fill('parser, v2');
    await tags.press('Enter');
    await page.waitForTimeout(100);
    assert.deepEqual((await readTask(6)).tags, ['parser', 'v2']);
  });

  it('ticks off and adds acceptance criteria', async () => {
    const panel = inspector(page, 6);
    // the box shows the saved state, so it turns checked once the server has it
    const first = panel.getByRole('checkbox', { name: 'Parses the sample' });
    await first.click();
    await panel.locator('.checklist__item--done', { hasText: 'Parses the sample' }).waitFor();
    assert.equal(await first.isChecked(), true);
    await panel.getByLabel('New acceptance criterion').fill('Handles empty input');
    await panel.getByLabel('New acceptance criterion').press('Enter');
    await panel.getByRole('checkbox', { name: 'Handles empty input' }).waitFor();
    assert.deepEqual((await readTask(6)).acceptance_criteria, [
      { text: 'Parses the sample', done: true },
      { text: 'Reports line numbers', done: false },
      { text: 'Handles empty input', done: false },
    ]);
  });

  it('adds a file with its lines and a note, refuses an empty path at the field, and removes it', async () => {
    const panel = inspector(page, 6);
    const path = panel.getByLabel('File path, with :line or :start-end');
    await path.fill('src/parse.ts:12-40');
    await panel.getByLabel('Note about the file').fill('the tokenizer');
    await path.press('Enter');
    await panel.locator('.file-refs code', { hasText: 'src/parse.ts:12-40' }).waitFor();
    assert.deepEqual(
      (await readTask(6)).file_refs.map(({ path: p, line_start, line_end, note }) => ({
        p,
        line_start,
        line_end,
        note,
      })),
      [{ p: 'src/parse.ts', line_start: 12, line_end: 40, note: 'the tokenizer' }],
    );
    await path.fill('   ');
    await path.press('Enter');
    await until(async () => (await path.getAttribute('aria-invalid')) === 'true', 'the refusal');
    assert.equal((await readTask(6)).file_refs.length, 1, 'the refused path changed nothing');
    await panel.getByRole('button', { name: 'Remove src/parse.ts:12-40' }).click();
    await until(async () => (await readTask(6)).file_refs.length === 0, 'the removal');
  });

  it('offers only legal status moves and moves the task', async () => {
    const moves = inspector(page, 6).getByRole('group', { name: 'Move to status' });
    assert.deepEqual(await moves.getByRole('button').allTextContents(), [
      'In progress',
      'Completed',
      'Blocked',
      'Cancelled',
    ]);
    await moves.getByRole('button', { name: 'In progress' }).click();
    await inspector(page, 6).locator('.status-line .badge', { hasText: 'in progress' }).waitFor();
    assert.equal((await readTask(6)).status, 'in_progress');
    assert.deepEqual(await moves.getByRole('button').allTextContents(), [
      'Needs input',
      'Review',
      'Completed',
      'Failed',
      'Pending',
      'Blocked',
      'Cancelled',
    ]);
    // task 14 waits on failed task 10: nothing that needs completed prerequisites is offered
    await inspect(page, 14);
    const waiting = inspector(page, 14).getByRole('group', { name: 'Move to status' });
    assert.deepEqual(await waiting.getByRole('button').allTextContents(), ['Blocked', 'Cancelled']);
    await inspector(page, 14).getByText('Waits on #10').waitFor();
  });

  it('refuses a dependency cycle with the server message at the prerequisite field', async () => {
    await inspect(page, 2);
    // 3 depends on 2, so 2 depending on 3 would close a loop
    const add = inspector(page, 2).getByLabel('Add a prerequisite by id');
    await add.fill('#3');
    await add.press('Enter');
    const error = inspector(page, 2).locator('.field-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /cycle/i);
    assert.deepEqual((await readTask(2)).dependencies, []);
  });

  it('rejects with a reason (required, said at the field) and approves a task in review', async () => {
    await inspect(page, 16);
    const panel = inspector(page, 16);
    await panel.getByRole('button', { name: 'Reject' }).click();
    const error = panel.locator('.review-actions .field-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /reason must not be empty/);
    assert.equal((await readTask(16)).status, 'review');
    const moves = await panel
      .getByRole('group', { name: 'Move to status' })
      .getByRole('button')
      .allTextContents();
    assert.deepEqual(
      moves,
      ['Failed', 'Cancelled'],
      'approve and reject stand for completed and in progress',
    );

    await panel.getByLabel(/Note for the agent/).fill('The summary is missing.');
    await panel.getByRole('button', { name: 'Reject' }).click();
    await panel.locator('.status-line .badge', { hasText: 'in progress' }).waitFor();
    await panel.locator('.timeline', { hasText: 'sent it back from review' }).waitFor();
    await orchestrator.call(
      'update_task_status',
      { task_id: 16, status: 'review' },
      { actor: 'test' },
    );
    await panel.getByRole('button', { name: 'Approve' }).click();
    await panel.locator('.status-line .badge', { hasText: 'completed' }).waitFor();
  });

  it('pauses and resumes a task', async () => {
    await inspect(page, 4);
    const panel = inspector(page, 4);
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel
      .locator('.pause-control .field-error', { hasText: 'reason must not be empty' })
      .waitFor();
    await panel.getByLabel('Pause reason').fill('Waiting for the design review');
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel
      .getByText('Waiting for the design review. Agents leave it alone.', { exact: false })
      .waitFor();
    assert.equal((await readTask(4)).paused_reason, 'Waiting for the design review');
    await panel.getByRole('button', { name: 'Resume' }).click();
    await panel.getByRole('button', { name: 'Pause' }).waitFor();
  });

  it('shows a change made with the CLI in another process in place', async () => {
    await inspect(page, 6);
    await run(process.execPath, [
      CLI,
      'task',
      'update',
      '6',
      '--title',
      'Renamed from the terminal',
      '--assignee',
      'ann',
      '--db',
      databasePath,
      '--actor',
      'cli:ann',
    ]);
    const title = field(page, 6, 'title').locator('input');
    await page.locator('aside.inspector [data-field="assignee"] input[value="ann"]').waitFor();
    assert.equal(await title.inputValue(), 'Renamed from the terminal');
    await inspector(page, 6).locator('.timeline li', { hasText: 'cli:ann' }).first().waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(RESULTS, 'inspector-light.png') });
  });

  it('looks right in dark mode, and closes with Escape', async () => {
    const dark = await openPage('/?project=default&view=list', 'dark');
    await inspect(dark, 16);
    await dark.mouse.move(0, 0);
    await dark.screenshot({ path: join(RESULTS, 'inspector-dark.png') });
    await inspector(dark, 16).getByRole('button', { name: 'Close the inspector' }).focus();
    await dark.keyboard.press('Escape');
    await inspector(dark, 16).waitFor({ state: 'detached' });
    await dark.close();
  });

  it('ran without page errors or CSP violations', () => {
    assert.deepEqual(
      pageProblems.filter((problem) => !/404 \(Not Found\)/.test(problem)),
      [],
    );
  });
});
