// import_taskmaster on small files built for one behaviour each: layouts, ids, statuses,
// fields, references, and every way a file can be wrong (each a clear error, nothing written).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ProgressReport } from '../../../../src/core/call-context.ts';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import { flat, generatedFile, tagged, task } from './taskmaster-helpers.ts';

let core: TestCore;
beforeEach(() => {
  core = openTestCore();
});
afterEach(() => core.dispose());

const getTask = async (id: number) => (await core.call('get_task', { task_id: id })).task;
const importFile = (content: string, extra: Record<string, unknown> = {}) =>
  core.call('import_taskmaster', { content, ...extra });

/** Fails with `code`, says `message`, and leaves the database as it was. */
async function refused(input: Record<string, unknown>, code: string, message: RegExp) {
  const before = snapshot(core);
  const error = await core.fails('import_taskmaster', input);
  assert.equal(error.code, code, error.message);
  assert.match(error.message, message);
  assert.equal(snapshot(core), before);
}

describe('import_taskmaster: layouts and fields', () => {
  test('the flat layout keeps details, test strategy, priority, criteria, complexity, tags and assignee', async () => {
    const result = await importFile(
      flat([
        task(1, {
          priority: 'high',
          acceptanceCriteria: '- Returns 200\n- Logs the call',
          complexity: 7,
          tags: ['api', 'v 2'],
          assignee: 'ann',
          recommendedSubtasks: 3,
        }),
      ]),
    );
    const imported = await getTask(result.tags[0]!.first_id);
    assert.equal(imported.title, 'Task 1');
    assert.equal(imported.description, 'About 1');
    assert.equal(imported.details, 'Details of 1');
    assert.equal(imported.test_strategy, 'Test 1');
    assert.equal(imported.priority_label, 'high');
    assert.deepEqual(
      imported.acceptance_criteria.map((criterion) => criterion.text),
      ['Returns 200', 'Logs the call'],
    );
    assert.equal(imported.complexity_score, 7);
    assert.deepEqual(imported.tags, ['api', 'v-2']);
    assert.equal(imported.assignee, 'ann');
    assert.deepEqual(result.warnings, [
      'field "recommendedSubtasks" has no place here (dropped): 1',
    ]);
    assert.equal(result.tags[0]!.tag, '');
  });

  test('every status maps onto ours; an unknown one becomes pending with a warning', async () => {
    const words = [
      'done',
      'pending',
      'in-progress',
      'review',
      'deferred',
      'cancelled',
      'todo',
      'completed',
      'blocked',
      'someday',
    ];
    const expected = [
      'completed',
      'pending',
      'in_progress',
      'review',
      'blocked',
      'cancelled',
      'pending',
      'completed',
      'blocked',
      'pending',
    ];
    const result = await importFile(flat(words.map((status, at) => task(at + 1, { status }))));
    const base = result.tags[0]!.first_id;
    const statuses = await Promise.all(
      words.map(async (_word, at) => (await getTask(base + at)).status),
    );
    assert.deepEqual(statuses, expected);
    assert.deepEqual(result.warnings, ['unknown status "someday" (imported as pending): 10']);
    const done = await getTask(base);
    assert.equal(done.progress, 100);
    assert.notEqual(done.completed_at, null);
  });

  test('priorities low..critical, numbers 0..4, and an unknown one (medium, with a warning)', async () => {
    const given = ['low', 'medium', 'high', 'critical', 4, 'asap'];
    const result = await importFile(flat(given.map((priority, at) => task(at + 1, { priority }))));
    const base = result.tags[0]!.first_id;
    const labels = await Promise.all(
      given.map(async (_p, at) => (await getTask(base + at)).priority_label),
    );
    assert.deepEqual(labels, ['low', 'medium', 'high', 'critical', 'urgent', 'medium']);
    assert.match(result.warnings.join('\n'), /unknown priority "asap"/);
  });

  test('the tagged layout: every tag by default, each task tagged with its tag; or one tag', async () => {
    const content = tagged({
      master: [task(1), task(2, { dependencies: [1] })],
      'feature x': [task(1, { title: 'Other one' })],
    });
    const all = await importFile(content);
    assert.equal(all.task_count, 3);
    assert.deepEqual(
      all.id_map.map(([label]) => label),
      ['master/1', 'master/2', 'feature x/1'],
    );
    const other = await getTask(all.tags[1]!.first_id);
    assert.deepEqual(other.tags, ['feature-x']);
    assert.deepEqual((await getTask(all.tags[0]!.first_id + 1)).dependencies, [
      all.tags[0]!.first_id,
    ]);
    const one = await importFile(content, { tag: 'feature x' });
    assert.equal(one.task_count, 1);
    assert.deepEqual((await getTask(one.tags[0]!.first_id)).tags, []);
  });

  test('string ids, string subtask ids, plain-string subtasks and dotted references', async () => {
    const result = await importFile(
      flat([
        task('a', {
          subtasks: [
            { id: 'x', title: 'First step' },
            { id: 'y', title: 'Second step', dependencies: ['x'] },
            'A step given as text',
          ],
        }),
        task('b', { dependencies: ['a', 'a.y'] }),
        task('c', {
          subtasks: [{ id: 1, title: 'Needs a step of a', dependencies: ['a.3', 'b'] }],
        }),
      ]),
    );
    assert.deepEqual(
      result.id_map.map(([label]) => label),
      ['a', 'a.x', 'a.y', 'a.3', 'b', 'c', 'c.1'],
    );
    const id = (label: string) => result.id_map.find(([l]) => l === label)![1];
    assert.deepEqual((await getTask(id('a.y'))).dependencies, [id('a.x')]);
    assert.equal((await getTask(id('a.3'))).title, 'A step given as text');
    assert.equal((await getTask(id('a.3'))).parent_id, id('a'));
    assert.deepEqual(
      (await getTask(id('b'))).dependencies.toSorted(),
      [id('a'), id('a.y')].toSorted(),
    );
    // in a subtask, a plain id with no such sibling names a task
    assert.deepEqual(
      (await getTask(id('c.1'))).dependencies.toSorted(),
      [id('a.3'), id('b')].toSorted(),
    );
  });

  test('into a named project; readiness follows the imported statuses', async () => {
    await core.call('create_project', { name: 'shop' });
    const result = await importFile(
      flat([
        task(1, { status: 'done' }),
        task(2, { status: 'cancelled' }),
        task(3, { dependencies: [1] }),
        task(4, { dependencies: [2] }),
      ]),
      { project_id: 'shop' },
    );
    assert.equal(result.project.name, 'shop');
    const base = result.tags[0]!.first_id;
    assert.equal((await getTask(base + 2)).ready, true);
    const waiting = await getTask(base + 3);
    assert.equal(waiting.ready, false);
    assert.equal(waiting.waiting_on_failed, true);
    const listed = await core.call('list_tasks', { project_id: 'shop' });
    assert.equal(listed.count, 4);
  });

  test('titles: a missing one is named after the id, a long one is cut and kept in the description', async () => {
    const long = 'word '.repeat(200).trim();
    const result = await importFile(
      flat([task(1, { title: '' }), task(2, { title: long, description: 'Why' })]),
    );
    const base = result.tags[0]!.first_id;
    assert.equal((await getTask(base)).title, 'Task 1');
    const cut = await getTask(base + 1);
    assert.equal(cut.title.length, 500);
    assert.equal(cut.description, `${long}\n\nWhy`);
    assert.equal(result.warnings.length, 2);
  });

  test('started or done while a prerequisite is open: kept as the file says, with a warning', async () => {
    const result = await importFile(
      flat([
        task(1),
        task(2, { status: 'done', dependencies: [1], subtasks: [{ id: 1, title: 'open step' }] }),
      ]),
    );
    const base = result.tags[0]!.first_id;
    assert.equal((await getTask(base + 1)).status, 'completed');
    assert.deepEqual(result.warnings, [
      'started or done while a prerequisite is not done (kept as the file says): 2 (needs 1)',
      'done with subtasks still open (kept as the file says): 2',
    ]);
  });

  test('5,000 generated tasks import in one call, with progress reported', async () => {
    const reports: ProgressReport[] = [];
    const result = await core.orchestrator.call(
      'import_taskmaster',
      { content: generatedFile(5000) },
      { actor: 'test', progress: (report) => reports.push(report) },
    );
    const subtasks = Math.floor(5000 / 3) * 3;
    assert.equal(result.task_count, 5000 + subtasks);
    assert.equal(result.id_map.length, 200);
    const last = reports.at(-1)!;
    assert.equal(last.phase, 'importing Task Master tasks');
    assert.equal(last.done, last.total);
    assert.equal(last.total, 5000 + subtasks);
    // task 5000 (position: 5000 tasks and the subtasks of tasks 3..4998 before it) waits for 4999, 4993, 4950
    const base = result.tags[0]!.first_id;
    const position = (id: number) => id - 1 + Math.floor((id - 1) / 3) * 3;
    const lastTask = await getTask(base + position(5000));
    assert.equal(lastTask.title, 'Generated task 5000');
    assert.deepEqual(
      lastTask.dependencies.toSorted((a, b) => a - b),
      [4950, 4993, 4999].map((id) => base + position(id)),
    );
  });
});

