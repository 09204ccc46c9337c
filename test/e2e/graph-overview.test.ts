// The graph seen from far out, in a real browser against a real server and database: below the
// overview zoom the task nodes leave the document and a canvas draws every task where its node
// would be; a click there selects the task (the inspector opens on it), a double-click zooms in
// on it and brings the nodes back. Screenshots in light and dark.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Orchestrator } from '../../src/core/orchestrator.ts';
import { OVERVIEW_ZOOM } from '../../src/renderer/features/graph/overview-scene.ts';
import { openGraphSession, RESULTS, type GraphSession } from './graph-session.ts';
import { until } from './until.ts';

const CLI = { actor: 'cli:test' };
const PHASES = 6;
const PER_PHASE = 10;
const TASKS = PHASES * PER_PHASE;

let session: GraphSession;
let orchestrator: Orchestrator;
let page: Page;

before(async () => {
  session = await openGraphSession('overview', async (core) => {
    // phases of ten, each task waiting on the one in its place a phase before
    for (let index = 0; index < TASKS; index++) {
      const waitsOn = index >= PER_PHASE ? [index - PER_PHASE + 1] : [];
      await core.call('create_task', { title: `Step ${index + 1}`, dependencies: waitsOn }, CLI);
    }
  });
  ({ orchestrator, page } = session);
});

after(() => session?.close());

function viewportTransform(): Promise<string> {
  return page.evaluate(`document.querySelector('.react-flow__viewport').style.transform`);
}

async function zoom(): Promise<number> {
  const transform = await viewportTransform();
  return Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1]);
}

/** Waits until the viewport has stopped moving (an animated zoom has ended). */
async function settled(): Promise<void> {
  let last = Number.NaN;
  await until(async () => {
    const now = await zoom();
    const still = now === last;
    last = now;
    return still;
  }, 'the viewport to settle');
}

/** Where on screen the centre of task `id` is drawn, from its saved position and the viewport. */
async function screenPoint(id: number): Promise<{ x: number; y: number }> {
  const { task } = await orchestrator.call('get_task', { task_id: id }, CLI);
  assert.ok(task.position, `task ${id} has a position`);
  const transform = await viewportTransform();
  const [, x, y, scale] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([\d.e-]+)\)/
    .exec(transform)!
    .map(Number);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // the drawn card is 240 × 96 in flow units (the node's size), its centre a safe point
  return {
    x: pane.x + x! + (task.position.x + 120) * scale!,
    y: pane.y + y! + (task.position.y + 48) * scale!,
  };
}

/** The canvas pixel's alpha at a page point: 0 where nothing is drawn. */
function alphaAt(point: { x: number; y: number }): Promise<number> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('canvas.graph-overview');
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const x = Math.round((${point.x} - box.left) * ratio);
    const y = Math.round((${point.y} - box.top) * ratio);
    return canvas.getContext('2d').getImageData(x, y, 1, 1).data[3];
  })()`);
}

describe('the graph from far out', () => {
  it('lays the tasks out and saves the layout', async () => {
    const placed = async () => {
      const listed = await orchestrator.call('list_tasks', { fields: 'full', limit: 500 }, CLI);
      return (listed.tasks as { position: unknown }[]).every((task) => task.position !== null);
    };
    await until(placed, 'the layout saved');
  });

  it('draws every task on a canvas instead of nodes below the overview zoom', async () => {
    // one step at a time, each animation ended before the next, as a person clicking would
    while ((await zoom()) >= OVERVIEW_ZOOM) {
      await page.locator('.react-flow__controls-zoomout').click();
      await settled();
    }
    const overview = page.locator('canvas.graph-overview');
    await overview.waitFor();
    await until(
      async () => (await overview.getAttribute('data-tasks')) === String(TASKS),
      `${TASKS} tasks drawn`,
    );
    assert.equal(await page.locator('.react-flow__node').count(), 0, 'no task nodes left');
    await page.locator('.graph-minimap canvas').waitFor();
    await page.getByText('Overview: click a task to select it').waitFor();
    const task = await screenPoint(25);
    assert.equal(await alphaAt(task), 255, 'task 25 is drawn where its node would be');
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    assert.equal(
      await alphaAt({ x: pane.x + 4, y: pane.y + pane.height - 4 }),
      0,
      'the empty corner is clear',
    );
  });

  it('selects a task clicked on the overview and opens it in the inspector', async () => {
    const point = await screenPoint(25);
    await page.mouse.click(point.x, point.y);
    await page.locator('aside.inspector[data-task-id="25"]').waitFor();
    mkdirSync(RESULTS, { recursive: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(RESULTS, 'graph-overview-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(RESULTS, 'graph-overview-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('zooms in on a task double-clicked on the overview', async () => {
    const point = await screenPoint(33);
    await page.mouse.dblclick(point.x, point.y);
    await until(async () => (await zoom()) === 1, 'zoom 1');
    await page.locator('.react-flow__node[data-id="33"]').waitFor();
    await page.locator('aside.inspector[data-task-id="33"]').waitFor();
    assert.equal(await page.locator('canvas.graph-overview').count(), 0);
    await page.locator('.graph-minimap canvas').waitFor();
    const created = await orchestrator.call('list_tasks', { limit: 1 }, CLI);
    assert.equal(created.count, TASKS, 'a double-click on a task creates none');
  });

  it('moves the view to the part of the graph pressed in the minimap, at the same zoom', async () => {
    const earlier = await viewportTransform();
    const minimap = (await page.locator('.graph-minimap canvas').boundingBox())!;
    // the first phase is the minimap's left edge: pressing there brings it to the middle
    await page.mouse.click(minimap.x + 12, minimap.y + minimap.height / 2);
    await until(async () => (await viewportTransform()) !== earlier, 'the view to move');
    assert.equal(await zoom(), 1);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const first = await screenPoint(5);
    assert.ok(
      Math.abs(first.x - (pane.x + pane.width / 2)) < pane.width / 3,
      `the first phase is near the middle now (${Math.round(first.x)})`,
    );
  });

  it('left nothing in the console', () => {
    assert.deepEqual(session.problems, []);
  });
});
