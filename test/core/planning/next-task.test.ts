import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Caller } from '../../../src/core/call-context.ts';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import type { OperationInput, OperationName } from '../../../src/shared/operations/registry.ts';
import {
  makeTempDir,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

const claude: Caller = { kind: 'agent', name: 'claude', session: 's1' };

describe('get_next_task', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  type Create = OperationInput<'create_task'>;
  const create = async (title: string, fields: Omit<Create, 'title'> = {}) =>
    (await core.call('create_task', { title, ...fields })).task.id;
  const next = (input: OperationInput<'get_next_task'> = {}) => core.call('get_next_task', input);
  const nextAs = (caller: Caller, input: OperationInput<'get_next_task'> = {}) =>
    core.orchestrator.call('get_next_task', input, { caller });
  const pick = async (input: OperationInput<'get_next_task'> = {}) => (await next(input)).task?.id;
  const sql = (text: string, ...params: unknown[]) =>
    core.orchestrator.store.db.prepare(text).run(...params);

  test('picks the highest priority, then the task unblocking most, then the oldest', async () => {
    const a = await create('A');
    const b = await create('B');
    const c = await create('C', { priority: 'high' });
    await create('After B', { dependencies: [b] });
    assert.equal(await pick(), c);
    await core.call('update_task', { task_id: c, priority: 'medium' });
    assert.equal(await pick(), b, 'B unblocks one task');
    const answer = await next();
    assert.deepEqual(answer.reasons, [
      'medium priority, the highest among 3 ready task(s)',
      'unblocks 1 task',
    ]);
    assert.match(answer.message, /^Next: #2 B \(medium priority, the highest among 3 ready/);
    assert.deepEqual(
      answer.alternatives.map((alt) => [alt.id, alt.unblocks]),
      [
        [a, 0],
        [c, 0],
      ],
    );
    assert.ok(answer.score! > answer.alternatives[0]!.score);
    assert.ok(JSON.stringify(answer).length < 2048, 'a typical answer stays under 2 KB');
  });

  test('complexity breaks a tie when it is known; an unscored task counts as middling', async () => {
    await create('Unscored');
    const easy = await create('Easy', { complexity_score: 2 });
    await create('Hard', { complexity_score: 9 });
    assert.equal(await pick(), easy);
    const answer = await next({ alternatives: 2 });
    assert.deepEqual(
      answer.alternatives.map((alt) => alt.title),
      ['Unscored', 'Hard'],
    );
    assert.ok(answer.reasons.includes('complexity 2'));
  });

  test('max_complexity and max_complexity_limit filter, the smaller one winning', async () => {
    await create('Big', { priority: 'urgent', complexity_score: 8 });
    const medium = await create('Medium', { priority: 'high', complexity_score: 5 });
    const unscored = await create('Unscored');
    assert.equal(await pick({ max_complexity: 6 }), medium);
    assert.equal(await pick({ max_complexity: 6, max_complexity_limit: 4 }), unscored);
    assert.equal(await pick({ max_complexity_limit: 4, max_complexity: 9 }), unscored);
    const answer = await next({ max_complexity: 6 });
    assert.match(answer.reasons[0]!, /the highest among 2 ready task\(s\) passing your filters/);
  });

  test('required_tags needs all of them, excluded_tags any of them, in any case', async () => {
    const both = await create('Both', { tags: ['API', 'db'] });
    const api = await create('Api only', { tags: ['api'], priority: 'high' });
    await create('Untagged', { priority: 'urgent' });
    assert.equal(await pick({ required_tags: ['api', 'DB'] }), both);
    assert.equal(await pick({ required_tags: ['Api'] }), api);
    const answer = await next({ excluded_tags: ['db'], required_tags: ['api'] });
    assert.equal(answer.task?.id, api);
    assert.deepEqual(answer.alternatives, []);
  });

  test('hour limits let unestimated tasks through; hours_available_today caps them', async () => {
    const long = await create('Long', { estimated_hours: 8, priority: 'urgent' });
    const short = await create('Short', { estimated_hours: 1, priority: 'high' });
    const unknown = await create('Unknown');
    assert.equal(await pick({ max_estimated_hours: 4 }), short);
    assert.equal(await pick({ hours_available_today: 2, max_estimated_hours: 10 }), short);
    assert.equal(await pick({ min_estimated_hours: 2 }), long);
    assert.equal(await pick({ min_estimated_hours: 2, max_estimated_hours: 6 }), unknown);
  });

  test('priority_threshold takes a number or a label', async () => {
    await create('Low', { priority: 'low' });
    const high = await create('High', { priority: 'high', complexity_score: 9 });
    assert.equal(await pick({ priority_threshold: 'high', max_complexity: 9 }), high);
    assert.equal(await pick({ priority_threshold: 2 }), high);
    const none = await next({ priority_threshold: 'critical' });
    assert.equal(none.task, null);
    assert.equal(none.score, null);
    assert.deepEqual(none.reasons, ['2 ready tasks, all below priority_threshold critical']);
    assert.equal(
      none.message,
      'Nothing is ready: 2 ready tasks, all below priority_threshold critical.',
    );
  });

  test('preferred languages and task types (tags) rank within a priority, never across', async () => {
    await create('Go', { code_language: 'go' });
    const py = await create('Python', { code_language: 'Python' });
    const bug = await create('Bug', { tags: ['bug'] });
    const urgent = await create('Urgent Go', { code_language: 'go', priority: 'urgent' });
    assert.equal(await pick({ preferred_languages: ['python'] }), urgent);
    await core.call('update_task', { task_id: urgent, priority: 'low' });
    assert.equal(await pick({ preferred_languages: ['PYTHON'] }), py);
    const typed = await next({ preferred_task_types: ['Bug'] });
    assert.equal(typed.task?.id, bug);
    assert.ok(typed.reasons.includes('preferred type bug (tag)'));
  });

  test("an agent's last task draws it to the same language and tags", async () => {
    const first = await create('Old python task', { code_language: 'python' });
    const ts = await create('Typescript task', { code_language: 'typescript', tags: ['api'] });
    const done = await create('Started by claude', {
      code_language: 'TypeScript',
      tags: ['API', 'db'],
      priority: 'high',
    });
    await core.orchestrator.call(
      'update_task_status',
      { task_id: done, status: 'in_progress' },
      { caller: claude },
    );
    const forClaude = await nextAs(claude);
    assert.equal(forClaude.task?.id, ts);
    assert.deepEqual(forClaude.reasons.slice(1), [
      'nothing else waits on it',
      `same language as your last task #${done} (typescript)`,
      `shares tag api with #${done}`,
    ]);
    const otherSession = await nextAs({ kind: 'agent', name: 'claude', session: 's2' });
    assert.equal(otherSession.task?.id, ts, 'any session of the agent counts');
    assert.equal((await nextAs({ kind: 'agent', name: 'codex' })).task?.id, first);
    assert.equal((await next()).task?.id, first, 'a person has no affinity');
    const off = await nextAs(claude, { minimize_context_switching: false });
    assert.equal(off.task?.id, first);
  });

  test('grouping prefers subtasks of the same parent as the last task', async () => {
    const parentA = await create('Parent A', { priority: 'low' });
    const parentB = await create('Parent B', { priority: 'low' });
    await create('B1', { parent_id: parentB });
    const a1 = await create('A1', { parent_id: parentA });
    const a2 = await create('A2', { parent_id: parentA });
    await core.orchestrator.call(
      'update_task_status',
      { task_id: a1, status: 'in_progress' },
      { caller: claude },
    );
    const answer = await nextAs(claude);
    assert.equal(answer.task?.id, a2);
    assert.ok(answer.reasons.includes(`same parent #${parentA} as your last task #${a1}`));
    const off = await nextAs(claude, { enable_grouping: false });
    assert.notEqual(off.task?.id, a2);
  });

  test('available_developers names that many tasks to start in parallel', async () => {
    for (const title of ['A', 'B', 'C', 'D']) await create(title);
    const answer = await next({ available_developers: 3, alternatives: 0 });
    assert.equal(answer.alternatives.length, 2);
    assert.match(answer.message, /For 3 developers: #1, #2, #3 can be worked on in parallel/);
  });

  test('a paused task is never chosen, and a paused ready set says so', async () => {
    const paused = await create('Paused', { priority: 'urgent' });
    sql("UPDATE tasks SET paused_at = '2030-01-01T00:00:00.000Z' WHERE id = ?", paused);
    assert.equal((await next()).task, null);
    assert.deepEqual((await next()).reasons, ['1 ready task, paused']);
    const other = await create('Other');
    assert.equal(await pick(), other);
    assert.match((await next()).reasons[0]!, /the highest among 1 ready task\(s\)$/);
  });

  test('says why nothing is ready: no tasks, nothing pending, all excluded', async () => {
    assert.equal((await next()).message, 'Nothing is ready: project "default" has no tasks yet.');
    const done = await create('Done');
    await core.call('update_task_status', { task_id: done, status: 'completed' });
    assert.deepEqual((await next()).reasons, ['no task is pending (1 completed)']);
    await create('Hard', { complexity_score: 8, tags: ['wip'] });
    await create('Harder', { complexity_score: 9 });
    await create('Hardest', { complexity_score: 10, estimated_hours: 20 });
    assert.deepEqual((await next({ max_complexity: 5 })).reasons, [
      '3 ready tasks, all over max_complexity 5',
    ]);
    assert.deepEqual(
      (await next({ max_complexity_limit: 8, excluded_tags: ['WIP'], max_estimated_hours: 4 }))
        .reasons,
      [
        '3 ready tasks, none passes your filters: 2 over max_complexity_limit 8, 1 estimated over max_estimated_hours 4, 1 tagged with excluded_tags wip',
      ],
    );
  });

  test('says what everything waits on', async () => {
    const schema = await create('Schema');
    const api = await create('API', { dependencies: [schema] });
    const ui = await create('UI', { dependencies: [schema, api] });
    await core.call('update_task_status', { task_id: schema, status: 'in_progress' });
    assert.deepEqual((await next()).reasons, [
      `all 2 tasks pending wait on unfinished work: #${schema} "Schema" (in_progress), #${api} "API" (pending)`,
    ]);
    await create('Other', { dependencies: [schema] });
    await core.call('remove_dependency', { task_id: ui, depends_on: api });
    await core.call('update_task_status', { task_id: api, status: 'cancelled' });
    const answer = await next();
    assert.deepEqual(answer.reasons, [
      `everything pending waits on #${schema} "Schema" (in_progress)`,
    ]);
  });

  test('bad input is refused with the field named, and changes nothing', async () => {
    await create('Something');
    const before = snapshot(core);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ max_complexty: 3 }, /unknown field\(s\): max_complexty; the fields are project_id, max/],
      [{ max_estimated_hours: -1 }, /max_estimated_hours: must be more than 0 hours/],
      [
        { min_estimated_hours: 5, max_estimated_hours: 2 },
        /min_estimated_hours \(5\) is more than max_estimated_hours \(2\)/,
      ],
      [
        { priority_threshold: 'highest' },
        /priority_threshold: priority must be 0\.\.4 or one of low, medium, high/,
      ],
      [{ required_tags: ['a b'] }, /required_tags\.0: a tag may not contain spaces/],
      [{ minimize_context_switching: 'yes' }, /minimize_context_switching/],
      [{ max_complexity: 11 }, /max_complexity: must be 0\.\.10/],
      [{ required_tags: 'api' }, /required_tags: must be a list, e\.g\. \["api"\]/],
      [{ alternatives: 21 }, /alternatives: must be 0\.\.20/],
      [{ available_developers: 0 }, /available_developers: must be 1\.\.20/],
      [{ project_id: 'nope' }, /No project "nope"/],
    ];
    for (const [input, expected] of cases) {
      const error = await core.fails('get_next_task', input);
      assert.equal(error.code, 'project_id' in input ? 'NOT_FOUND' : 'VALIDATION');
      assert.match(error.message, expected);
    }
    assert.equal(snapshot(core), before);
  });
});

