// The far-out overview's pure parts: the scene built from the canvas's nodes (sizes, highlights,
// selected tasks on top, edges between shown tasks), hit-testing, the viewport's flow rectangle,
// labels cut to fit; the node cache hiding nodes for it; and tasks left out until placed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NO_FILTERS,
  placedGraph,
  visibleGraph,
} from '../../../src/renderer/features/graph/graph-filters.ts';
import { NodeCache, criticalEdgeIds } from '../../../src/renderer/features/graph/graph-nodes.ts';
import {
  flowPointAt,
  minimapBounds,
  minimapFrame,
} from '../../../src/renderer/features/graph/minimap-frame.ts';
import {
  contains,
  fitLabel,
  isOverview,
  overviewScene,
  taskAt,
  viewRect,
} from '../../../src/renderer/features/graph/overview-scene.ts';
import { flyTo } from '../../../src/renderer/features/graph/fly-to.ts';
import { createGraphStore } from '../../../src/renderer/stores/graph-store.ts';
import type { Task } from '../../../src/shared/tasks/task.schema.ts';
import { task } from './make-task.ts';

function graphOf(...tasks: Task[]) {
  const map = new Map(tasks.map((t) => [t.id, t]));
  return { map, visible: visibleGraph(map, NO_FILTERS, new Set()) };
}

function nodesFor(tasks: Map<number, Task>, options: { hidden: boolean; selected?: number[] }) {
  return new NodeCache().buildNodes({
    tasks,
    visible: visibleGraph(tasks, NO_FILTERS, new Set()),
    questions: new Map([[2, new Set(['ticket'])]]),
    dragged: new Map([[3, { x: 900, y: 40 }]]),
    selected: new Set(options.selected ?? []),
    collapsed: new Set(),
    critical: new Set([1, 2]),
    showReady: true,
    measured: new Map([[1, { width: 240, height: 130 }]]),
    hidden: options.hidden,
  });
}

const three = () =>
  graphOf(
    task(1, { position: { x: 0, y: 0 } }),
    task(2, { position: { x: 320, y: 0 }, dependencies: [1], status: 'in_progress' }),
    task(3, { position: { x: 640, y: 0 }, dependencies: [2], ready: false }),
  );

describe('the overview scene', () => {
  it('switches below the overview zoom only', () => {
    assert.equal(isOverview(0.05), true);
    assert.equal(isOverview(0.49), true);
    assert.equal(isOverview(0.5), false);
    assert.equal(isOverview(1), false);
  });

  it('draws each node where React Flow would, with its size, status and highlights', () => {
    const { map } = three();
    const nodes = nodesFor(map, { hidden: true, selected: [1] });
    const scene = overviewScene(
      nodes,
      visibleGraph(map, NO_FILTERS, new Set()).edges,
      criticalEdgeIds([1, 2]),
      new Set([1]),
    );
    const byId = new Map(scene.nodes.map((node) => [node.id, node]));
    assert.deepEqual(byId.get(1), {
      id: 1,
      x: 0,
      y: 0,
      width: 240,
      height: 130,
      status: 'pending',
      label: '#1 Task 1',
      selected: true,
      critical: true,
      ready: true,
      questions: 0,
    });
    // unmeasured nodes have the node's drawn size; a dragged node is where the drag has it
    assert.deepEqual([byId.get(3)!.x, byId.get(3)!.width, byId.get(3)!.height], [900, 240, 96]);
    assert.equal(byId.get(2)!.questions, 1);
    assert.equal(byId.get(2)!.status, 'in_progress');
    assert.equal(byId.get(3)!.ready, false);
    // the selected task is painted last, over its neighbours
    assert.equal(scene.nodes.at(-1)!.id, 1);
    assert.deepEqual(
      scene.edges.map((edge) => [edge.source.id, edge.target.id, edge.critical]),
      [
        [1, 2, true],
        [2, 3, false],
      ],
    );
  });

  it('finds the topmost task under a point, and none on the empty canvas', () => {
    const { map, visible } = three();
    const overlapping = new Map(map).set(4, task(4, { position: { x: 100, y: 50 } }));
    const scene = overviewScene(
      nodesFor(overlapping, { hidden: true, selected: [4] }),
      visible.edges,
      new Set(),
      new Set([4]),
    );
    assert.equal(taskAt(scene, { x: 10, y: 10 }), 1);
    assert.equal(taskAt(scene, { x: 150, y: 60 }), 4, 'the selected one is on top');
    assert.equal(taskAt(scene, { x: 345, y: 95 }), 2);
    assert.equal(taskAt(scene, { x: 280, y: 10 }), null, 'between two columns');
    assert.equal(taskAt(scene, { x: -5, y: 10 }), null);
  });

  it('knows which flow rectangle a viewport shows', () => {
    assert.deepEqual(viewRect([100, -50, 0.5], 800, 600), {
      x: -200,
      y: 100,
      width: 1600,
      height: 1200,
    });
  });

  it('tells whether a box lies wholly inside the view', () => {
    const view = { x: 0, y: 0, width: 1000, height: 500 };
    assert.equal(contains(view, { x: 10, y: 10, width: 240, height: 96 }), true);
    assert.equal(contains(view, { x: 800, y: 10, width: 240, height: 96 }), false);
    assert.equal(contains(view, { x: -1, y: 10, width: 240, height: 96 }), false);
  });

  it('cuts labels to the room there is, with an ellipsis', () => {
    assert.equal(fitLabel('#12 Build the API', 40), '#12 Build the API');
    assert.equal(fitLabel('#12 Build the API', 8), '#12 Bui…');
    assert.equal(fitLabel('#12 Build the API', 1), '');
  });
});

