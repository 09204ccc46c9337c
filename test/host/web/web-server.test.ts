// The browser-mode HTTP server end to end over real sockets: calls and their error codes, the
// request guards, the event stream and the static files of the renderer.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postCall, rawRequest, startFixture, type WebFixture } from './web-test-kit.ts';

let fixture: WebFixture;
before(async () => {
  fixture = await startFixture();
});
after(() => fixture.dispose());

function errorOf(body: Record<string, unknown>): { code: string; message: string } {
  return body['error'] as { code: string; message: string };
}

describe('POST /api/call', () => {
  it('runs an operation and answers with its result', async () => {
    const { status, body } = await postCall(fixture.url, {
      name: 'create_task',
      input: { title: 'Write the parser' },
    });
    assert.equal(status, 200);
    const result = body['result'] as { task: { title: string; created_by: string } };
    assert.equal(result.task.title, 'Write the parser');
    assert.equal(result.task.created_by, 'human:web');
  });

  it('answers invalid input with 400 VALIDATION and the schema message', async () => {
    const { status, body } = await postCall(fixture.url, {
      name: 'create_task',
      input: { title: '   ' },
    });
    assert.equal(status, 400);
    assert.equal(errorOf(body).code, 'VALIDATION');
    assert.match(errorOf(body).message, /title must not be empty/);
  });

  it('answers an unknown operation with 404 NOT_FOUND listing the operations', async () => {
    const { status, body } = await postCall(fixture.url, { name: 'drop_database', input: {} });
    assert.equal(status, 404);
    assert.equal(errorOf(body).code, 'NOT_FOUND');
    assert.match(errorOf(body).message, /No operation "drop_database".*list_tasks/);
  });

  it('answers a dependency cycle with 409 CYCLE', async () => {
    const first = await postCall(fixture.url, { name: 'create_task', input: { title: 'A' } });
    const a = (first.body['result'] as { task: { id: number } }).task.id;
    const second = await postCall(fixture.url, {
      name: 'create_task',
      input: { title: 'B', dependencies: [a] },
    });
    const b = (second.body['result'] as { task: { id: number } }).task.id;
    const { status, body } = await postCall(fixture.url, {
      name: 'add_dependency',
      input: { task_id: a, depends_on: b },
    });
    assert.equal(status, 409);
    assert.equal(errorOf(body).code, 'CYCLE');
  });

  it('answers a body that is not JSON with 400 VALIDATION', async () => {
    const response = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": "list_tasks",',
    });
    assert.equal(response.status, 400);
    assert.match(
      errorOf(JSON.parse(response.body) as Record<string, unknown>).message,
      /not valid JSON/,
    );
  });

  it('answers a call without a name with 400 VALIDATION', async () => {
    const { status, body } = await postCall(fixture.url, { input: {} });
    assert.equal(status, 400);
    assert.match(errorOf(body).message, /"name" is missing/);
  });

  it('refuses a body over 5 MB with 413 LIMIT, declared or streamed', async () => {
    const big = `{"name":"create_task","input":{"title":"x","description":"${'a'.repeat(6 * 1024 * 1024)}"}}`;
    const declared = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(big)),
      },
      body: big,
    });
    assert.equal(declared.status, 413);
    assert.equal(errorOf(JSON.parse(declared.body) as Record<string, unknown>).code, 'LIMIT');
    const streamed = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    assert.equal(streamed.status, 413);
  });
});

