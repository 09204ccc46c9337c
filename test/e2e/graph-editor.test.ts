// The graph editor in a real browser against a real server and database: tasks laid out in the
// worker, a task created by double-click, a dependency drawn, a cycle refused at the edge with
// nothing changed, undo and redo through the API, a change from elsewhere shown live, filters,
// the palette, and screenshots in light and dark.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Orchestrator } from '../../src/core/orchestrator.ts';
import type { Task } from '../../src/shared/tasks/task.schema.ts';
import { openGraphSession, RESULTS, type GraphSession } from './graph-session.ts';
import { until } from './until.ts';

const CLI = { actor: 'cli:test' };

let session: GraphSession;
let orchestrator: Orchestrator;
let page: Page;

before(async () => {
  session = await openGraphSession('graph', async (core) => {
    const design = await core.call('create_task', { title: 'Design the schema' }, CLI);
    const build = await core.call(
      'create_task',
      { title: 'Build the API', dependencies: [design.task.id], tags: ['backend'] },
      CLI,
    );
    await core.call(
      'create_task',
      { title: 'Write the docs', dependencies: [build.task.id], assignee: 'ana' },
      CLI,
    );
    await core.call('create_task', { title: 'Pick a logo' }, CLI);
  });
  ({ orchestrator, page } = session);
});

after(() => session?.close());

const node = (id: number) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function tasks(): Promise<Map<number, Task>> {
  const listed = await orchestrator.call('list_tasks', { fields: 'full', limit: 500 }, CLI);
  return new Map((listed.tasks as Task[]).map((t) => [t.id, t]));
}

/**
 * Presses the fit-view control and waits for the viewport to settle: React Flow fits on a later
 * frame, and a drag that starts before then aims at where the nodes were.
 */
async function fitView(): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  const transform = () =>
    page.evaluate(`document.querySelector('.react-flow__viewport').style.transform`);
  let last = '';
  await until(async () => {
    const now = (await transform()) as string;
    const still = now === last;
    last = now;
    return still;
  }, 'the view to settle');
}