describe('import_taskmaster: bad files change nothing', () => {
  test('invalid JSON: VALIDATION with the line and column', async () => {
    await refused(
      { content: '{"tasks": [\n  {"id": 1,}\n]}' },
      'VALIDATION',
      /not valid JSON \(line 2, column \d+\)/,
    );
  });

  test('JSON that is not a tasks.json: an array, no tasks list, a wrongly typed field', async () => {
    await refused({ content: '[1, 2]' }, 'VALIDATION', /not a JSON object/);
    await refused({ content: '{"name": "x", "other": {"a": 1}}' }, 'VALIDATION', /no "tasks" list/);
    await refused(
      { content: flat([task(1, { title: 5 as unknown as string })]) },
      'VALIDATION',
      /tasks\.0\.title: .*string/,
    );
    await refused({ content: '{"tasks": [{"title": "no id"}]}' }, 'VALIDATION', /tasks\.0\.id/);
  });

  test('a cycle: CYCLE naming the tasks on it; break_cycles drops the forward dependency', async () => {
    const content = flat([
      task(1, { dependencies: [3] }),
      task(2, { dependencies: [1] }),
      task(3, { dependencies: [2] }),
    ]);
    await refused({ content }, 'CYCLE', /1 depends on 3, 3 depends on 2, 2 depends on 1/);
    const result = await importFile(content, { break_cycles: true });
    assert.match(result.warnings[0]!, /dropped to break cycles: 1 → 3 \(cycle 1 → 3 → 2 → 1\)/);
    assert.deepEqual((await getTask(result.tags[0]!.first_id)).dependencies, []);
  });

  test('a subtask depending on its own parent closes a cycle too', async () => {
    const content = flat([
      task(1, { subtasks: [{ id: 1, title: 'step', dependencies: [1, '1'] }] }),
    ]);
    // in subtask 1.1, "1" names its sibling with that id (itself, dropped) before task 1
    const ok = await importFile(content);
    assert.match(ok.warnings.join('\n'), /depending on themselves \(dropped\): 1\.1/);
    const parentCycle = flat([
      task(7, { subtasks: [{ id: 1, title: 'step', dependencies: [7] }] }),
    ]);
    await refused({ content: parentCycle }, 'CYCLE', /7 contains subtask 7\.1, 7\.1 depends on 7/);
  });

  test('flat file with a tag, unknown project, empty content', async () => {
    await refused({ content: flat([task(1)]), tag: 'master' }, 'VALIDATION', /flat layout/);
    await refused(
      { content: flat([task(1)]), project_id: 'nowhere' },
      'NOT_FOUND',
      /No project "nowhere"/,
    );
    await refused({ content: '' }, 'VALIDATION', /content must not be empty/);
  });
});

describe('import_taskmaster: damaged but importable', () => {
  test('duplicate ids: both imported, references go to the first, and a warning says so', async () => {
    const result = await importFile(
      flat([
        task(1, { title: 'first one' }),
        task(1, { title: 'second one' }),
        task(2, { dependencies: [1] }),
      ]),
    );
    assert.equal(result.task_count, 3);
    const base = result.tags[0]!.first_id;
    assert.deepEqual((await getTask(base + 2)).dependencies, [base]);
    assert.deepEqual(result.warnings, ['duplicate task ids (dependencies go to the first): 1']);
  });

  test('a dangling dependency is dropped with a warning; the task is imported', async () => {
    const result = await importFile(flat([task(1, { dependencies: [16, '9.2'] })]));
    assert.equal(result.task_count, 1);
    assert.deepEqual((await getTask(result.tags[0]!.first_id)).dependencies, []);
    assert.deepEqual(result.warnings, [
      'dependencies on ids not in the file (dropped): 1 → 16, 1 → 9.2',
    ]);
  });
});
