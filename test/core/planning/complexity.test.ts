// analyze_complexity on a real code base and a real database: every factor with its reasons,
// the score stored on the task and its analysis shown by get_task, weights from the settings
// and the environment, and the refusals (files outside the root, bad weights, unknown tasks)
// that leave everything as it was.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { OperationInput } from '../../../src/shared/operations/registry.ts';
import { agent, openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { makeCodeBase, type CodeBase } from './planning-fixtures.ts';

describe('analyze_complexity', () => {
  let core: TestCore;
  let code: CodeBase;
  let project: number;
  beforeEach(async () => {
    core = openTestCore();
    code = makeCodeBase();
    project = (await core.call('create_project', { name: 'shop', root_path: code.root })).project
      .id;
  });
  afterEach(() => {
    core.dispose();
    rmSync(code.base, { recursive: true, force: true });
  });

  type Create = OperationInput<'create_task'>;
  const create = async (title: string, fields: Omit<Create, 'title'> = {}) =>
    (await core.call('create_task', { title, project_id: project, ...fields })).task.id;
  const analyse = (
    task_id: number,
    options: Omit<OperationInput<'analyze_complexity'>, 'task_id'> = {},
  ) => core.call('analyze_complexity', { task_id, ...options });
  const factor = (
    result: Awaited<ReturnType<typeof analyse>>,
    name: 'code_volume' | 'dependencies' | 'technical_risk' | 'historical_data',
  ) => result.complexity.factors.find((entry) => entry.name === name)!;

  test('explains every factor: lines and imports of the files, risk words, prerequisites, history', async () => {
    const schema = await create('Design the schema');
    const id = await create('Migrate the payments table', {
      description: 'Move card data behind the new encryption layer.',
      tags: ['auth'],
      dependencies: [schema],
      file_refs: [{ path: 'src/app.ts' }, { path: 'src/models.py' }, { path: 'src/refunds.ts' }],
    });
    const result = await analyse(id);
    const { complexity } = result;

    const volume = factor(result, 'code_volume');
    assert.match(
      volume.reasons[0]!,
      /^21 lines in 2 referenced file\(s\): src\/app.ts 14, src\/models.py 7$/,
    );
    assert.ok(
      volume.reasons.includes(
        'src/refunds.ts: not found under the root (perhaps still to be written)',
      ),
    );
    assert.equal(complexity.estimated_lines_of_code, 21);

    const deps = factor(result, 'dependencies');
    assert.deepEqual(deps.reasons, [
      'imports 4 local module(s): ./db.ts, ./types.ts, ./lazy.ts, .db',
      'imports 6 package(s): zod, node:fs, legacy-lib, os, sys, typing',
      `depends on 1 task(s): #${schema}`,
    ]);
    assert.deepEqual(
      complexity.files.map((file) => [file.path, file.lines]),
      [
        ['src/app.ts', 14],
        ['src/models.py', 7],
        ['src/refunds.ts', null],
      ],
    );

    const risk = factor(result, 'technical_risk');
    assert.deepEqual(risk.reasons, [
      'data migration (+3): "Migrate" in the title',
      'security (+3): "encryption" in the description',
      'authentication (+2.5): tag auth',
      'payments (+3): "payments" in the title',
    ]);
    assert.equal(risk.value, 10, '1 + 11.5, capped');
    assert.equal(complexity.risk_level, 'high');

    const history = factor(result, 'historical_data');
    assert.equal(history.value, null);
    assert.deepEqual(history.reasons, [
      'no completed task of this project has a measured duration yet',
    ]);
    assert.equal(history.weight, 0, 'no data: its weight goes to the others');
    const shares = complexity.factors.reduce((sum, entry) => sum + entry.weight, 0);
    assert.ok(Math.abs(shares - 1) < 0.01);
    assert.equal(factor(result, 'code_volume').weight, Math.round((0.35 / 0.85) * 1000) / 1000);

    const expected = complexity.factors.reduce(
      (sum, entry) => sum + entry.weight * (entry.value ?? 0),
      0,
    );
    assert.ok(Math.abs(complexity.score - expected) < 0.06, `${complexity.score} vs ${expected}`);
    assert.ok(complexity.score >= 1 && complexity.score <= 10);
    assert.equal(complexity.project_root, code.root.replace(/\/$/, ''));
    assert.match(
      result.message,
      new RegExp(
        `^#${id} Migrate the payments table: complexity ${complexity.score} of 10, stored on the task; code volume`,
      ),
    );
  });

  test('stores the score on the task (a new version, an event) and get_task shows the analysis', async () => {
    const id = await create('Add a footer', {
      file_refs: [{ path: 'src/big.ts', line_start: 10, line_end: 59 }],
    });
    const { complexity } = await analyse(id);
    assert.deepEqual(complexity.files[0], {
      path: 'src/big.ts',
      lines: 50,
      imports: [],
      note: 'lines 10-59 of 2000',
    });
    const shown = await core.call('get_task', { task_id: id, include_analysis: true });
    assert.equal(shown.task.complexity_score, complexity.score);
    assert.equal(shown.task.version, 2);
    assert.equal(shown.analysis?.length, 1);
    const stored = shown.analysis![0] as { kind: string; analyzed_by: string; result: unknown };
    assert.equal(stored.kind, 'complexity');
    assert.equal(stored.analyzed_by, 'test');
    assert.deepEqual(stored.result, complexity);
    const { events } = await core.call('list_events', { task_id: id });
    const updated = events.filter((event) => event.type === 'task.updated');
    assert.deepEqual(updated.at(-1)?.after, { complexity_score: complexity.score });

    const again = await analyse(id);
    assert.equal(again.complexity.score, complexity.score);
    const after = await core.call('get_task', { task_id: id });
    assert.equal(after.task.version, 2, 'the same score again is no change');
  });

  test('weights set for the database change the score and win over the environment; reset goes back', async () => {
    const id = await create('Harden login security', { file_refs: [{ path: 'src/models.py' }] });
    const plain = await analyse(id);
    assert.equal(plain.complexity.weights.technical_risk.source, 'default');
    const set = await core.call('set_complexity_weights', { technical_risk: 3 });
    assert.deepEqual(set.weights.technical_risk, { value: 3, source: 'settings' });
    assert.deepEqual(set.weights.code_volume, { value: 0.35, source: 'default' });
    const weighted = await analyse(id);
    assert.ok(weighted.complexity.score > plain.complexity.score, 'risk (high here) now dominates');
    assert.equal(factor(weighted, 'technical_risk').weight, Math.round((3 / 3.6) * 1000) / 1000);
    assert.match(weighted.message, new RegExp(`\\(was ${plain.complexity.score}\\)`));

    process.env['COMPLEXITY_WEIGHTS_TECHNICAL_RISK'] = '0';
    process.env['COMPLEXITY_WEIGHTS_CODE_VOLUME'] = '2';
    try {
      const shown = await core.call('set_complexity_weights', {});
      assert.deepEqual(shown.weights.technical_risk, { value: 3, source: 'settings' });
      assert.deepEqual(shown.weights.code_volume, { value: 2, source: 'environment' });
      const reset = await core.call('set_complexity_weights', { reset: true });
      assert.deepEqual(reset.weights.technical_risk, { value: 0, source: 'environment' });
      const unweighted = await analyse(id);
      const risk = factor(unweighted, 'technical_risk');
      assert.equal(risk.weight, 0);
      assert.equal(risk.reasons.at(-1), 'its weight is 0, so it does not count');
      assert.match(unweighted.message, /technical risk \d+(\.\d)? \(weight 0\)/);
    } finally {
      delete process.env['COMPLEXITY_WEIGHTS_TECHNICAL_RISK'];
      delete process.env['COMPLEXITY_WEIGHTS_CODE_VOLUME'];
    }
  });

  test('bad weights are refused with a clear error and change nothing', async () => {
    const id = await create('Tidy the footer');
    await core.call('set_complexity_weights', { code_volume: 1 });
    const before = snapshot(core);
    const negative = await core.fails('set_complexity_weights', { dependencies: -1 });
    assert.equal(negative.code, 'VALIDATION');
    assert.match(negative.message, /dependencies.*0 or more/);
    const zero = await core.fails('set_complexity_weights', {
      code_volume: 0,
      dependencies: 0,
      technical_risk: 0,
      historical_data: 0,
    });
    assert.equal(zero.code, 'VALIDATION');
    assert.match(zero.message, /Every complexity weight is 0/);
    assert.equal(
      (await core.fails('set_complexity_weights', { code_volume: 'heavy' })).code,
      'VALIDATION',
    );
    assert.equal(snapshot(core), before);
    process.env['COMPLEXITY_WEIGHTS_DEPENDENCIES'] = 'abc';
    try {
      const bad = await core.fails('analyze_complexity', { task_id: id });
      assert.equal(snapshot(core), before);
      assert.equal(bad.code, 'VALIDATION');
      assert.match(
        bad.message,
        /COMPLEXITY_WEIGHTS_DEPENDENCIES is "abc"; a weight must be a number from 0 to 100/,
      );
      await core.call('set_complexity_weights', { dependencies: 0.5 });
      assert.ok(
        (await analyse(id)).complexity.score >= 1,
        'a weight set here overrides the bad variable',
      );
    } finally {
      delete process.env['COMPLEXITY_WEIGHTS_DEPENDENCIES'];
    }
  });

  test('a file outside the root is refused before anything is read or stored', async () => {
    for (const path of [
      '../elsewhere/secret.txt',
      join(code.outside, 'secret.txt'),
      'src/link.ts',
      'linked-folder/secret.txt',
    ]) {
      const id = await create(`Read ${path}`, { file_refs: [{ path: 'src/app.ts' }, { path }] });
      const before = snapshot(core);
      const refused = await core.fails('analyze_complexity', { task_id: id });
      assert.equal(refused.code, 'FORBIDDEN', path);
      assert.ok(refused.message.includes(`"${path}"`), refused.message);
      assert.match(refused.message, /outside the analysis root .*only files inside it are read/);
      assert.equal(snapshot(core), before, `${path}: nothing changed`);
    }
  });

  test('project_root must be a folder inside the project folder; references are read under it', async () => {
    const id = await create('Models', { file_refs: [{ path: 'models.py' }] });
    const sub = await analyse(id, { project_root: join(code.root, 'src') });
    assert.equal(sub.complexity.files[0]?.lines, 7);
    const before = snapshot(core);
    const outside = await core.fails('analyze_complexity', {
      task_id: id,
      project_root: code.outside,
    });
    assert.equal(outside.code, 'FORBIDDEN');
    assert.match(outside.message, /is outside the project's folder/);
    const missing = await core.fails('analyze_complexity', {
      task_id: id,
      project_root: join(code.root, 'nope'),
    });
    assert.equal(missing.code, 'VALIDATION');
    assert.match(missing.message, /is not a folder on this machine/);
    const relative = await core.fails('analyze_complexity', { task_id: id, project_root: 'src' });
    assert.equal(relative.code, 'VALIDATION');
    assert.match(relative.message, /project_root must be an absolute folder path/);
    assert.equal(snapshot(core), before);
  });

  test('unknown task and factors all off are refused; turned-off factors are said', async () => {
    const id = await create('Write the README');
    const before = snapshot(core);
    const unknown = await core.fails('analyze_complexity', { task_id: 999 });
    assert.equal(unknown.code, 'NOT_FOUND');
    assert.match(unknown.message, /No task with id 999/);
    const none = await core.fails('analyze_complexity', {
      task_id: id,
      analyze_dependencies: false,
      estimate_code_volume: false,
      assess_risk: false,
      use_historical_data: false,
    });
    assert.equal(none.code, 'VALIDATION');
    assert.match(none.message, /No factor with a weight above 0 could be assessed/);
    assert.equal(
      (await core.fails('analyze_complexity', { task_id: id, assess_risk: 'yes' })).code,
      'VALIDATION',
    );
    assert.equal(snapshot(core), before);
    const riskOnly = await analyse(id, {
      analyze_dependencies: false,
      estimate_code_volume: false,
    });
    assert.deepEqual(factor(riskOnly, 'code_volume').reasons, [
      'not assessed (estimate_code_volume is false)',
    ]);
    assert.equal(factor(riskOnly, 'technical_risk').weight, 1);
    assert.equal(riskOnly.complexity.score, 1, 'nothing risky named');
  });

  test('binary files, folders and files without a project folder are noted, not counted', async () => {
    const id = await create('Replace the logo', {
      file_refs: [{ path: 'logo.png' }, { path: 'src' }],
      acceptance_criteria: ['the new logo shows', 'it is crisp on retina screens'],
    });
    const result = await analyse(id);
    const volume = factor(result, 'code_volume');
    assert.match(
      volume.reasons[0]!,
      /no referenced file could be measured; estimated from its text: 2 acceptance criteria, 0 words/,
    );
    assert.ok(volume.reasons.includes('logo.png: binary; not measured'));
    assert.ok(volume.reasons.includes('src: a folder; only files are measured'));

    const homeless = (
      await core.call('create_task', { title: 'Loose task', file_refs: [{ path: 'src/app.ts' }] })
    ).task.id;
    const loose = await analyse(homeless);
    assert.match(
      factor(loose, 'code_volume').reasons[0]!,
      /^the project has no folder and no project_root was given; estimated from its text/,
    );
  });

  test('deleting a task deletes its analyses', async () => {
    const id = await create('Short-lived', { file_refs: [{ path: 'src/app.ts' }] });
    await core.call('estimate_effort', { task_id: id });
    const count = () =>
      core.orchestrator.store.db.prepare('SELECT count(*) FROM task_analyses').pluck().get();
    assert.equal(count(), 2);
    await core.call('delete_task', { task_id: id });
    assert.equal(count(), 0);
  });

  test('an agent can analyse; the answer stays small', async () => {
    const id = await create('Agent task', { file_refs: [{ path: 'src/app.ts' }] });
    const result = await core.callAs(agent('claude'), 'analyze_complexity', { task_id: id });
    assert.ok(result.complexity.score >= 1);
    assert.ok(JSON.stringify(result).length < 4096);
  });
});
