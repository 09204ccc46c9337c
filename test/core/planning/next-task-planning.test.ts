// get_next_task and claim_next_task with complexity and effort computed by analyze_complexity
// and estimate_effort: the limits leave out what does not fit, a known fit for today is
// preferred among equals, and the reasons name the score, the estimate and the limit.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { OperationInput } from '../../../src/shared/operations/registry.ts';
import { agent, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('next task with complexity and effort', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  type Create = OperationInput<'create_task'>;
  const create = async (title: string, fields: Omit<Create, 'title'> = {}) =>
    (await core.call('create_task', { title, ...fields })).task.id;

  async function plannedTasks() {
    const large = await create('Migrate payments to the new auth service', {
      priority: 'high',
      description: 'Concurrency-safe data migration with encryption; deploy to production.',
      acceptance_criteria: [
        'no data loss',
        'old tokens keep working',
        'refunds still work',
        'audit log',
      ],
    });
    const small = await create('Fix a typo in the footer', { priority: 'medium' });
    const unestimated = await create('Tidy up', { priority: 'low' });
    const big = await core.call('estimate_effort', { task_id: large });
    const little = await core.call('estimate_effort', { task_id: small });
    assert.ok(
      big.effort.hours > little.effort.hours,
      `${big.effort.hours} > ${little.effort.hours}`,
    );
    assert.ok(big.complexity.score > little.complexity.score);
    return { large, small, unestimated, big, little };
  }

  test('hours_available_today leaves out longer tasks; the reasons say the estimate fits', async () => {
    const { large, small, unestimated, big, little } = await plannedTasks();
    const plain = await core.call('get_next_task', {});
    assert.equal(plain.task?.id, large, 'the high-priority task when time is no limit');
    assert.ok(plain.reasons.includes(`estimated ${big.effort.hours} h`), plain.reasons.join(' | '));
    assert.ok(plain.reasons.includes(`complexity ${big.complexity.score}`));

    const today = little.effort.hours;
    const fits = await core.call('get_next_task', { hours_available_today: today });
    assert.equal(fits.task?.id, small);
    assert.ok(
      fits.reasons.includes(`estimated ${today} h, within hours_available_today ${today} h`),
      fits.reasons.join(' | '),
    );
    assert.match(fits.reasons[0]!, /passing your filters/);

    // claim_next_task takes the same limits
    const claimed = await core.callAs(agent('claude'), 'claim_next_task', {
      max_estimated_hours: today,
    });
    assert.equal(claimed.task?.id, small);
    assert.ok(
      claimed.reasons.includes(`estimated ${today} h, within max_estimated_hours ${today} h`),
    );
    await core.callAs(agent('claude'), 'release_task', { task_id: small });
    const claimedToday = await core.callAs(agent('claude'), 'claim_next_task', {
      hours_available_today: today,
    });
    assert.equal(claimedToday.task?.id, small);
    assert.ok(
      claimedToday.reasons.includes(
        `estimated ${today} h, within hours_available_today ${today} h`,
      ),
      claimedToday.reasons.join(' | '),
    );

    await core.callAs(agent('claude'), 'release_task', { task_id: small });
    const tooLittle = await core.call('get_next_task', { hours_available_today: 0.1 });
    assert.equal(tooLittle.task?.id, unestimated);
    assert.ok(
      tooLittle.reasons.includes('no effort estimate, so hours_available_today does not apply'),
      tooLittle.reasons.join(' | '),
    );
  });

  test('max_complexity leaves out the harder task and the reason names the limit', async () => {
    const { small, big, little } = await plannedTasks();
    const limit = Math.ceil(little.complexity.score);
    assert.ok(big.complexity.score > limit, `${big.complexity.score} > ${limit}`);
    const answer = await core.call('get_next_task', { max_complexity: limit });
    assert.equal(answer.task?.id, small);
    assert.ok(
      answer.reasons.includes(
        `complexity ${little.complexity.score}, within max_complexity ${limit}`,
      ),
      answer.reasons.join(' | '),
    );
    const bounded = await core.call('get_next_task', {
      max_complexity: limit,
      min_estimated_hours: 0.25,
    });
    assert.ok(
      bounded.reasons.includes(
        `estimated ${little.effort.hours} h, at least min_estimated_hours 0.25 h`,
      ),
      bounded.reasons.join(' | '),
    );
  });

  test('among equals, a task known to fit today comes before one of unknown length', async () => {
    const unknown = await create('Unknown length');
    const known = await create('Known length', { estimated_hours: 1 });
    assert.equal((await core.call('get_next_task', {})).task?.id, unknown, 'the older one');
    const answer = await core.call('get_next_task', { hours_available_today: 4 });
    assert.equal(answer.task?.id, known);
    assert.ok(answer.reasons.includes('estimated 1 h, within hours_available_today 4 h'));
    const other = answer.alternatives.find((alt) => alt.id === unknown)!;
    assert.ok(
      other.reasons.includes('no effort estimate, so hours_available_today does not apply'),
    );
    const capped = await core.call('get_next_task', { max_estimated_hours: 4 });
    assert.equal(capped.task?.id, unknown, 'a plain limit does not prefer known fits');
  });
});
