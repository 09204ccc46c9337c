// Two agents and a person on one task graph, through real MCP clients over the socket: what the
// core's rules look like from an agent's side of the wire (its name from the handshake, refusals
// as isError results, answers and rejections reaching it).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { ERROR_META_KEY, NOTICES_META_KEY } from '../../../src/host/mcp/tool-results.ts';
import { openSocketKit, textOf, type SocketKit } from './mcp-test-kit.ts';

const PERSON = { caller: { kind: 'person' as const, name: 'alice' } };

interface ToolResult {
  isError?: boolean;
  content?: unknown;
  structuredContent?: Record<string, unknown>;
  _meta?: Record<string, unknown>;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

async function ok(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await call(client, name, args);
  assert.notEqual(result.isError, true, `${name}: ${textOf(result)}`);
  return result;
}

describe('the agent loop over MCP', () => {
  let kit: SocketKit;
  let claude: Client;
  let codex: Client;
  before(async () => {
    kit = await openSocketKit();
    claude = await kit.connect('legacy', 'claude');
    codex = await kit.connect('modern', 'codex');
  });
  after(() => kit.dispose());

  test('one claim per task, another agent refused naming the holder, the claim released', async () => {
    const { task } = await kit.core.call('create_task', { title: 'Schema' }, PERSON);
    const claimed = await ok(claude, 'claim_next_task');
    const lease = claimed.structuredContent!['lease'] as { holder: string; expires_at: string };
    assert.equal(lease.holder, 'claude');
    assert.ok(Date.parse(lease.expires_at) > Date.now());

    const nothing = await ok(codex, 'claim_next_task');
    assert.equal(nothing.structuredContent!['task'], null);
    assert.match(textOf(nothing), /claimed by claude until/);

    const refused = await call(codex, 'update_task_status', {
      task_id: task.id,
      status: 'completed',
    });
    assert.equal(refused.isError, true);
    assert.match(textOf(refused), /^error\[FORBIDDEN\]: .*leased by claude until .* UTC/);
    assert.equal(
      (refused._meta?.[ERROR_META_KEY] as { code?: string } | undefined)?.code,
      'FORBIDDEN',
    );
    assert.equal(
      (await kit.core.call('get_task', { task_id: task.id })).task.status,
      'in_progress',
    );

    await ok(claude, 'release_task', { task_id: task.id, reason: 'lunch' });
    const taken = await ok(codex, 'claim_task', { task_id: task.id });
    assert.equal((taken.structuredContent!['task'] as { assignee: string }).assignee, 'codex');
  });

  test('a question waits for the person; the answer comes back to the waiting agent', async () => {
    const { task } = await kit.core.call('create_task', { title: 'Pick a database' }, PERSON);
    await ok(claude, 'claim_task', { task_id: task.id });
    const asked = await ok(claude, 'request_intervention', {
      task_id: task.id,
      kind: 'clarification',
      question: 'Postgres or SQLite?',
      options: ['Postgres', 'SQLite'],
    });
    const ticket = asked.structuredContent!['ticket'] as string;
    assert.equal(
      (await kit.core.call('get_task', { task_id: task.id })).task.status,
      'needs_input',
    );

    const waiting = call(claude, 'wait_for_intervention', { ticket, timeout_s: 20 });
    // the wait holds no other call up: the person reads and answers meanwhile
    const open = await kit.core.call('list_interventions', {}, PERSON);
    assert.ok(open.interventions.some((question) => question.ticket === ticket));
    await kit.core.call('answer_intervention', { ticket, option: 'SQLite' }, PERSON);
    const answered = await waiting;
    assert.notEqual(answered.isError, true, textOf(answered));
    assert.equal(answered.structuredContent!['status'], 'answered');
    assert.equal(answered.structuredContent!['chosen_option'], 'SQLite');
    assert.equal(
      (await kit.core.call('get_task', { task_id: task.id })).task.status,
      'in_progress',
    );

    await assert.rejects(
      claude.callTool({ name: 'answer_intervention', arguments: { ticket, answer: 'me' } }),
      /not found/,
      'answering is for the person: not a tool agents see',
    );
  });

  test("a gated task goes to review; the person's rejection reaches the agent with its next call", async () => {
    const { task } = await kit.core.call(
      'create_task',
      { title: 'Billing migration', requires_approval: true },
      PERSON,
    );
    await ok(claude, 'claim_task', { task_id: task.id });
    const submitted = await ok(claude, 'update_task_status', {
      task_id: task.id,
      status: 'completed',
    });
    assert.equal((submitted.structuredContent!['task'] as { status: string }).status, 'review');
    assert.match(textOf(submitted), /approval/);

    await kit.core.call(
      'reject_task',
      { task_id: task.id, reason: 'Tests fail on empty input' },
      PERSON,
    );
    const next = await ok(claude, 'get_task', { task_id: task.id });
    assert.equal((next.structuredContent!['task'] as { status: string }).status, 'in_progress');
    assert.match(textOf(next), /\d+ notices?: .*call get_notifications/);
    const unread = next._meta?.[NOTICES_META_KEY] as { unread: number; ids: number[] };
    assert.ok(unread.unread >= 1 && unread.ids.length === unread.unread);

    const mine = await ok(claude, 'get_notifications');
    const messages = JSON.stringify(mine.structuredContent);
    assert.match(messages, /Tests fail on empty input/);
    const theirs = await ok(codex, 'get_notifications');
    assert.doesNotMatch(JSON.stringify(theirs.structuredContent), /Tests fail on empty input/);
  });

  test('work handed over: saved context and handoff come back to the next session', async () => {
    const { task } = await kit.core.call('create_task', { title: 'Parser' }, PERSON);
    await ok(claude, 'claim_task', { task_id: task.id });
    await ok(claude, 'update_progress', { task_id: task.id, percent: 40, note: 'lexer done' });
    await ok(claude, 'save_context', {
      task_id: task.id,
      context: { completed_steps: ['lexer'], next_steps: ['parser'], decisions: ['no regex'] },
    });
    const handoff = await ok(claude, 'prepare_handoff', { task_id: task.id });
    assert.match(JSON.stringify(handoff.structuredContent), /no regex/);

    const later = await kit.connect('auto', 'claude');
    const resumed = await ok(later, 'resume_work');
    assert.equal((resumed.structuredContent!['task'] as { id: number }).id, task.id);
    assert.match(JSON.stringify(resumed.structuredContent), /parser/);
  });
});
