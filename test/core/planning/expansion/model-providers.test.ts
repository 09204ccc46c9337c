import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import {
  anthropicMessage,
  openAiCompletion,
  startFakeModelServer,
  type FakeModelServer,
} from './fake-model-server.ts';
import { useOfflineModels } from '../../../helpers/offline-models.ts';

// the providers are configured by each test alone, never from this machine's environment
useOfflineModels();

const KEY = 'sk-test-KEY-0123456789abcdef';

const PLAN = {
  subtasks: [
    { title: 'Schema', description: 'Tables for sessions.', dependencies: [] },
    {
      title: 'Endpoints',
      description: 'Sign in and out.',
      priority: 'High',
      details: null,
      dependencies: ['1'],
      subtasks: [{ title: 'Rate limit', description: 'Per IP.', dependencies: [] }],
    },
    { title: 'Tests', description: 'End to end.', dependencies: ['2'] },
  ],
};

describe('expansion through model providers (real SDKs, local server)', () => {
  let server: FakeModelServer;
  let core: TestCore;
  let taskId: number;
  before(async () => (server = await startFakeModelServer()));
  after(() => server.close());
  beforeEach(async () => {
    core = openTestCore();
    server.received.length = 0;
    taskId = (
      await core.call('create_task', {
        title: 'Sessions',
        acceptance_criteria: ['Sign-in works', 'Sign-out works'],
      })
    ).task.id;
  });
  afterEach(() => core.dispose());

  const configure = (provider: 'openai' | 'anthropic', fields: Record<string, unknown> = {}) =>
    core.call('set_expansion_provider', {
      provider,
      base_url: provider === 'openai' ? `${server.url}/v1` : server.url,
      api_key: KEY,
      timeout_ms: 2_000,
      max_retries: 0,
      ...fields,
    });
  const expand = (input: Record<string, unknown>) =>
    core.call('expand_task', { task_id: taskId, ...input });
  /** Everything a caller or the event log could show, as one text. */
  const visible = (outputs: unknown[]) =>
    JSON.stringify(outputs) +
    JSON.stringify(core.orchestrator.store.db.prepare('SELECT * FROM events').all()) +
    JSON.stringify(core.orchestrator.store.db.prepare('SELECT * FROM tasks').all());

  describe('openai-compatible', () => {
    test("creates the answer's subtasks; the request carries the model, max_tokens, temperature and schema", async () => {
      await configure('openai');
      server.answer({
        status: 200,
        json: openAiCompletion('```json\n' + JSON.stringify(PLAN) + '\n```'),
      });
      const result = await expand({
        provider: 'openai',
        model: 'llama3.2',
        max_tokens: 1234,
        temperature: 0.2,
      });
      assert.equal(result.strategy, 'openai');
      assert.equal(result.model, 'local-model');
      assert.deepEqual(result.usage, { input_tokens: 120, output_tokens: 80 });
      assert.deepEqual(
        result.subtasks.map((s) => [s.path, s.title]),
        [
          ['1', 'Schema'],
          ['2', 'Endpoints'],
          ['2.1', 'Rate limit'],
          ['3', 'Tests'],
        ],
      );
      assert.deepEqual(result.subtasks[1]!.dependencies, [result.subtasks[0]!.id]);
      const endpoints = await core.call('get_task', { task_id: result.subtasks[1]!.id });
      assert.equal(endpoints.task.priority, 2, '"High" read as high');
      assert.match(result.message, /with openai \(local-model\)/);
      assert.equal(server.received.length, 1);
      const [request] = server.received;
      assert.equal(request!.path, '/v1/chat/completions');
      assert.equal(request!.headers.authorization, `Bearer ${KEY}`);
      const body = request!.body as Record<string, unknown>;
      assert.equal(body['model'], 'llama3.2');
      assert.equal(body['max_tokens'], 1234);
      assert.equal(body['temperature'], 0.2);
      const format = body['response_format'] as { type: string; json_schema: { schema: unknown } };
      assert.equal(format.type, 'json_schema');
      assert.ok(JSON.stringify(format.json_schema.schema).includes('"subtasks"'));
      const messages = body['messages'] as { role: string; content: string }[];
      assert.ok(messages[1]!.content.includes('1. Sign-in works'));
      assert.ok(!visible([result]).includes(KEY));
    });

    test('auto uses a configured base URL, with the model from settings and the seed defaults', async () => {
      await core.call('set_expansion_provider', {
        provider: 'openai',
        base_url: `${server.url}/v1`,
        model: 'qwen2.5',
        max_retries: 0,
      });
      server.answer({ status: 200, json: openAiCompletion(JSON.stringify(PLAN)) });
      const result = await expand({});
      assert.equal(result.strategy, 'openai');
      const body = server.received[0]!.body;
      assert.equal(body['model'], 'qwen2.5');
      assert.equal(body['max_tokens'], 2000);
      assert.equal(body['temperature'], 0.7);
      assert.equal(server.received[0]!.headers.authorization, 'Bearer no-key');
    });

    const failures: [string, () => void, RegExp][] = [
      [
        'an HTTP 500',
        () => server.answer({ status: 500, json: { error: { message: 'model crashed' } } }),
        /openai failed: HTTP 500: model crashed/,
      ],
      ['a timeout', () => server.answer({ hang: true }), /openai failed: no answer within 300 ms/],
      [
        'garbage instead of JSON',
        () =>
          server.answer({ status: 200, json: openAiCompletion('Sure! Here are {some: subtasks}') }),
        /openai failed: the answer was not valid JSON/,
      ],
      [
        'JSON of the wrong shape',
        () =>
          server.answer({ status: 200, json: openAiCompletion('{"subtasks": [{"name": "x"}]}') }),
        /openai failed: the answer did not match the subtask shape \(subtasks.0.title/,
      ],
      [
        'a plan whose dependencies loop',
        () =>
          server.answer({
            status: 200,
            json: openAiCompletion(
              JSON.stringify({
                subtasks: [
                  { title: 'A', description: '', dependencies: ['2'] },
                  { title: 'B', description: '', dependencies: ['1'] },
                ],
              }),
            ),
          }),
        /openai failed: its subtasks were refused: The subtasks' dependencies form a loop/,
      ],
      [
        'an answer cut off at max_tokens',
        () => server.answer({ status: 200, json: openAiCompletion('{"subtasks": [', 'length') }),
        /cut off at max_tokens \(2000\)/,
      ],
      [
        'a 401 that echoes the key',
        () =>
          server.answer({
            status: 401,
            json: { error: { message: `Incorrect API key provided: ${KEY}` } },
          }),
        /HTTP 401: Incorrect API key provided: \[redacted\]/,
      ],
    ];
    for (const [name, arrange, warning] of failures) {
      test(`${name} falls back to offline with a warning saying why`, async () => {
        await configure('openai', { timeout_ms: 300 });
        arrange();
        const result = await expand({ provider: 'openai' });
        assert.equal(result.strategy, 'offline');
        assert.equal(result.requested, 'openai');
        assert.match(result.warnings[0]!, warning);
        assert.match(result.warnings[0]!, /the offline expansion ran instead/);
        assert.match(result.message, /offline because openai failed/);
        assert.deepEqual(
          result.subtasks.map((s) => s.title),
          [
            'Implement: Sign-in works',
            'Implement: Sign-out works',
            'Test: Sessions',
            'Document: Sessions',
          ],
        );
        assert.ok(!visible([result]).includes(KEY), 'the key appears nowhere');
      });
    }

    test("a 500 is retried as configured, and the retry's answer is used", async () => {
      await configure('openai', { max_retries: 1 });
      server.answer(
        { status: 500, json: { error: { message: 'busy' } } },
        { status: 200, json: openAiCompletion(JSON.stringify(PLAN)) },
      );
      const result = await expand({ provider: 'openai' });
      assert.equal(result.strategy, 'openai');
      assert.equal(server.received.length, 2);
    });

    test('a cancelled call stops waiting for the model and creates nothing', async () => {
      await configure('openai', { timeout_ms: 5_000 });
      server.answer({ hang: true });
      const unchanged = snapshot(core);
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 100);
      await assert.rejects(
        core.orchestrator.call(
          'expand_task',
          { task_id: taskId, provider: 'openai' },
          { signal: stop.signal },
        ),
        (error: { code?: string }) => error.code === 'CANCELLED',
      );
      assert.equal(snapshot(core), unchanged);
    });

    test('other calls go on while the model is thinking', async () => {
      await configure('openai', { timeout_ms: 1_000 });
      server.answer({ hang: true });
      let answered = false;
      const expanding = expand({ provider: 'openai' }).finally(() => (answered = true));
      while (server.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await core.call('create_task', { title: 'Meanwhile' });
      assert.equal(answered, false, 'the write ran while the model had not answered');
      assert.equal((await expanding).strategy, 'offline');
    });

    test('without a key or base URL, openai falls back at once', async () => {
      const result = await expand({ provider: 'openai' });
      assert.equal(result.strategy, 'offline');
      assert.match(result.warnings[0]!, /no API key: set OPENAI_API_KEY/);
      assert.equal(server.received.length, 0);
    });
  });

  describe('anthropic', () => {
    test('creates the subtasks of the forced tool call; the request carries model, max_tokens and the tool', async () => {
      await configure('anthropic');
      server.answer({ status: 200, json: anthropicMessage({ input: PLAN }) });
      const result = await expand({
        provider: 'anthropic',
        model: 'claude-x',
        max_tokens: 3000,
        temperature: 0.3,
      });
      assert.equal(result.strategy, 'anthropic');
      assert.equal(result.subtasks.length, 4);
      assert.deepEqual(result.usage, { input_tokens: 150, output_tokens: 90 });
      assert.match(result.warnings.join(' '), /no longer takes a temperature/);
      const [request] = server.received;
      assert.equal(request!.path, '/v1/messages');
      const body = request!.body;
      assert.equal(body['model'], 'claude-x');
      assert.equal(body['max_tokens'], 3000);
      assert.equal(body['temperature'], undefined);
      assert.deepEqual(body['tool_choice'], { type: 'tool', name: 'submit_subtasks' });
      assert.ok(!visible([result]).includes(KEY));
    });

    test('reads a JSON text answer too, and auto picks anthropic when only it has a key', async () => {
      await configure('anthropic');
      server.answer({
        status: 200,
        json: anthropicMessage({ text: `Here:\n${JSON.stringify(PLAN)}` }),
      });
      const result = await expand({});
      assert.equal(result.strategy, 'anthropic');
      assert.equal(result.subtasks.length, 4);
      assert.equal(result.requested, 'auto');
    });

    for (const [name, reply, warning] of [
      [
        'an HTTP 500',
        {
          status: 500,
          json: { type: 'error', error: { type: 'api_error', message: 'overloaded' } },
        },
        /anthropic failed: HTTP 500/,
      ],
      ['a timeout', { hang: true }, /anthropic failed: no answer within 300 ms/],
      [
        'garbage',
        { status: 200, json: anthropicMessage({ text: 'no JSON here' }) },
        /anthropic failed: the answer held no JSON/,
      ],
    ] as const) {
      test(`${name} falls back to offline with a warning`, async () => {
        await configure('anthropic', { timeout_ms: 300 });
        server.answer(reply);
        const result = await expand({ provider: 'anthropic' });
        assert.equal(result.strategy, 'offline');
        assert.match(result.warnings[0]!, warning);
        assert.equal(result.subtasks.length, 4);
        assert.ok(!visible([result]).includes(KEY));
      });
    }
  });

  describe('settings', () => {
    test('show where keys come from, never the keys; null clears a setting', async () => {
      const set = await configure('openai', { model: 'm1', default: true });
      assert.ok(!JSON.stringify(set).includes(KEY));
      const openai = set.providers.find((p) => p.provider === 'openai')!;
      assert.equal(openai.key, 'settings');
      assert.equal(openai.model, 'm1');
      assert.equal(set.auto, 'openai');
      process.env['OPENAI_API_KEY'] = 'sk-env-0000000000';
      try {
        const cleared = await core.call('set_expansion_provider', {
          provider: 'openai',
          api_key: null,
        });
        assert.equal(cleared.providers.find((p) => p.provider === 'openai')!.key, 'environment');
        assert.ok(!JSON.stringify(cleared).includes('sk-env-0000000000'));
      } finally {
        delete process.env['OPENAI_API_KEY'];
      }
      const got = await core.call('get_expansion_settings', {});
      assert.equal(got.providers.find((p) => p.provider === 'openai')!.key, 'none');
      assert.equal(got.auto, 'openai', 'a base URL alone configures an OpenAI-compatible server');
    });

    test('a bad setting is refused and nothing is stored', async () => {
      const unchanged = snapshot(core);
      const failure = await core.fails('set_expansion_provider', {
        provider: 'openai',
        base_url: 'ftp://example.com',
      });
      assert.equal(failure.code, 'VALIDATION');
      assert.match(failure.message, /base_url must be an http\(s\) URL/);
      assert.equal(snapshot(core), unchanged);
    });
  });
});
