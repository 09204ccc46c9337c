import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ProgressReport } from '../../../src/core/call-context.ts';
import { AppError } from '../../../src/shared/errors.ts';
import { EventSchema, eventTypes } from '../../../src/shared/events/event-types.ts';
import { OPERATION_NAMES } from '../../../src/shared/operations/registry.ts';
import type { ProjectDocument } from '../../../src/shared/operations/transfer.ops.ts';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');

/** A project document of `count` tasks in a chain of tens. */
function bigDocument(count: number): ProjectDocument {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    format: 'orchestron.project',
    version: 1,
    project: { name: 'big', description: '', root_path: null, created_at: at, updated_at: at },
    tasks: Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      parent_id: null,
      title: `Task ${index + 1}`,
      description: '',
      details: '',
      test_strategy: '',
      acceptance_criteria: [],
      status: 'pending' as const,
      priority: 1,
      tags: ['bulk'],
      dependencies: index % 10 === 0 ? [] : [index],
      file_refs: [],
      assignee: null,
      code_language: null,
      execution_environment: null,
      complexity_score: null,
      estimated_hours: null,
      progress: 0,
      version: 1,
      created_by: 'test',
      created_at: at,
      updated_at: at,
      started_at: null,
      completed_at: null,
      position: null,
    })),
    commits: [],
  };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the call pipeline', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('a long import reports progress and, aborted mid-way, leaves nothing behind', async () => {
    const before = snapshot(core);
    const abort = new AbortController();
    const reports: ProgressReport[] = [];
    const error = await core.orchestrator
      .call(
        'import_project',
        { document: bigDocument(20_000) },
        {
          actor: 'test',
          signal: abort.signal,
          progress: (report) => {
            reports.push(report);
            if (report.done > 0 && report.done < report.total) abort.abort();
          },
        },
      )
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'CANCELLED');
    assert.match(error.message, /cancelled while importing tasks; nothing changed/);
    assert.ok(reports.some((report) => report.done > 0 && report.done < 20_000));
    assert.equal(snapshot(core), before, 'the aborted import left nothing');
    const done = await core.orchestrator.call(
      'import_project',
      { document: bigDocument(3_000) },
      {
        actor: 'test',
        progress: (report) => reports.push(report),
      },
    );
    assert.equal(done.task_count, 3_000);
    assert.equal(reports.at(-1)!.done, 3_000);
  });

  test('a call past its deadline stops with TIMEOUT and changes nothing', async () => {
    const before = snapshot(core);
    const error = await core.orchestrator
      .call('import_project', { document: bigDocument(20_000) }, { deadline: Date.now() + 5 })
      .catch((caught: unknown) => caught);
    assert.equal((error as AppError).code, 'TIMEOUT');
    assert.equal(snapshot(core), before);
  });

  test('calls made while a long one runs wait for it, then see its result', async () => {
    const importing = core.call('import_project', { document: bigDocument(5_000) });
    const listed = core.call('list_projects', {});
    const [imported, projects] = await Promise.all([importing, listed]);
    assert.equal(imported.task_count, 5_000);
    assert.equal(projects.projects.find((p) => p.name === 'big')?.task_count, 5_000);
  });

  test('callEach runs one operation per input in one transaction: all or nothing', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    const both = await core.orchestrator.callEach('update_task_status', [
      { task_id: a, status: 'done' },
      { task_id: b, status: 'done' },
    ]);
    assert.deepEqual(
      both.map((output) => output.task.status),
      ['completed', 'completed'],
    );
    const [c] = await createTasks(core, 'C');
    const before = snapshot(core);
    const error = await core.orchestrator
      .callEach('update_task_status', [
        { task_id: c, status: 'in_progress' },
        { task_id: 999, status: 'in_progress' },
      ])
      .catch((caught: unknown) => caught);
    assert.equal((error as AppError).code, 'NOT_FOUND');
    assert.equal(snapshot(core), before, 'the first change was rolled back with the second');
  });

  test('how to fix a call is data; no core message names an operation or a command', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    const failures: unknown[] = [];
    const attempt = (name: Parameters<TestCore['call']>[0], input: unknown) =>
      core.orchestrator.call(name, input).catch((error: unknown) => failures.push(error));
    await attempt('get_task', { task_id: 99 });
    await attempt('delete_task', { task_id: a });
    await attempt('update_task_status', { task_id: b, status: 'in_progress' });
    await attempt('update_task', { task_id: a, title: 'x', expected_version: 99 });
    await attempt('create_project', { name: 'default' });
    await attempt('list_tasks', { project_id: 'nope' });
    await attempt('get_task_graph', { max_nodes: 1 });
    await attempt('mark_notifications_read', { ids: [5] });
    assert.equal(failures.length, 8);
    const names = new RegExp(`\\b(${OPERATION_NAMES.join('|')})\\b|orchestron |--[a-z]`);
    for (const failure of failures) {
      assert.ok(failure instanceof AppError);
      assert.doesNotMatch(failure.message, names, failure.message);
      assert.ok(failure.operation, 'the error names the call it came from');
    }
    const deleted = failures[1] as AppError;
    assert.deepEqual(
      deleted.hints.map((hint) => [hint.operation, hint.input]),
      [
        ['delete_task', { on_dependents: 'cascade' }],
        ['delete_task', { on_dependents: 'relink' }],
      ],
    );
    assert.equal((failures[0] as AppError).hints[0]!.operation, 'list_tasks');
  });

  test('every event is one of the typed kinds, and each kind is built in one place only', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    await core.call('update_task', { task_id: a!, title: 'A2', assignee: 'ann' });
    await core.call('update_task', { task_id: b!, assignee: 'bob' });
    await core.call('update_task_status', { task_id: a!, status: 'done' });
    await core.call('update_task_status', { task_id: a!, status: 'pending' });
    await core.call('remove_dependency', { task_id: b!, depends_on: a! });
    await core.call('delete_task', { task_id: b! });
    const { events } = await core.call('list_events', { limit: 500 });
    for (const event of events) assert.ok(EventSchema().safeParse(event).success, event.type);
    const files = sourceFiles(SRC).filter((file) => !file.endsWith('emit.ts'));
    for (const type of eventTypes()) {
      const writes = [`append(context, '${type}'`, `type: '${type}'`];
      const users = files.filter((file) => {
        const text = readFileSync(file, 'utf8').replaceAll(/\s+/g, ' ');
        return writes.some((write) => text.includes(write));
      });
      assert.deepEqual(
        users.filter((file) => file.includes(`${join('src', 'core')}`)),
        [],
        `${type} is written outside src/core/events/emit.ts`,
      );
    }
  });

  test('imported ids are bounded so that the ids handed out after them stay exact', async () => {
    const document = bigDocument(2);
    document.tasks[1]!.id = 2 ** 31;
    document.tasks[1]!.dependencies = [1];
    const before = snapshot(core);
    const error = await core.fails('import_project', { document });
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /at most 2147483647/);
    assert.equal(snapshot(core), before);
    document.tasks[1]!.id = 2 ** 31 - 1;
    await core.call('import_project', { document });
    const next = await core.call('create_task', { title: 'after the largest id' });
    assert.equal(next.task.id, 2 ** 31);
    assert.equal(
      (await core.call('get_task', { task_id: 2 ** 31 })).task.title,
      'after the largest id',
    );
    const again = await core.call('create_task', { title: 'and the next' });
    assert.equal(again.task.id, 2 ** 31 + 1);
  });
});