/** Drags from the prerequisite's right handle to the dependent's left handle. */
async function connect(from: number, to: number): Promise<void> {
  const source = await node(from).locator('.react-flow__handle.source').boundingBox();
  const target = await node(to).locator('.react-flow__handle.target').boundingBox();
  assert.ok(source && target);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + 2, target.y + target.height / 2, { steps: 8 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
  await page.mouse.up();
}

describe('graph editor', () => {
  it('shows every task, laid out left to right in the worker, and saves the layout', async () => {
    await node(4).waitFor();
    await until(
      async () => [...(await tasks()).values()].every((t) => t.position !== null),
      'positions saved',
    );
    const saved = await tasks();
    assert.ok(saved.get(1)!.position!.x < saved.get(2)!.position!.x);
    assert.ok(saved.get(2)!.position!.x < saved.get(3)!.position!.x);
    assert.match((await node(2).textContent()) ?? '', /Build the API/);
    assert.equal(await page.locator('.react-flow__edge').count(), 2);
  });

  it('creates a task by double-clicking the canvas and typing its title', async () => {
    await fitView();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    assert.ok(pane);
    // the top margin fitView leaves: empty canvas, clear of the minimap and controls
    await page.mouse.dblclick(pane.x + pane.width / 2, pane.y + 24);
    await page.getByLabel('Title of the new task').fill('Deploy');
    await page.keyboard.press('Enter');
    await node(5).waitFor();
    assert.equal((await tasks()).get(5)?.title, 'Deploy');
  });

  it('adds a dependency by connecting two nodes', async () => {
    await fitView();
    await connect(3, 5);
    await until(async () => (await tasks()).get(5)?.dependencies.includes(3) === true, 'the edge');
    await page.locator('.react-flow__edge[data-id="3->5"]').waitFor();
  });

  it('refuses a cycle with the server message at the edge and changes nothing', async () => {
    const earlier = JSON.stringify([...(await tasks()).values()].map((t) => t.dependencies));
    await connect(5, 1);
    const label = page.locator('.refused-edge');
    await label.waitFor();
    assert.match(
      (await label.textContent()) ?? '',
      /would close a cycle: #1 "Design the schema" depends on #5 "Deploy"/,
    );
    assert.equal(JSON.stringify([...(await tasks()).values()].map((t) => t.dependencies)), earlier);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'graph-cycle-refused.png') });
    await label.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('undoes and redoes the dependency through the API (Ctrl+Z, Ctrl+Shift+Z)', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await until(async () => (await tasks()).get(5)?.dependencies.length === 0, 'the undo');
    await page.keyboard.press('Control+Shift+z');
    await until(async () => (await tasks()).get(5)?.dependencies.includes(3) === true, 'the redo');
  });

  it('shows a change made elsewhere in place', async () => {
    await orchestrator.call('update_task_status', { task_id: 1, status: 'completed' }, CLI);
    await node(1).locator('.badge--completed').waitFor();
    await node(2).locator('.task-node__ready').waitFor();
  });

  it('filters by status and by assignee', async () => {
    await page.locator('.graph-status', { hasText: 'completed' }).click();
    await until(async () => (await page.locator('.react-flow__node').count()) === 1, 'the filter');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Assignee').selectOption('ana');
    await until(
      async () => (await page.locator('.react-flow__node').count()) === 1,
      'the assignee filter',
    );
    await node(3).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await node(5).waitFor();
  });

  it('finds and focuses a task with the Ctrl+K palette', async () => {
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Find a task by title or #id').fill('logo');
    await page.keyboard.press('Enter');
    await node(4).locator('.task-node--selected').waitFor();
  });

  it('moves the selected task with the arrow keys, saved on key up and undoable', async () => {
    const at = async () => (await tasks()).get(4)!.position!;
    const start = await at();
    const is = (dx: number, dy: number) => async () => {
      const now = await at();
      return now.x === start.x + dx && now.y === start.y + dy;
    };
    await node(4).focus();
    // a held key repeats: three presses, one move
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    await page.keyboard.up('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await until(is(60, 100), 'the moves saved (20 px a press, 100 with Shift)');
    const box = await node(4).boundingBox();
    await page.keyboard.press('Control+z');
    await until(is(60, 0), 'the Shift move undone');
    // the database answers before the page repaints: wait for the screen too
    await until(async () => {
      const back = await node(4).boundingBox();
      return box !== null && back !== null && back.y < box.y;
    }, 'the node went back up on screen');
    await page.keyboard.press('Control+z');
    await until(is(0, 0), 'the held-key move undone in one step');
    await page.keyboard.press('Control+Shift+z');
    await until(is(60, 0), 'the held-key move redone');
  });

  it('asks before deleting a task others depend on, keeps Tab in the question, and relinks', async () => {
    // #3 "Write the docs" depends on #2 "Build the API", which depends on #1
    await node(2).click();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('alertdialog', { name: 'Delete this task?' });
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Other tasks depend on #2 "Build the API"/);
    for (let press = 0; press < 4; press++) await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(`document.activeElement?.closest('dialog') !== null`),
      true,
      'Tab stays in the dialog',
    );
    await page.screenshot({ path: join(RESULTS, 'graph-delete-question.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.ok((await tasks()).has(2), 'Escape deletes nothing');
    await node(2).click();
    await page.keyboard.press('Delete');
    await dialog.getByRole('button', { name: 'Delete and relink dependents' }).click();
    await until(async () => !(await tasks()).has(2), 'the delete');
    assert.deepEqual((await tasks()).get(3)!.dependencies, [1], 'the docs now wait on #1');
    await node(2).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await until(
      async () => [...(await tasks()).values()].some((t) => t.title === 'Build the API'),
      'the delete undone',
    );
    // the inspector, open on the deleted task, follows it to its new id
    const again = [...(await tasks()).values()].find((t) => t.title === 'Build the API')!;
    await page.locator(`aside.inspector[data-task-id="${again.id}"]`).waitFor();
  });

  it('looks right in light and dark, with no errors in the console', async () => {
    await fitView();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(RESULTS, 'graph-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(RESULTS, 'graph-dark.png') });
    assert.deepEqual(session.problems, []);
  });
});
