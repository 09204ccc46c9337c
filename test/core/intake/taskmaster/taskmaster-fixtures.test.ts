// import_taskmaster on real tasks.json files: Task Master's own (tagged, 1.5 MB, with a cycle,
// duplicate subtask ids, a dangling dependency and string ids) and the flat ones beside the
// PRD fixtures. The expectations were read off the files by hand.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import {
  FIXTURES,
  positionOf,
  readFixture,
  TASKMASTER_FIXTURE,
  type FileTask,
} from './taskmaster-helpers.ts';

let core: TestCore;
beforeEach(() => {
  core = openTestCore();
});
afterEach(() => core.dispose());

const getTask = async (id: number) => (await core.call('get_task', { task_id: id })).task;

describe("Task Master's own tasks.json (tagged)", () => {
  const content = readFixture(TASKMASTER_FIXTURE);
  const file = JSON.parse(content) as Record<string, { tasks: FileTask[] }>;

  test('its cycle (subtasks 12.1 and 12.4 wait for each other) is named, and nothing is imported', async () => {
    const before = snapshot(core);
    const error = await core.fails('import_taskmaster', { content });
    assert.equal(error.code, 'CYCLE');
    assert.match(
      error.message,
      /master\/12\.1 depends on master\/12\.4, master\/12\.4 depends on master\/12\.1/,
    );
    assert.deepEqual(error.details?.['cycle'], ['master/12.1', 'master/12.4', 'master/12.1']);
    assert.equal(snapshot(core), before);
  });

  test('with break_cycles every tag imports into one project: 182 tasks, 914 subtasks', async () => {
    const result = await core.call('import_taskmaster', { content, break_cycles: true });
    assert.equal(result.task_count, 1096);
    assert.deepEqual(
      result.tags.map((tag) => [tag.tag, tag.tasks, tag.subtasks]),
      [
        ['master', 93, 535],
        ['test-tag', 1, 0],
        ['cc-kiro-hooks', 10, 50],
        ['tm-core-phase-1', 11, 55],
        ['tm-start', 6, 0],
        ['autonomous-tdd-git-workflow', 23, 104],
        ['tdd-workflow-phase-0', 10, 50],
        ['tdd-phase-1-core-rails', 10, 50],
        ['loop', 18, 70],
      ],
    );
    const warnings = result.warnings.join('\n');
    assert.match(warnings, /dropped to break cycles: master\/12\.1 → master\/12\.4/);
    assert.match(warnings, /not in the file \(dropped\): test-tag\/1 → test-tag\/16/);
    assert.match(warnings, /duplicate subtask ids.*master\/42\.42/);
    assert.match(warnings, /"recommendedSubtasks" has no place here/);
    // several tags in one project: each task carries its tag
    const loop = result.tags.find((tag) => tag.tag === 'loop')!;
    const first = await getTask(loop.first_id);
    assert.equal(first.title, 'Define Loop Module Types and Interfaces');
    assert.deepEqual(first.tags, ['loop']);
  });

  test('one tag: master, with its dependencies remapped (numbers, sibling strings, dotted ids)', async () => {
    const result = await core.call('import_taskmaster', {
      content,
      tag: 'master',
      break_cycles: true,
    });
    assert.equal(result.task_count, 93 + 535);
    const base = result.tags[0]!.first_id;
    const tasks = file['master']!.tasks;
    const id = (label: string) => base + positionOf(tasks, label);
    // task 94 (done) depends on 19 and 26 (pending): kept as the file says, and pointed out
    const azure = await getTask(id('94'));
    assert.equal(azure.title, 'Implement Azure OpenAI Provider Integration');
    assert.equal(azure.status, 'completed');
    assert.deepEqual(azure.dependencies.toSorted(), [id('19'), id('26')].toSorted());
    assert.match(result.warnings.join('\n'), /94 \(needs 26\)/);
    // subtask 97.3 depends on "1" and "2": its siblings, not tasks 1 and 2
    const gitTask = await getTask(id('97.3'));
    assert.equal(gitTask.title, 'Integrate Git Module with Task System');
    assert.equal(gitTask.parent_id, id('97'));
    assert.deepEqual(gitTask.dependencies.toSorted(), [id('97.1'), id('97.2')].toSorted());
    // subtask 23.10 depends on 1 (its sibling 23.1) and on "23.8" (dotted)
    const tools = await getTask(id('23.10'));
    assert.deepEqual(tools.dependencies.toSorted(), [id('23.1'), id('23.8')].toSorted());
    // details, test strategy and priority are kept; the only tag imported adds no task tag
    const first = await getTask(id('1'));
    assert.equal(first.priority_label, tasks[0]!['priority']);
    assert.equal(first.details, tasks[0]!['details']);
    assert.equal(first.test_strategy, tasks[0]!['testStrategy']);
    assert.deepEqual(first.tags, []);
  });

  test('the loop tag has string ids ("1", "3") and subtasks depending on local numbers', async () => {
    const result = await core.call('import_taskmaster', { content, tag: 'loop' });
    assert.equal(result.task_count, 18 + 70);
    const base = result.tags[0]!.first_id;
    const tasks = file['loop']!.tasks;
    const id = (label: string) => base + positionOf(tasks, label);
    const presets = await getTask(id('3'));
    assert.equal(presets.title, 'Implement Preset Resolution Service');
    assert.deepEqual(presets.dependencies.toSorted(), [id('1'), id('2')].toSorted());
    assert.deepEqual((await getTask(id('3.2'))).dependencies, [id('3.1')]);
    assert.equal(result.id_map[0]![0], '1');
    assert.equal(result.id_map[1]![0], '1.1');
  });

  test('an unknown tag is NOT_FOUND, listing the tags, and changes nothing', async () => {
    const before = snapshot(core);
    const error = await core.fails('import_taskmaster', { content, tag: 'nope' });
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, /no tag "nope".*master, test-tag, cc-kiro-hooks/);
    assert.equal(snapshot(core), before);
  });
});

