// `orchestron serve` as a real process: it prints its URL, answers HTTP on the same database the
// CLI uses, stops cleanly on SIGTERM, and names --port when the port is taken.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { BIN, openCliSandbox, type CliSandbox } from './cli-harness.ts';

function startServe(databasePath: string): {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', databasePath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Orchestron is serving (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`serve exited ${code} before printing its URL: ${out}${err}`)),
    );
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exit };
}

describe('orchestron serve', () => {
  let cli: CliSandbox;
  before(() => (cli = openCliSandbox()));
  after(() => cli.dispose());

  test('serves the app and the API on the CLI database, and exits 0 on SIGTERM', async () => {
    const served = startServe(cli.databasePath);
    try {
      const url = await served.url;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      assert.ok(page.status < 500, `GET / answered ${page.status}`);
      await page.arrayBuffer();
      const call = await fetch(new URL('/api/call', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'create_task', input: { title: 'Made in the browser' } }),
      });
      assert.equal(call.status, 200);
      const listed = cli.json('list_tasks', ['task', 'list']);
      assert.deepEqual(
        listed.tasks.map((task) => task.title),
        ['Made in the browser'],
      );
    } finally {
      served.child.kill('SIGTERM');
    }
    assert.equal(await served.exit, 0);
  });

  test('a port in use exits 1 with a message naming --port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const run = cli.expect(1, ['serve', '--port', String(port)]);
      assert.match(run.stderr, new RegExp(`^error\\[CONFLICT\\]: Port ${port} .*in use.*--port`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  test('an invalid port is refused', () => {
    assert.match(
      cli.expect(1, ['serve', '--port', '70000']).stderr,
      /^error\[VALIDATION\]: --port must be a whole number 0\.\.65535/,
    );
  });
});