describe('nodes for the overview', () => {
  it('hides every node and never leaves one selected in React Flow, keeping its size known', () => {
    const { map } = three();
    const nodes = nodesFor(map, { hidden: true, selected: [2] });
    assert.ok(nodes.every((node) => node.hidden === true && node.selected === false));
    assert.ok(nodes.every((node) => node.initialWidth === 240 && node.initialHeight === 96));
    const shown = nodesFor(map, { hidden: false, selected: [2] });
    assert.deepEqual(
      shown.map((node) => [node.id, node.hidden, node.selected]),
      [
        ['1', false, false],
        ['2', false, true],
        ['3', false, false],
      ],
    );
  });

  it('rebuilds a node when it is hidden or shown, and reuses it otherwise', () => {
    const { map } = three();
    const cache = new NodeCache();
    const inputs = {
      tasks: map,
      visible: visibleGraph(map, NO_FILTERS, new Set()),
      questions: new Map(),
      dragged: new Map(),
      selected: new Set<number>(),
      collapsed: new Set<number>(),
      critical: new Set<number>(),
      showReady: false,
      measured: new Map(),
      hidden: false,
    };
    const first = cache.buildNodes(inputs);
    assert.equal(cache.buildNodes(inputs)[0], first[0], 'unchanged: the same object');
    const hidden = cache.buildNodes({ ...inputs, hidden: true });
    assert.notEqual(hidden[0], first[0]);
    assert.equal(hidden[0]!.hidden, true);
  });
});

describe('tasks waiting for a position', () => {
  it('are left out, with their edges, until placed; a placed graph is returned as it was', () => {
    const { map, visible } = graphOf(
      task(1, { position: { x: 0, y: 0 } }),
      task(2, { dependencies: [1] }),
      task(3, { position: { x: 640, y: 0 }, dependencies: [1] }),
    );
    const placed = placedGraph(visible, map);
    assert.deepEqual(placed.ids, [1, 3]);
    assert.deepEqual(
      placed.edges.map((edge) => edge.id),
      ['1->3'],
    );
    const all = three();
    assert.equal(placedGraph(all.visible, all.map), all.visible);
  });
});

describe('flying to a task', () => {
  const flowAt = (zoom: number, landing: Promise<boolean>) => ({
    getZoom: () => zoom,
    setCenter: () => landing,
  });

  it('keeps the overview until it lands when it starts from the overview', async () => {
    const store = createGraphStore();
    let land!: (value: boolean) => void;
    const flight = flyTo(
      flowAt(0.1, new Promise((done) => (land = done))),
      store,
      { x: 0, y: 0 },
      1,
    );
    assert.equal(store.getState().flying, true);
    land(true);
    await flight;
    assert.equal(store.getState().flying, false);
  });

  it('leaves the nodes alone when it starts from them', async () => {
    const store = createGraphStore();
    const flight = flyTo(flowAt(0.8, Promise.resolve(true)), store, { x: 0, y: 0 }, 1);
    assert.equal(store.getState().flying, false);
    await flight;
  });

  it('lands anyway when the animation is cut short and never reports its end', async () => {
    const store = createGraphStore();
    await flyTo(flowAt(0.1, new Promise(() => {})), store, { x: 0, y: 0 }, 1, 20);
    assert.equal(store.getState().flying, false);
  });
});

describe('the minimap', () => {
  it('fits the graph and the view into its box, centred, and maps a press back to the flow', () => {
    const { map } = three();
    const scene = overviewScene(nodesFor(map, { hidden: false }), [], new Set(), new Set());
    const view = { x: 100, y: -200, width: 400, height: 300 };
    const bounds = minimapBounds(scene.nodes, view);
    assert.deepEqual(bounds, { x: 0, y: -200, width: 1140, height: 336 });
    const frame = minimapFrame(bounds, 200, 150);
    // the width decides: 188 px for 1,140 flow units
    assert.ok(Math.abs(frame.scale - 188 / 1140) < 1e-9);
    const middle = flowPointAt(frame, { x: 100, y: 75 });
    assert.ok(Math.abs(middle.x - 570) < 1e-6 && Math.abs(middle.y - -32) < 1e-6);
  });
});
