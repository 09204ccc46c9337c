import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Caller } from '../../../../src/core/call-context.ts';
import type { SubtaskSpecInput } from '../../../../src/shared/operations/expansion.ops.ts';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';

const claude: Caller = { kind: 'agent', name: 'claude', session: 's1' };

describe('the agent strategy and add_subtasks', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  const create = async (title: string, fields: Record<string, unknown> = {}) =>
    (await core.call('create_task', { title, ...fields })).task.id;
  const subtasksOf = async (id: number) => (await core.call('list_tasks', { parent_id: id })).tasks;

  test('expand_task with the agent provider returns a prompt and creates nothing', async () => {
    const before = await create('Before');
    const id = await create('Login page', {
      description: 'Email and password sign-in.',
      acceptance_criteria: ['Wrong password shows an error', 'Success opens the dashboard'],
      dependencies: [before],
    });
    await create('Profile page', { dependencies: [id] });
    const unchanged = snapshot(core);
    const result = await core.callAs(claude, 'expand_task', { task_id: id, provider: 'agent' });
    assert.equal(snapshot(core), unchanged, 'the agent strategy writes nothing');
    assert.equal(result.strategy, 'agent');
    assert.deepEqual(result.subtasks, []);
    const prompt = result.prompt!;
    for (const text of [
      'Login page',
      'Email and password sign-in.',
      '1. Wrong password shows an error',
      '2. Success opens the dashboard',
      `#${before} Before`,
      'Profile page',
      '"subtasks"',
      `add_subtasks with task_id ${id}`,
    ])
      assert.ok(prompt.includes(text), `the prompt mentions ${text}`);
    assert.match(result.message, /Nothing was created yet/);
    assert.equal((result.answer_schema as { type: string }).type, 'object');
  });

  test('add_subtasks creates exactly what was submitted, nested, with dependencies by position', async () => {
    const outside = await create('Design review');
    const id = await create('Checkout', { priority: 'high' });
    const submitted: SubtaskSpecInput[] = [
      {
        title: 'Cart totals',
        description: 'Sum the lines.',
        details: 'Use integer cents.',
        test_strategy: 'Property test the sums.',
        acceptance_criteria: ['Totals match the lines'],
        dependencies: [`#${outside}`],
        subtasks: [
          { title: 'Line sums', description: '', dependencies: [] },
          { title: 'Tax', description: 'Per region.', dependencies: ['1.1'], priority: 'urgent' },
        ],
      },
      // depends on a subtask listed after it: added once both exist
      { title: 'Payment', description: 'Card form.', dependencies: [1, '3'] },
      { title: 'Receipt', description: 'Email it.', dependencies: [] },
    ];
    const result = await core.callAs(claude, 'add_subtasks', { task_id: id, subtasks: submitted });
    assert.deepEqual(
      result.subtasks.map((s) => [s.path, s.title]),
      [
        ['1', 'Cart totals'],
        ['1.1', 'Line sums'],
        ['1.2', 'Tax'],
        ['2', 'Payment'],
        ['3', 'Receipt'],
      ],
    );
    const byPath = new Map(result.subtasks.map((s) => [s.path, s]));
    const idOf = (path: string) => byPath.get(path)!.id;
    assert.equal(byPath.get('1')!.parent_id, id);
    assert.equal(byPath.get('1.2')!.parent_id, idOf('1'));
    assert.deepEqual(byPath.get('1')!.dependencies, [outside]);
    assert.deepEqual(byPath.get('1.2')!.dependencies, [idOf('1.1')]);
    assert.deepEqual(
      [...byPath.get('2')!.dependencies].sort((a, b) => a - b),
      [idOf('1'), idOf('3')],
    );
    const cart = (await core.call('get_task', { task_id: idOf('1') })).task;
    assert.equal(cart.details, 'Use integer cents.');
    assert.equal(cart.test_strategy, 'Property test the sums.');
    assert.equal(cart.priority, 2, "the expanded task's priority by default");
    assert.deepEqual(cart.acceptance_criteria, [{ text: 'Totals match the lines', done: false }]);
    assert.equal((await core.call('get_task', { task_id: idOf('1.2') })).task.priority, 4);
    assert.equal((await subtasksOf(id)).length, 3);
    assert.deepEqual(result.warnings, []);
    assert.match(result.message, /Added 5 subtasks under #\d+ "Checkout"/);
  });

  test('a dependency on its own subtask is left out with a warning', async () => {
    const id = await create('Parent');
    const result = await core.call('add_subtasks', {
      task_id: id,
      subtasks: [
        {
          title: 'Outer',
          description: '',
          dependencies: ['1.1'],
          subtasks: [{ title: 'Inner', description: '', dependencies: [] }],
        },
      ],
    });
    assert.deepEqual(result.subtasks[0]!.dependencies, []);
    assert.match(result.warnings[0]!, /already waits for its own subtask 1.1/);
  });

  describe('refuses bad plans with a clear error and writes nothing', () => {
    const spec = (title: string, dependencies: (number | string)[] = []) => ({
      title,
      description: '',
      dependencies,
    });
    const cases: [string, (ids: { id: number; other: number }) => unknown, RegExp, string][] = [
      [
        'a loop among the new subtasks',
        ({ id }) => ({
          task_id: id,
          subtasks: [spec('A', ['3']), spec('B', ['1']), spec('C', ['2'])],
        }),
        /form a loop: 1 "A" depends on 3, 3 "C" depends on 2, 2 "B" depends on 1/,
        'CYCLE',
      ],
      [
        'a subtask depending on itself',
        ({ id }) => ({ task_id: id, subtasks: [spec('A', ['1'])] }),
        /depends on itself/,
        'CYCLE',
      ],
      [
        'a nested subtask depending on the subtask that contains it',
        ({ id }) => ({
          task_id: id,
          subtasks: [{ ...spec('A'), subtasks: [spec('A1', ['1'])] }],
        }),
        /1.1 "A1" depends on 1, which contains it/,
        'CYCLE',
      ],
      [
        'a subtask depending on the expanded task',
        ({ id }) => ({ task_id: id, subtasks: [spec('A', [`#${id}`])] }),
        /which contains it/,
        'CYCLE',
      ],
      [
        'a loop through an existing task',
        ({ id, other }) => ({ task_id: id, subtasks: [spec('A', [`#${other}`])] }),
        /cycle/,
        'CYCLE',
      ],
      [
        'an unknown position',
        ({ id }) => ({ task_id: id, subtasks: [spec('A', [7])] }),
        /no new subtask at that position \(1..1 at the top level\); to depend on existing task 7, write "#7"/,
        'VALIDATION',
      ],
      [
        'an unknown existing task',
        ({ id }) => ({ task_id: id, subtasks: [spec('A', ['#9999'])] }),
        /No task to depend on \(subtask 1\) with id 9999/,
        'NOT_FOUND',
      ],
      [
        'a reference that is neither',
        ({ id }) => ({ task_id: id, subtasks: [spec('A', ['first'])] }),
        /write a new subtask's position/,
        'VALIDATION',
      ],
      [
        'an empty title',
        ({ id }) => ({ task_id: id, subtasks: [spec('ok'), spec('   ')] }),
        /subtasks.1.title: title must not be empty/,
        'VALIDATION',
      ],
      [
        'too many subtasks',
        ({ id }) => ({
          task_id: id,
          subtasks: Array.from({ length: 51 }, (_, i) => spec(`S${i}`)),
        }),
        /at most 50 subtasks in one call/,
        'VALIDATION',
      ],
      [
        'too many when nested ones are counted',
        ({ id }) => ({
          task_id: id,
          subtasks: Array.from({ length: 26 }, (_, i) => ({
            ...spec(`S${i}`),
            subtasks: [spec(`S${i}.1`)],
          })),
        }),
        /counting nested ones/,
        'VALIDATION',
      ],
      [
        'nesting deeper than three levels',
        ({ id }) => ({
          task_id: id,
          subtasks: [
            {
              ...spec('1'),
              subtasks: [{ ...spec('2'), subtasks: [{ ...spec('3'), subtasks: [spec('4')] }] }],
            },
          ],
        }),
        /nest at most 3 levels/,
        'VALIDATION',
      ],
      [
        'no subtasks',
        ({ id }) => ({ task_id: id, subtasks: [] }),
        /at least one subtask/,
        'VALIDATION',
      ],
    ];
    for (const [name, input, message, code] of cases) {
      test(name, async () => {
        const id = await create('Parent');
        // `other` waits for the parent: a subtask of the parent waiting for `other` closes a loop
        const other = await create('Other', { dependencies: [id] });
        const unchanged = snapshot(core);
        const failure = await core.failsAs(claude, 'add_subtasks', input({ id, other }));
        assert.equal(failure.code, code, failure.message);
        assert.match(failure.message, message);
        assert.equal(snapshot(core), unchanged);
      });
    }

    test('a closed task takes no subtasks', async () => {
      const id = await create('Done already');
      await core.call('update_task_status', { task_id: id, status: 'cancelled' });
      const unchanged = snapshot(core);
      const failure = await core.fails('add_subtasks', { task_id: id, subtasks: [spec('A')] });
      assert.equal(failure.code, 'FORBIDDEN');
      assert.match(failure.message, /is cancelled; subtasks cannot be added/);
      assert.equal(snapshot(core), unchanged);
    });
  });
});
