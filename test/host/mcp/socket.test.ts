// The MCP socket endpoint with the official v2 client in both protocol eras: the tool loop,
// fix-it errors, identity in the event log, notices, resources, prompts, and the socket file's
// safety (owner-only, stale files replaced, a live server never displaced).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSocketEndpoint, socketAnswers } from '../../../src/host/mcp/socket-endpoint.ts';
import { DEFAULT_TOOLS } from '../../../src/host/mcp/tool-sets.ts';
import { ERROR_META_KEY } from '../../../src/host/mcp/tool-results.ts';
import { AppError } from '../../../src/shared/errors.ts';
import { OPERATIONS } from '../../../src/shared/operations/registry.ts';
import { ERAS, openSocketKit, textOf, type SocketKit } from './mcp-test-kit.ts';

describe('MCP over the socket', () => {
  let kit: SocketKit;
  before(async () => {
    kit = await openSocketKit();
  });
  after(() => kit.dispose());

  for (const era of ERAS) {
    test(`${era} era: lists the loop, creates, reads and lists tasks`, async () => {
      const client = await kit.connect(era, `agent-${era}`);
      const expected = era === 'legacy' ? 'legacy' : 'modern';
      assert.equal(client.getProtocolEra(), expected);
      const { tools } = await client.listTools();
      const names = tools.map((tool) => tool.name);
      assert.deepEqual(
        names.toSorted(),
        DEFAULT_TOOLS.filter((name) => Object.hasOwn(OPERATIONS, name)).toSorted(),
      );
      const getTask = tools.find((tool) => tool.name === 'get_task')!;
      assert.equal(getTask.annotations?.readOnlyHint, true);
      assert.equal(getTask.annotations?.openWorldHint, false);
      const createTask = tools.find((tool) => tool.name === 'create_task')!;
      assert.notEqual(createTask.annotations?.readOnlyHint, true);
      assert.equal(createTask.annotations?.destructiveHint, false);
      assert.ok(getTask.outputSchema, 'tools carry an output schema');

      const created = await client.callTool({
        name: 'create_task',
        arguments: { title: `Write ${era}` },
      });
      assert.notEqual(created.isError, true, textOf(created));
      const task = (created.structuredContent as { task: { id: number; title: string } }).task;
      assert.equal(task.title, `Write ${era}`);
      assert.match(textOf(created), /Created task \d+/);

      const got = await client.callTool({ name: 'get_task', arguments: { task_id: task.id } });
      assert.equal((got.structuredContent as { task: { id: number } }).task.id, task.id);
      assert.ok(textOf(got).length <= 1_100, 'the text beside structuredContent stays short');

      const listed = await client.callTool({
        name: 'list_tasks',
        arguments: { fields: 'compact' },
      });
      const ids = (listed.structuredContent as { tasks: { id: number }[] }).tasks.map((t) => t.id);
      assert.ok(ids.includes(task.id));
    });

    test(`${era} era: a failure is an isError result that says how to fix the call`, async () => {
      const client = await kit.connect(era);
      const missing = await client.callTool({ name: 'get_task', arguments: { task_id: 999_999 } });
      assert.equal(missing.isError, true);
      assert.match(
        textOf(missing),
        /^error\[NOT_FOUND\]: No task with id 999999\. Use list_tasks to find the right id\.$/,
      );
      assert.equal(
        (missing._meta?.[ERROR_META_KEY] as { code?: string } | undefined)?.code,
        'NOT_FOUND',
      );

      const bad = await client.callTool({
        name: 'get_task',
        arguments: { task_id: 'seven', color: 'red' },
      });
      assert.equal(bad.isError, true);
      assert.match(
        textOf(bad),
        /^error\[VALIDATION\]: .*task_id: a task id must be a whole number/,
      );
      assert.match(textOf(bad), /unknown field\(s\): color; the fields are task_id/);

      const none = await client.callTool({ name: 'get_task', arguments: {} });
      assert.match(textOf(none), /task_id is required/);
    });
  }

  test('every call is attributed to the agent and its session in the event log', async () => {
    const client = await kit.connect('legacy', 'Claude Code (CLI)');
    const created = await client.callTool({
      name: 'create_task',
      arguments: { title: 'Attributed' },
    });
    const id = (created.structuredContent as { task: { id: number } }).task.id;
    const rows = kit.core.store.db
      .prepare('SELECT actor FROM events WHERE task_id = ?')
      .all(id) as { actor: string }[];
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.actor, /^agent:Claude-Code-CLI#[\w-]+$/);
  });

  test('an agent that starts its own session acts under that name from then on', async () => {
    const hello = `${JSON.stringify({ orchestronHello: 1, tools: ['start_session'] })}\n`;
    const client = await kit.connect('modern', 'generic-client', hello);
    const started = await client.callTool({
      name: 'start_session',
      arguments: { agent_name: 'builder-7' },
    });
    assert.notEqual(started.isError, true, textOf(started));
    const session = (started.structuredContent as { session_id: string }).session_id;
    const created = await client.callTool({ name: 'create_task', arguments: { title: 'Named' } });
    const task = (created.structuredContent as { task: { created_by: string } }).task;
    assert.equal(task.created_by, `agent:builder-7#${session}`);
  });

  test("an agent's unread notifications come with its next result, outside structuredContent", async () => {
    const client = await kit.connect('auto', 'notice-agent');
    const created = await client.callTool({ name: 'create_task', arguments: { title: 'Noticed' } });
    const task = (created.structuredContent as { task: { id: number; project_id: number } }).task;
    await client.callTool({ name: 'claim_task', arguments: { task_id: task.id } });
    // a notification written by the core, as every one is: with its event
    await kit.core.call(
      'pause_task',
      { task_id: task.id, reason: 'The API is changing' },
      { caller: { kind: 'person', name: 'alice' } },
    );
    const result = await client.callTool({ name: 'get_task', arguments: { task_id: task.id } });
    assert.match(
      textOf(result),
      new RegExp(
        `1 notice: .*#${task.id}.*The API is changing.*; call get_notifications to read them\\.$`,
      ),
    );
    assert.equal(
      (result._meta as Record<string, { unread: number }>)['orchestron/notices']!.unread,
      1,
    );
    assert.equal('orchestron/notices' in (result.structuredContent as object), false);
    const other = await kit.connect('auto', 'someone-else');
    const quiet = await other.callTool({ name: 'get_task', arguments: { task_id: task.id } });
    assert.doesNotMatch(textOf(quiet), /\n\d+\+? notices?: /);
  });

  test('resources: task://{id} as JSON and project://{id}/graph as Mermaid', async () => {
    for (const era of ['legacy', 'modern'] as const) {
      const client = await kit.connect(era);
      const created = await client.callTool({
        name: 'create_task',
        arguments: { title: 'Readable' },
      });
      const task = (created.structuredContent as { task: { id: number; project_id: number } }).task;
      const read = await client.readResource({ uri: `task://${task.id}` });
      const body = JSON.parse((read.contents[0] as { text: string }).text) as {
        task: { title: string };
      };
      assert.equal(body.task.title, 'Readable');
      const graph = await client.readResource({ uri: `project://${task.project_id}/graph` });
      assert.match((graph.contents[0] as { text: string }).text, /^flowchart/);
      await assert.rejects(client.readResource({ uri: 'task://999999' }), /No task with id 999999/);
      const templates = await client.listResourceTemplates();
      assert.deepEqual(
        templates.resourceTemplates.map((template) => template.uriTemplate).toSorted(),
        ['project://{id}/graph', 'task://{id}'],
      );
    }
  });

  test('prompts: each specialist role rendered with the task', async () => {
    const client = await kit.connect('auto');
    const created = await client.callTool({
      name: 'create_task',
      arguments: {
        title: 'Parse the config',
        description: 'Read YAML.',
        acceptance_criteria: ['rejects tabs'],
        test_strategy: 'Table tests.',
      },
    });
    const id = (created.structuredContent as { task: { id: number } }).task.id;
    const { prompts } = await client.listPrompts();
    assert.deepEqual(prompts.map((prompt) => prompt.name).toSorted(), [
      'architect',
      'debugger',
      'documenter',
      'implementer',
      'researcher',
      'reviewer',
      'tester',
    ]);
    const prompt = await client.getPrompt({ name: 'tester', arguments: { task_id: String(id) } });
    const text = (prompt.messages[0]!.content as { text: string }).text;
    assert.match(text, /^You are the tester/);
    assert.match(text, new RegExp(`# Task #${id}: Parse the config`));
    assert.match(text, /- \[ \] rejects tabs/);
    assert.match(text, /## Test strategy\nTable tests\./);
  });

  test('the socket is owner-only, in an owner-only folder', () => {
    assert.equal(statSync(kit.endpoint.path).mode & 0o777, 0o600);
    assert.equal(statSync(dirname(kit.endpoint.path)).mode & 0o777, 0o700);
  });

  test('a second server on a live socket is refused with CONFLICT', async () => {
    await assert.rejects(
      startSocketEndpoint(kit.core, { databasePath: kit.databasePath, path: kit.endpoint.path }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'CONFLICT' &&
        /already serves MCP/.test(error.message),
    );
    assert.equal(await socketAnswers(kit.endpoint.path), true, 'the first server still answers');
  });
});

describe('tool sets over the socket', () => {
  test('all lists every agent-facing operation', async () => {
    const kit = await openSocketKit('all');
    try {
      const client = await kit.connect('legacy');
      const { tools } = await client.listTools();
      const agentFacing = Object.values(OPERATIONS).filter((op) => op.audience !== 'human');
      assert.equal(tools.length, agentFacing.length);
    } finally {
      await kit.dispose();
    }
  });

  test('a bridge hello picks the tool set and the folder', async () => {
    const kit = await openSocketKit();
    try {
      const hello = `${JSON.stringify({ orchestronHello: 1, cwd: kit.dir, tools: ['list_events'] })}\n`;
      const client = await kit.connect('auto', 'hello-agent', hello);
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'list_events'));
      assert.ok(tools.some((tool) => tool.name === 'get_task'));
    } finally {
      await kit.dispose();
    }
  });
});

test('a stale socket file, with nothing answering, is replaced', async () => {
  const kit = await openSocketKit();
  const stale = join(kit.dir, 'data', 'run', 'stale.sock');
  // A process that listens and dies without cleaning up leaves its socket file behind.
  const script = `require('net').createServer().listen(${JSON.stringify(stale)}, () => process.kill(process.pid, 'SIGKILL'))`;
  spawnSync(process.execPath, ['-e', script]);
  try {
    assert.ok(statSync(stale).isSocket(), 'the dead process left its socket file');
    assert.equal(await socketAnswers(stale), false);
    const second = await startSocketEndpoint(kit.core, {
      databasePath: kit.databasePath,
      path: stale,
    });
    assert.equal(await socketAnswers(stale), true);
    await second.close();
  } finally {
    await kit.dispose();
  }
});
