// estimate_effort on a real database with a clock the test moves: the default curve until the
// project has five completed tasks with measured durations and complexity scores, its own rate
// from the fifth on; the history factor of the complexity from similar finished tasks; the
// hours stored on the task with both analyses; bad input changing nothing.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { hoursForComplexity } from '../../../src/core/planning/effort/effort-model.ts';
import type { OperationInput } from '../../../src/shared/operations/registry.ts';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { manualClock } from './planning-fixtures.ts';

const quarter = (hours: number) => Math.max(0.25, Math.round(hours / 0.25) * 0.25);

describe('estimate_effort', () => {
  let core: TestCore;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(() => {
    clock = manualClock();
    core = openTestCore({ clock });
  });
  afterEach(() => core.dispose());

  type Create = OperationInput<'create_task'>;
  const create = async (title: string, fields: Omit<Create, 'title'> = {}) =>
    (await core.call('create_task', { title, ...fields })).task.id;

  /** A task of complexity `score` that took `hours` from start to completion. */
  async function finish(title: string, score: number, hours: number, tags: string[] = []) {
    const id = await create(title, { complexity_score: score, tags });
    await core.call('update_task_status', { task_id: id, status: 'in_progress' });
    clock.advanceHours(hours);
    await core.call('update_task_status', { task_id: id, status: 'completed' });
    return id;
  }

  test('with fewer than five measured tasks: the default for its complexity, and it says why', async () => {
    const id = await create('Write the changelog', {
      acceptance_criteria: ['lists every release'],
    });
    const { effort, complexity, message } = await core.call('estimate_effort', { task_id: id });
    assert.equal(effort.method, 'default');
    assert.equal(effort.calibration, null);
    assert.equal(effort.complexity_score, complexity.score);
    assert.equal(effort.hours, quarter(hoursForComplexity(complexity.score)));
    assert.ok(effort.low < effort.hours && effort.hours < effort.high, JSON.stringify(effort));
    assert.match(
      effort.reasons[0]!,
      /^0 completed tasks have a measured duration and a complexity score; 5 are needed to calibrate, so the default applies$/,
    );
    assert.match(message, /, from its complexity \(0 completed tasks have/);

    const shown = await core.call('get_task', { task_id: id, include_analysis: true });
    assert.equal(shown.task.estimated_hours, effort.hours);
    assert.equal(shown.task.complexity_score, complexity.score);
    assert.deepEqual(
      shown.analysis?.map((entry) => (entry as { kind: string }).kind),
      ['complexity', 'effort'],
    );
    assert.deepEqual((shown.analysis![1] as { result: unknown }).result, effort);
  });

  test("calibration on the project's own rate kicks in at the fifth completed task", async () => {
    // two hours per complexity point, whatever the size
    for (const [n, score] of [2, 4, 4, 6].entries()) await finish(`Done ${n}`, score, 2 * score);
    const subject = await create('Build the export', { acceptance_criteria: ['csv', 'json'] });
    const four = await core.call('estimate_effort', { task_id: subject });
    assert.equal(four.effort.method, 'default');
    assert.match(four.effort.reasons[0]!, /^4 completed tasks have a measured duration/);

    await finish('Done 5', 8, 16);
    const five = await core.call('estimate_effort', { task_id: subject });
    assert.equal(five.effort.method, 'calibrated');
    assert.deepEqual(five.effort.calibration, { tasks: 5, hours_per_point: 2 });
    assert.equal(five.effort.hours, quarter(2 * five.complexity.score));
    assert.ok(five.effort.low < five.effort.hours && five.effort.hours < five.effort.high);
    assert.match(
      five.effort.reasons[0]!,
      /^calibrated on 5 completed tasks of this project: a complexity point took 2 h \(median\)$/,
    );
    assert.match(five.message, /calibrated on 5 completed tasks of this project/);

    const off = await core.call('estimate_effort', {
      task_id: subject,
      use_historical_data: false,
    });
    assert.equal(off.effort.method, 'default');
    assert.match(off.effort.reasons[0]!, /^use_historical_data is off, so the default applies$/);
  });

  test('tasks without a measured duration or a score do not count towards calibration', async () => {
    for (let n = 0; n < 4; n++) await finish(`Scored ${n}`, 3, 3);
    const unscored = await create('Unscored');
    await core.call('update_task_status', { task_id: unscored, status: 'in_progress' });
    clock.advanceHours(5);
    await core.call('update_task_status', { task_id: unscored, status: 'completed' });
    const neverStarted = await create('Completed without starting', { complexity_score: 3 });
    await core.call('update_task_status', { task_id: neverStarted, status: 'completed' });
    const subject = await create('Subject');
    const { effort } = await core.call('estimate_effort', { task_id: subject });
    assert.equal(effort.method, 'default');
    assert.match(effort.reasons[0]!, /^4 completed tasks have/);
  });

  test('the history factor compares with similar finished tasks and says which', async () => {
    await finish('Billing report totals', 3, 8, ['reports']);
    await finish('Usage report', 3, 8, ['reports']);
    await finish('Unrelated chore', 3, 1);
    const subject = await create('Quarterly report', { tags: ['reports'] });
    const { complexity } = await core.call('analyze_complexity', { task_id: subject });
    const history = complexity.factors.find((entry) => entry.name === 'historical_data')!;
    assert.equal(history.value, 7, '8 h is complexity 7 on the default curve');
    assert.match(
      history.reasons[0]!,
      /^2 similar completed task\(s\) took a median of 8 h: #2 tag reports, #1 tag reports$/,
    );
    assert.ok(history.weight > 0);
  });

  test('an unknown task or a bad option is refused and nothing changes', async () => {
    const id = await create('Something');
    const before = snapshot(core);
    const unknown = await core.fails('estimate_effort', { task_id: 4242 });
    assert.equal(unknown.code, 'NOT_FOUND');
    assert.match(unknown.message, /No task with id 4242/);
    assert.equal((await core.fails('estimate_effort', { task_id: 0 })).code, 'VALIDATION');
    assert.equal(
      (await core.fails('estimate_effort', { task_id: id, hours: 3 })).code,
      'VALIDATION',
    );
    assert.equal(snapshot(core), before);
  });
});