describe('get_next_task and leases', () => {
  let now = '2030-05-01T12:00:00.000Z';
  let orchestrator: Orchestrator;
  beforeEach(() => {
    now = '2030-05-01T12:00:00.000Z';
    orchestrator = new Orchestrator({
      databasePath: join(makeTempDir(), 'orchestron.db'),
      clock: { now: () => now },
      checkOutputs: true,
      watchIntervalMs: false,
    });
  });
  afterEach(() => orchestrator.dispose());
  const call = <N extends OperationName>(name: N, input: OperationInput<N>, caller?: Caller) =>
    orchestrator.call(name, input, caller ? { caller } : {});
  const reasons = async () => (await call('get_next_task', {})).reasons;

  test('names who holds the in-progress work and until when', async () => {
    const schema = (await call('create_task', { title: 'Schema' })).task.id;
    const api = (await call('create_task', { title: 'API', dependencies: [schema] })).task.id;
    await call('claim_task', { task_id: schema, lease_minutes: 125 }, claude);
    assert.deepEqual(await reasons(), [
      `everything pending waits on #${schema} "Schema" (in_progress, claimed by claude until 14:05 (UTC))`,
    ]);
    await call('delete_task', { task_id: api });
    assert.deepEqual(await reasons(), [
      'no task is pending (1 in_progress)',
      `#${schema} is claimed by claude until 14:05 (UTC)`,
    ]);
    now = '2030-05-01T15:00:00.000Z';
    assert.deepEqual(
      await reasons(),
      ['no task is pending (1 in_progress)'],
      'an expired lease is no claim',
    );
    now = '2030-05-01T12:00:00.000Z';
    orchestrator.store.db
      .prepare('UPDATE tasks SET lease_expires_at = ? WHERE id = ?')
      .run('2030-05-02T09:30:00.000Z', schema);
    assert.match(
      (await call('get_next_task', {})).message,
      /#1 is claimed by claude until 2030-05-02 09:30 \(UTC\)/,
    );
  });

  test('a pending task that still carries a live lease is not offered', async () => {
    const id = (await call('create_task', { title: 'Held' })).task.id;
    const lease = orchestrator.store.db.prepare(
      'UPDATE tasks SET lease_holder = ?, lease_expires_at = ? WHERE id = ?',
    );
    lease.run('codex', '2030-05-01T12:30:00.000Z', id);
    assert.deepEqual(await reasons(), ['1 ready task, claimed by someone else']);
    lease.run('codex', '2030-05-01T11:30:00.000Z', id);
    assert.equal((await call('get_next_task', {})).task?.id, id, 'its lease has expired');
  });

  test('claim_next_task takes the task get_next_task names', async () => {
    await call('create_task', { title: 'Old' });
    const ts = (await call('create_task', { title: 'TS', code_language: 'ts' })).task.id;
    const started = (await call('create_task', { title: 'Started', code_language: 'TS' })).task.id;
    await call('claim_task', { task_id: started }, claude);
    const named = await call('get_next_task', {}, claude);
    assert.equal(named.task?.id, ts);
    const claimed = await call('claim_next_task', {}, claude);
    assert.equal(claimed.task?.id, ts);
  });
});