describe('the flat tasks.json files beside the PRD fixtures', () => {
  test('01 GatherGo: 15 tasks, task 1 with 10 subtasks using dotted ids ("1.1", "1.3")', async () => {
    const content = readFixture(`${FIXTURES}/prd/01-2040147482-GatherGo/tasks.json`);
    const tasks = (JSON.parse(content) as { tasks: FileTask[] }).tasks;
    const result = await core.call('import_taskmaster', { content });
    assert.equal(result.task_count, 25);
    assert.deepEqual(result.warnings, []);
    const base = result.tags[0]!.first_id;
    const id = (label: string) => base + positionOf(tasks, label);
    // subtask 1.6 depends on "1.1", "1.2", "1.3"; task 15 on 1, 10 and 14
    const six = await getTask(id('1.6'));
    assert.deepEqual(six.dependencies.toSorted(), [id('1.1'), id('1.2'), id('1.3')].toSorted());
    assert.equal(six.parent_id, id('1'));
    const last = await getTask(id('15'));
    assert.deepEqual(last.dependencies.toSorted(), [id('1'), id('10'), id('14')].toSorted());
    // Chinese text is kept as is
    assert.equal((await getTask(id('1.1'))).title, '创建GitHub仓库与分支策略配置');
    assert.equal((await getTask(id('1.1'))).status, 'completed');
  });

  test('04 vibe: 10 tasks, 6 done and 4 pending; task 10 waits for all nine others', async () => {
    const content = readFixture(`${FIXTURES}/prd/04-AdamFromdust-vibe/tasks.json`);
    const result = await core.call('import_taskmaster', { content });
    assert.equal(result.task_count, 10);
    const base = result.tags[0]!.first_id;
    const ten = await getTask(base + 9);
    assert.equal(ten.dependencies.length, 9);
    assert.equal(ten.ready, false);
    const seven = await getTask(base + 6);
    assert.equal(seven.status, 'pending');
    // 7 depends on 3, 4 and 6, all done: ready now
    assert.equal(seven.ready, true);
    const statuses = await Promise.all([0, 1, 2, 3, 4, 5].map((at) => getTask(base + at)));
    assert.ok(statuses.every((task) => task.status === 'completed' && task.progress === 100));
  });

  test('06 tursi-ai: "todo" statuses, null dependencies and subtasks as plain strings', async () => {
    const content = readFixture(`${FIXTURES}/prd/06-BlueTursi-tursi-ai/tasks.json`);
    const result = await core.call('import_taskmaster', { content });
    // 10 tasks; their subtasks are 4+5+5+… plain strings
    const file = JSON.parse(content) as { tasks: { subtasks: string[] }[] };
    const subtasks = file.tasks.reduce((sum, entry) => sum + entry.subtasks.length, 0);
    assert.equal(result.task_count, 10 + subtasks);
    const base = result.tags[0]!.first_id;
    const deployment = await getTask(base);
    assert.equal(deployment.title, 'Model Deployment Core');
    assert.equal(deployment.status, 'pending');
    const firstStep = await getTask(base + 1);
    assert.equal(firstStep.title, 'Create deployment command interface');
    assert.equal(firstStep.parent_id, base);
    assert.deepEqual(result.id_map[1], ['1.1', base + 1]);
  });
});
