// list_agents shows each agent seen lately with its sessions, the tasks it holds (lease expiry),
// its last activity and latest handoffs; agents not seen within the window drop out unless they
// hold a task. get_connect_config returns the text `orchestron mcp config` prints.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { launcherFactsFor } from '../../../src/core/agents/mcp-launcher.ts';
import { chooseLauncher, clientConfig } from '../../../src/shared/mcp/mcp-config.ts';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import type { TestCore } from '../../helpers/temp-orchestrator.ts';
import { openCliSandbox } from '../../host/cli/cli-harness.ts';
import { FakeClock, openClaimsCore } from './claim-helpers.ts';

describe('list_agents', () => {
  let core: TestCore;
  let clock: FakeClock;
  beforeEach(() => ({ core, clock } = openClaimsCore()));
  afterEach(() => core.dispose());

  async function session(name: string): Promise<string> {
    const started = await core.callAs({ kind: 'agent', name }, 'start_session', {
      agent_name: name,
      transport: 'socket',
    });
    return started.session_id;
  }

  test('an agent with a session and a claim: its lease, session and handoff', async () => {
    const id = await session('claude');
    const caller = { kind: 'agent', name: 'claude', session: id } as const;
    const { task } = await core.call('create_task', { title: 'Write the parser' });
    await core.callAs(caller, 'claim_task', { task_id: task.id, lease_minutes: 20 });
    await core.callAs(caller, 'prepare_handoff', { task_id: task.id, note: 'halfway' });

    const roster = await core.call('list_agents', {});
    assert.equal(roster.count, 1);
    assert.equal(roster.now, clock.now());
    const [claude] = roster.agents;
    assert.equal(claude!.agent, 'claude');
    assert.equal(claude!.last_seen_at, clock.now());
    assert.deepEqual(
      claude!.sessions.map((s) => [s.session_id, s.transport, s.ended_at]),
      [[id, 'socket', null]],
    );
    assert.deepEqual(claude!.leases, [
      {
        task_id: task.id,
        project_id: task.project_id,
        title: 'Write the parser',
        status: 'in_progress',
        session: id,
        expires_at: new Date(Date.parse(clock.now()) + 20 * 60_000).toISOString(),
      },
    ]);
    assert.deepEqual(
      claude!.handoffs.map((h) => [h.task_id, h.title]),
      [[task.id, 'Write the parser']],
    );
  });

  test('most recently seen first; an agent unseen for longer than the window drops out', async () => {
    await session('old-timer');
    clock.advance(60 * 30);
    await session('codex');
    clock.advance(5);
    await session('claude');
    const recent = await core.call('list_agents', {});
    assert.deepEqual(
      recent.agents.map((a) => a.agent),
      ['claude', 'codex'],
    );
    const wide = await core.call('list_agents', { hours: 48 });
    assert.deepEqual(
      wide.agents.map((a) => a.agent),
      ['claude', 'codex', 'old-timer'],
    );
    const one = await core.call('list_agents', { limit: 1 });
    assert.deepEqual([one.agents.length, one.count], [1, 2]);
  });

  test('an agent holding a task stays listed however long ago it was seen', async () => {
    const id = await session('claude');
    const { task } = await core.call('create_task', { title: 'Long job' });
    await core.callAs({ kind: 'agent', name: 'claude', session: id }, 'claim_task', {
      task_id: task.id,
    });
    // moved past the session window, not past anything that ends the lease (the sweeper is off)
    clock.advance(60 * 25);
    const roster = await core.call('list_agents', {});
    assert.deepEqual(
      roster.agents.map((a) => [a.agent, a.sessions.length, a.leases.length]),
      [['claude', 0, 1]],
    );
    assert.equal(roster.agents[0]!.last_seen_at, null);
  });

  test('bad input is refused with a clear message', async () => {
    assert.match(
      (await core.fails('list_agents', { hours: 0 })).message,
      /hours must be at least 1/,
    );
    assert.match((await core.fails('list_agents', { hours: 721 })).message, /at most 720/);
    assert.equal((await core.fails('list_agents', { who: 'x' })).code, 'VALIDATION');
  });
});

describe('get_connect_config', () => {
  let core: TestCore;
  beforeEach(() => ({ core } = openClaimsCore()));
  afterEach(() => core.dispose());

  test('the same text as `orchestron mcp config` for the three clients, naming this database', async () => {
    const result = await core.call('get_connect_config', {});
    assert.deepEqual(
      result.configs.map((c) => [c.client, c.label]),
      [
        ['claude', 'Claude Code'],
        ['cursor', 'Cursor'],
        ['codex', 'Codex'],
      ],
    );
    const facts = launcherFactsFor(core.databasePath);
    assert.deepEqual(facts.globalArgs, ['--db', join(core.dir, 'orchestron.db')]);
    const launcher = chooseLauncher(facts);
    for (const config of result.configs)
      assert.equal(config.text, clientConfig(config.client, { kind: 'stdio', launcher }));
    assert.match(result.configs[0]!.text, /claude mcp add orchestron -- /);
    assert.equal(result.text, result.configs.map((c) => c.text).join('\n'));
  });

  test('one client when asked; an unknown one is refused naming the three', async () => {
    const one = await core.call('get_connect_config', { client: 'cursor' });
    assert.deepEqual(
      one.configs.map((c) => c.client),
      ['cursor'],
    );
    const refused = await core.fails('get_connect_config', { client: 'vim' });
    assert.equal(refused.code, 'VALIDATION');
    assert.match(refused.message, /claude, cursor, codex/);
  });
});

describe('get_connect_config against the CLI (real processes)', () => {
  test('`orchestron mcp config <client>` prints exactly the text the page shows', async () => {
    const cli = openCliSandbox();
    const core = new Orchestrator({ databasePath: cli.databasePath, watchIntervalMs: false });
    try {
      const { configs } = await core.call('get_connect_config', {}, { actor: 'test' });
      for (const config of configs) {
        assert.equal(cli.expect(0, ['mcp', 'config', config.client]).stdout, config.text);
        assert.equal(cli.expect(0, ['agents', 'connect', config.client]).stdout, config.text);
      }
    } finally {
      core.dispose();
      cli.dispose();
    }
  });
});

describe('get_connect_config from a host that names its HTTP endpoint', () => {
  test('the text of `orchestron mcp config --http`: the endpoint and its token, no bridge', async () => {
    const cli = openCliSandbox();
    const target = {
      kind: 'http',
      url: 'http://127.0.0.1:4319/mcp',
      token: 'sekret-token',
    } as const;
    const core = new Orchestrator({
      databasePath: cli.databasePath,
      watchIntervalMs: false,
      connectTarget: () => target,
    });
    try {
      const { configs } = await core.call('get_connect_config', {}, { actor: 'test' });
      for (const config of configs) {
        assert.equal(config.text, clientConfig(config.client, target));
        assert.match(config.text, /127\.0\.0\.1:4319\/mcp/);
        assert.doesNotMatch(config.text, /orchestron\.mjs/);
      }
    } finally {
      core.dispose();
      cli.dispose();
    }
  });
});
