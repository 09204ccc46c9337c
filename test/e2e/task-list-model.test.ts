// The page's task list model against a real core, without a browser: events reach it late and
// out of step with its reads (as over the network), pages are loaded while changes stream in,
// and after every round of mixed changes its rows equal a fresh read, field for field.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Prng } from '../../bench/prng.ts';
import type { OrchestronEvent } from '../../src/shared/operations/events.ops.ts';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
} from '../../src/shared/operations/registry.ts';
import type { Task } from '../../src/shared/tasks/task.schema.ts';
import type { RendererClient } from '../../src/renderer/client/feed-status.ts';
import { TaskListModel } from '../../src/renderer/features/tasks/task-list-model.ts';
import { openTestCore, type TestCore } from '../helpers/temp-orchestrator.ts';
import { makeMixedChanges } from './mixed-changes.ts';
import { seedTasks } from './seed-tasks.ts';

const ROUNDS = 10;
const CHANGES_PER_ROUND = 100;

interface SpyClient extends RendererClient {
  /** The id range the pages read so far cover: up to the last page's last id, or all. */
  coveredUpTo(): number;
  listTaskCalls: number;
}

/** A client whose answers and events each arrive after a random few milliseconds, events in order. */
function slowClient(core: TestCore, random: Prng): SpyClient {
  const listeners = new Set<(event: OrchestronEvent) => void>();
  let delivery = Promise.resolve();
  core.orchestrator.subscribe((event) => {
    delivery = delivery
      .then(() => delay(random.int(0, 3)))
      .then(() => listeners.forEach((listener) => listener(event)));
  });
  let upTo = 0;
  const client: SpyClient = {
    capabilities: { nativeNotifications: false },
    listTaskCalls: 0,
    coveredUpTo: () => upTo,
    async call<N extends OperationName>(name: N, input: OperationInput<N>) {
      await delay(random.int(0, 4));
      const result: OperationOutput<N> = await core.orchestrator.call(name, input, {
        actor: 'human:web',
      });
      if (name === 'list_tasks') {
        client.listTaskCalls++;
        const page = result as OperationOutput<'list_tasks'>;
        upTo = page.next_cursor === null ? Infinity : page.tasks.at(-1)!.id;
      }
      await delay(random.int(0, 4));
      return result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return client;
}

async function lastEventId(core: TestCore): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await core.call('list_events', { after_id: last, limit: 500 });
    if (page.events.length === 0) return last;
    last = page.next_after_id;
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}.`);
    await delay(5);
  }
}

/**
 * The rows without updated_at: task.updated and dependency events do not carry it, and the
 * event's own time can be a millisecond off the task's (the page does not show it).
 */
function comparable(tasks: readonly Task[]): Omit<Task, 'updated_at'>[] {
  return tasks.map(({ updated_at: _at, ...task }) => task);
}

async function freshRows(core: TestCore, upTo: number): Promise<Task[]> {
  const { tasks } = await core.call('list_tasks', { project_id: 1, limit: 500 });
  return (tasks as Task[]).filter((task) => task.id <= upTo);
}

/** Fails on the first row that differs, naming it, rather than printing both lists. */
function assertSameRows(actual: readonly Task[], expected: readonly Task[], when: string): void {
  const have = comparable(actual);
  const want = comparable(expected);
  for (let i = 0; i < Math.max(have.length, want.length); i++)
    assert.deepEqual(have[i], want[i], `row ${i} ${when}`);
}

describe('task list model, applying events in place', () => {
  let core: TestCore;
  let otherProjectId: number;

  before(async () => {
    core = openTestCore();
    await seedTasks(core.orchestrator);
    otherProjectId = (await core.call('create_project', { name: 'elsewhere' })).project.id;
  });
  after(() => core.dispose());

  it('reads the first page only while behind another view, and the rest once shown', async () => {
    const client = slowClient(core, new Prng(99));
    const model = new TaskListModel(client, 'default');
    model.setShown(false);
    const stop = model.start();
    try {
      await until(() => model.getState().phase === 'ready', 'the first page');
      await delay(100);
      assert.equal(client.listTaskCalls, 1, 'one page read behind another view');
      assert.equal(model.getState().hasMore, true);
      model.setShown(true);
      await until(() => !model.getState().hasMore, 'every page once shown');
      assert.equal(model.getState().tasks.length, model.getState().count);
    } finally {
      stop();
    }
  });

  for (const [name, pagesToLoad] of [
    ['keeps the first page equal to a fresh read', 0],
    ['keeps loaded pages equal to a fresh read while more are loaded', 3],
  ] as const) {
    it(name, async () => {
      const random = new Prng(pagesToLoad + 7);
      const client = slowClient(core, random);
      const model = new TaskListModel(client, 'default');
      let stop = (): void => {};
      try {
        for (let round = 1; round <= ROUNDS; round++) {
          const changes = makeMixedChanges(core.orchestrator, {
            projectId: 1,
            otherProjectId,
            changes: CHANGES_PER_ROUND,
            seed: round * 31 + pagesToLoad,
            actor: 'other-process',
          });
          // the first page is read while changes stream in, and so is every further one
          if (round === 1) stop = model.start();
          if (round <= pagesToLoad) {
            await until(() => model.getState().phase === 'ready', 'the first page');
            void model.loadMore();
          }
          await changes;
          const last = await lastEventId(core);
          await until(() => model.getState().syncedTo >= last, `event ${last} in round ${round}`);
          await until(() => !model.getState().loadingMore, 'the page being loaded');
          const state = model.getState();
          const fresh = await freshRows(core, client.coveredUpTo());
          assertSameRows(state.tasks, fresh, `after round ${round}`);
          const { count } = await core.call('list_tasks', { project_id: 1, limit: 1 });
          assert.equal(state.count, count, `count after round ${round}`);
        }
        // the first page, then the rest in one large page (the project stays under 550 tasks),
        // never a read per event; a "Load more" while a page is being read adds none
        assert.ok(client.listTaskCalls <= 2, `${client.listTaskCalls} reads`);
      } finally {
        stop();
      }
    });
  }
});
