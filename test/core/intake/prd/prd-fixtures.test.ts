// parse_prd and import_prd on real PRDs (test/fixtures/prd, copied from the shared fixtures) and seed 002's sample: each
// expectation below was read off the PRD itself (its headings, phases, criteria and lines).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import {
  SEED_SAMPLE,
  assertImports,
  assertSound,
  criteriaOf,
  dependsOn,
  readPrd,
  task,
  type Preview,
} from './prd-helpers.ts';

describe('parse_prd and import_prd on real PRDs', () => {
  let core: TestCore;
  before(() => {
    core = openTestCore();
  });
  after(() => core.dispose());

  async function parse(content: string): Promise<Preview> {
    const stored = snapshot(core);
    const preview = await core.call('parse_prd', { content });
    assert.equal(snapshot(core), stored, 'parsing stored something');
    assertSound(preview);
    return preview;
  }

  test("seed 002's sample: two features with high priority and three criteria each", async () => {
    const preview = await parse(readFileSync(SEED_SAMPLE, 'utf8'));
    assert.equal(preview.title, 'User Authentication System');
    assert.deepEqual(
      preview.features.map((f) => f.title),
      ['User Registration', 'User Login'],
    );
    assert.deepEqual(
      preview.tasks.map((t) => [t.title, t.priority]),
      [
        ['User Registration', 'high'],
        ['User Login', 'high'],
      ],
    );
    assert.equal(task(preview, 'User Login').description, 'Authenticate existing users');
    assert.deepEqual(criteriaOf(preview, 'User Registration'), [
      'User can register with valid email',
      'Password validation is implemented',
      'Email verification is sent',
    ]);
    assert.deepEqual(criteriaOf(preview, 'User Login')[1], 'JWT tokens are generated');
    assert.deepEqual(task(preview, 'User Login').lines, { start: 12, end: 18 });
    const result = await assertImports(core, preview);
    const login = await core.call('get_task', { task_id: result.tasks[1]!.task_id });
    assert.equal(login.task.priority_label, 'high');
    assert.deepEqual(
      login.task.acceptance_criteria.map((c) => c.text),
      criteriaOf(preview, 'User Login'),
    );
    assert.match(login.task.details, /lines 12-18/);
  });

  test('GatherGo (Chinese): 14 features from three feature sections, Chinese text intact', async () => {
    const preview = await parse(readPrd('gathergo'));
    assert.equal(preview.title, 'GatherGo 产品需求文档（PRD）');
    // §3 has 3.1 用户端, 3.2 主办方端, 3.3 平台支持模块; §5 lists 5 features, §6.2 lists 6
    assert.equal(preview.features.length, 14);
    assert.deepEqual(
      preview.features.slice(0, 3).map((f) => f.title),
      ['用户端', '主办方端', '平台支持模块'],
    );
    // "活动管理" heads a line in §5 (line 58) and in §6.2 (line 76): one task, with a warning
    assert.equal(preview.tasks.filter((t) => t.title === '活动管理').length, 1);
    assert.ok(preview.warnings.some((w) => w.line === 76 && w.message.includes('活动管理')));
    assert.ok(
      preview.requirements.some(
        (r) => r.text === '地图与导航集成（Google Maps/Mapbox，活动定位、导航）',
      ),
    );
    // §11 未来规划与扩展 proposes its 5 ideas below the threshold
    const future = preview.tasks.filter((t) => t.source === 'future');
    assert.deepEqual(
      future.map((t) => t.lines.start),
      [130, 131, 132, 133, 134],
    );
    assert.ok(future.every((t) => !t.selected && t.priority === 'low'));
    await assertImports(core, preview);
  });

  test('Randomovie: v0.3 waits for v0.2, checked v0.1 items are done, not proposed', async () => {
    const preview = await parse(readPrd('randomovie'));
    assert.equal(preview.tasks.filter((t) => t.selected).length, 7); // 3 in v0.2, 4 in v0.3
    assert.ok(
      dependsOn(preview, 'Smooth poster fade-in', 'Service Worker for offline / instant reload'),
    );
    assert.ok(dependsOn(preview, 'Share position link', 'Tap → movie detail card'));
    assert.ok(!task(preview, 'Tap → movie detail card').dependencies.length);
    assert.equal(preview.requirements.filter((r) => r.kind === 'done').length, 9);
    assert.ok(preview.warnings.some((w) => w.line === 48));
    assert.equal(task(preview, 'Personal watchlist').source, 'future');
    await assertImports(core, preview);
  });

  test('Nutrily: three development phases in order, features linked to the tasks naming them', async () => {
    const preview = await parse(readPrd('nutrily'));
    assert.deepEqual(
      preview.features.map((f) => f.title),
      [
        'Food Logging',
        'Visual Insights',
        'Motivation Layer',
        'Account & Security',
        'Data Ownership',
      ],
    );
    assert.equal(task(preview, 'Email Sign-In').priority, 'high'); // Phase 1: MVP
    assert.ok(dependsOn(preview, 'AI based Food Logging', 'Manual Food Logging'));
    assert.ok(dependsOn(preview, 'Coach/Dietician Dashboard Views', 'Data Export & Sharing'));
    assert.ok(
      !dependsOn(preview, 'Micronutrient Tracking', 'Nutrient Tracking'),
      'a word inside a word is no mention',
    );
    const logging = preview.features.find((f) => f.title === 'Food Logging')!;
    assert.deepEqual(logging.task_ids, [
      task(preview, 'Manual Food Logging').id,
      task(preview, 'AI based Food Logging').id,
    ]);
    const motivation = preview.features.find((f) => f.title === 'Motivation Layer')!;
    assert.ok(motivation.task_ids.includes(task(preview, 'Habit Reminders').id));
    await assertImports(core, preview);
  });

  test('vibe (Task Master <PRD> file, 20 KB): the logical dependency chain of 7 steps', async () => {
    const preview = await parse(readPrd('vibe'));
    assert.equal(preview.format, 'taskmaster');
    assert.deepEqual(
      preview.features.map((f) => f.title.slice(0, 24)),
      [
        'User Dream Input & Initi',
        '"Make the magic happen" ',
        'Display of AI-Generated ',
        '"Start visualization" Bu',
      ],
    );
    assert.equal(preview.tasks.length, 7);
    assert.equal(task(preview, 'Basic UI Shell & Input').lines.start, 106);
    assert.ok(dependsOn(preview, 'Location Service & Fallback', 'Basic UI Shell & Input'));
    assert.ok(dependsOn(preview, 'OpenAI Integration (Backend)', 'Public API Endpoint Creation'));
    assert.match(
      task(preview, 'Text-to-Speech (TTS) Functionality').description,
      /female English voice/,
    );
    await assertImports(core, preview);
  });

  test('availability monitor: seven stages in order, each with its own acceptance criteria, one story', async () => {
    const preview = await parse(readPrd('monitor'));
    const stages = preview.tasks.filter((t) => t.source === 'phase');
    assert.equal(stages.length, 7);
    assert.equal(stages[0]!.title, 'Stage 0: Documentation and project skeleton');
    assert.ok(
      dependsOn(
        preview,
        'Stage 4: Real site integration',
        'Stage 3: Checker interface and fake adapter',
      ),
    );
    assert.ok(
      dependsOn(
        preview,
        'Stage 1: Repo and tooling bootstrap',
        'Stage 0: Documentation and project skeleton',
      ),
    );
    assert.deepEqual(criteriaOf(preview, 'Stage 5: Notifications and persistence'), [
      'repeated unchanged matches do not re-alert',
      'newly available matches send a clear actionable alert',
      'the runtime can deliver alerts through a configured notifier, not just compute them in memory',
    ]);
    assert.equal(preview.acceptance_criteria.length, 17);
    assert.match(
      task(preview, 'Stage 2: Core domain model').description,
      /- implement 2-night date-window generation/,
    );
    const [story] = preview.user_stories;
    assert.equal(preview.user_stories.length, 1);
    assert.equal(story!.lines.start, 19);
    assert.match(story!.role, /^traveler looking for a Passover stay/);
    assert.match(story!.benefit ?? '', /^I can book quickly|^book quickly/);
    // §6 "Nice-to-Have Requirements" proposes 6 ideas, not selected
    assert.equal(preview.tasks.filter((t) => t.source === 'future' && !t.selected).length, 6);
    const result = await assertImports(core, preview);
    const stage5 = result.tasks.find((t) => t.title.startsWith('Stage 5'))!;
    const stored = await core.call('get_task', { task_id: stage5.task_id });
    assert.equal(stored.task.acceptance_criteria.length, 3);
    assert.deepEqual(
      stored.dependencies.map((d) => d.title),
      ['Stage 4: Real site integration'],
    );
  });

  test('Tursi: four core features; the technical requirements of "Model Deployment" are its own', async () => {
    const preview = await parse(readPrd('tursi'));
    assert.deepEqual(
      preview.tasks.filter((t) => t.selected).map((t) => t.title),
      ['Model Deployment', 'Model Optimization', 'API and Security', 'Development and Testing'],
    );
    const deployment = preview.features.find((f) => f.title === 'Model Deployment')!;
    const own = preview.requirements
      .filter((r) => r.feature_id === deployment.id)
      .map((r) => r.text);
    assert.ok(own.includes('One-command deployment of AI models'));
    assert.ok(own.includes('ONNX Runtime integration')); // from "### 1. Model Deployment" at line 35
    assert.ok(
      preview.requirements.some(
        (r) => r.kind === 'non_functional' && r.text === 'Error message sanitization',
      ),
    );
    assert.equal(task(preview, 'GPU acceleration support').source, 'future');
    await assertImports(core, preview);
  });

  test('TaskManagement (Korean): 11 features, four phases in order, Korean text intact', async () => {
    const preview = await parse(readPrd('taskManagement'));
    assert.equal(preview.title, 'PRD: 업무 일감 관리 시스템');
    // 2.1.1, 2.1.2, 2.2.1-2.2.3, 2.3.1-2.3.3, 2.4, 2.5, 2.6
    assert.equal(preview.features.length, 11);
    assert.equal(preview.features[0]!.title, '개인 업무 관리');
    assert.equal(preview.tasks.length, 19); // Phase 1-3 list 5 items each, Phase 4 lists 4
    assert.ok(dependsOn(preview, '부서 업무 관리', '사용자 인증/인가'));
    assert.ok(dependsOn(preview, 'AI 기반 업무 추천', '협업 기능'));
    assert.equal(task(preview, '사용자 인증/인가').priority, 'high');
    // the feature 2.5 알림 시스템 is carried out by the Phase 2 item of the same name
    const alerts = preview.features.find((f) => f.title === '알림 시스템')!;
    assert.deepEqual(alerts.task_ids, [task(preview, '알림 시스템').id]);
    assert.ok(!preview.requirements.some((r) => r.text.includes('\uFFFD')));
    await assertImports(core, preview);
  });
});