describe('request guards', () => {
  it('refuses a Host that is not a loopback name with this port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${fixture.port}`, '127.0.0.1:1']) {
      const response = await rawRequest(fixture.url, { path: '/', headers: { Host: host } });
      assert.equal(response.status, 403, host);
    }
    const local = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: { Host: `localhost:${fixture.port}`, 'Content-Type': 'application/json' },
      body: '{"name":"list_projects"}',
    });
    assert.equal(local.status, 200);
  });

  it('refuses a cross-origin POST and changes nothing', async () => {
    const countBefore = (await fixture.orchestrator.call('list_tasks', {}, { actor: 'test' }))
      .count;
    const response = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'create_task', input: { title: 'Injected' } }),
    });
    assert.equal(response.status, 403);
    const countAfter = (await fixture.orchestrator.call('list_tasks', {}, { actor: 'test' })).count;
    assert.equal(countAfter, countBefore);
    const sameOrigin = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: { Origin: `http://127.0.0.1:${fixture.port}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'list_projects', input: {} }),
    });
    assert.equal(sameOrigin.status, 200);
  });

  it('refuses a POST that is not JSON (a plain cross-site form cannot call)', async () => {
    const response = await rawRequest(fixture.url, {
      method: 'POST',
      path: '/api/call',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"name":"list_projects"}',
    });
    assert.equal(response.status, 400);
  });
});

/** Opens the event stream and resolves with the first event matching `wanted`. */
type StreamedEvent = { id: number; type: string; task_id: number | null };

function nextEvent(url: string, wanted: (event: StreamedEvent) => boolean, lastEventId?: number) {
  const { hostname, port } = new URL(url);
  const headers: Record<string, string> =
    lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) };
  let opened: () => void = () => {};
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const event = new Promise<StreamedEvent>((resolve, reject) => {
    const request = httpRequest({ hostname, port, path: '/api/events', headers }, (response) => {
      assert.equal(response.headers['content-type'], 'text/event-stream; charset=utf-8');
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        opened();
        for (const match of buffer.matchAll(/^data: (.*)$/gm)) {
          const message = JSON.parse(match[1]!) as { type: string; event: StreamedEvent };
          if (message.type === 'event' && wanted(message.event)) {
            request.destroy();
            resolve(message.event);
          }
        }
      });
    });
    request.on('error', reject);
    request.end();
  });
  return { ready, event };
}

/** Counts the orchestrator's live subscriptions by wrapping its subscribe (behaviour unchanged). */
function countSubscriptions(): () => number {
  const { orchestrator } = fixture;
  const original = orchestrator.subscribe.bind(orchestrator);
  let live = 0;
  orchestrator.subscribe = (listener) => {
    live++;
    const unsubscribe = original(listener);
    return () => {
      live--;
      unsubscribe();
    };
  };
  return () => live;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2_000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('GET /api/events', () => {
  it('unsubscribes from the orchestrator when the client disconnects', async () => {
    const live = countSubscriptions();
    const { hostname, port } = new URL(fixture.url);
    const request = httpRequest({ hostname, port, path: '/api/events' });
    request.end();
    await waitFor(() => live() === 1, 'the stream to subscribe');
    request.destroy();
    await waitFor(() => live() === 0, 'the stream to unsubscribe');
  });

  it('streams the event of a call made after connecting', async () => {
    const stream = nextEvent(fixture.url, (event) => event.type === 'task.created');
    await stream.ready;
    await postCall(fixture.url, { name: 'create_task', input: { title: 'Seen live' } });
    const event = await stream.event;
    assert.equal(event.type, 'task.created');
  });

  it('replays the events after Last-Event-ID to a reconnecting client', async () => {
    const created = await fixture.orchestrator.call(
      'create_task',
      { title: 'Missed while away' },
      { actor: 'test' },
    );
    const stream = nextEvent(
      fixture.url,
      (event) => event.type === 'task.created' && event.task_id === created.task.id,
      0,
    );
    const event = await stream.event;
    assert.equal(event.task_id, created.task.id);
  });
});

describe('static files', () => {
  it('says to run npm run build when the renderer is not built', async () => {
    const response = await rawRequest(fixture.url, { path: '/' });
    assert.equal(response.status, 503);
    assert.match(response.body, /npm run build/);
  });

  it('serves index.html with a strict CSP and assets with their content type', async () => {
    mkdirSync(join(fixture.rendererDir, 'assets'), { recursive: true });
    writeFileSync(
      join(fixture.rendererDir, 'index.html'),
      '<!doctype html><title>Orchestron</title>',
    );
    writeFileSync(join(fixture.rendererDir, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(fixture.rendererDir, '..', 'secret.txt'), 'do not serve');
    const page = await rawRequest(fixture.url, { path: '/' });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(
      String(page.headers['content-security-policy']),
      /default-src 'self'.*script-src 'self'/,
    );
    const script = await rawRequest(fixture.url, { path: '/assets/app.js' });
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(script.body, 'console.log(1);');
    assert.equal((await rawRequest(fixture.url, { path: '/assets/missing.js' })).status, 404);
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00index.html',
    ]) {
      const response = await rawRequest(fixture.url, { path });
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(response.body, /do not serve/);
    }
  });
});
