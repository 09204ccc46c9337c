// A running program can be typed into, cancelled and timed out (with every process it started),
// and its output, however much or however odd, is kept bounded and never stalls the core.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { CodeRunner } from '../../../src/core/runs/code-runner.ts';
import type { SandboxKind } from '../../../src/core/runs/run-types.ts';
import { plain, processesWith, runToEnd, tempRoot } from './run-helpers.ts';

const root = tempRoot();
const runner = new CodeRunner();
after(() => root.remove());

function waitForOutput(marker: string): { onOutput: (chunk: string) => void; seen: Promise<void> } {
  let text = '';
  let resolve!: () => void;
  const seen = new Promise<void>((done) => (resolve = done));
  return {
    onOutput: (chunk) => {
      text += chunk;
      if (text.includes(marker)) resolve();
    },
    seen,
  };
}

describe('input', () => {
  it('a line written to a running program is read by it', async () => {
    const ready = waitForOutput('name?');
    const run = runner.start(
      {
        language: 'python',
        code: 'name = input("name?")\nprint("got", name.upper())',
        runDirectory: root.runDirectory(),
      },
      { onOutput: ready.onOutput },
    );
    await ready.seen;
    run.write('world\n');
    const result = await run.done;
    assert.equal(result.status, 'succeeded');
    assert.match(plain(result.head), /got WORLD/);
  });

  it('stdin from the spec is read to its end', async () => {
    const code = 'import sys\ndata = sys.stdin.read()\nprint("lines:", len(data.splitlines()))';
    const { result } = await runToEnd(runner, { language: 'python', code, stdin: 'a\nb\nc' }, root);
    assert.equal(result.status, 'succeeded', result.head);
    assert.match(result.head, /lines: 3/);
  });
});

for (const sandbox of ['bubblewrap', 'rlimits'] as SandboxKind[]) {
  describe(`stopping a run (${sandbox})`, () => {
    it('cancel ends a running program promptly as cancelled', async () => {
      const ready = waitForOutput('ready');
      const run = runner.start(
        {
          language: 'python',
          code: 'import time\nprint("ready", flush=True)\ntime.sleep(60)',
          runDirectory: root.runDirectory(),
          sandbox,
        },
        { onOutput: ready.onOutput },
      );
      await ready.seen;
      run.cancel();
      const result = await run.done;
      assert.equal(result.status, 'cancelled');
      assert.ok(result.durationMs < 5000, `took ${result.durationMs} ms`);
    });

    it('a timeout kills the whole group: child, detached grandchild and new-session process', async () => {
      const marker = `31${Math.floor(Math.random() * 1e6)}`;
      const code = [
        `sleep ${marker}.1 &`,
        `(sleep ${marker}.2 &)`,
        `setsid sleep ${marker}.3 &`,
        'echo started',
        'sleep 60',
      ].join('\n');
      const { result } = await runToEnd(
        runner,
        { language: 'bash', code, timeoutSeconds: 1, sandbox },
        root,
      );
      assert.equal(result.status, 'timed_out');
      assert.match(result.head, /started/);
      assert.deepEqual(processesWith(marker), [], 'no process of the run is left');
    });

    it('a program that ignores TERM and HUP is killed at most 2 s after the timeout', async () => {
      const code = 'trap "" TERM HUP\necho ignoring\nwhile true; do sleep 0.1; done';
      const { result } = await runToEnd(
        runner,
        { language: 'bash', code, timeoutSeconds: 1, sandbox },
        root,
      );
      assert.equal(result.status, 'timed_out');
      assert.ok(result.durationMs < 6000, `took ${result.durationMs} ms`);
    });
  });
}

describe('output', () => {
  it('a flood (`yes`) is capped to head and tail, the log stops at its limit, and other work goes on meanwhile', async () => {
    // bench/ (npm run bench -- --only runs) has the figures: throughput, event-loop gaps, memory
    let delivered = 0;
    let reached!: () => void;
    const tenMegabytes = new Promise<void>((resolve) => (reached = resolve));
    const rssBefore = process.memoryUsage().rss;
    const run = runner.start(
      {
        language: 'bash',
        code: 'yes',
        // a guard only: the test cancels the flood once it has seen what it checks
        timeoutSeconds: 60,
        headBytes: 64 * 1024,
        tailBytes: 64 * 1024,
        logBytes: 1024 * 1024,
        runDirectory: root.runDirectory(),
      },
      {
        onOutput: (chunk) => {
          delivered += chunk.length;
          if (delivered > 10 * 1024 * 1024) reached();
        },
      },
    );
    let floodEnded = false;
    void run.done.then(() => (floodEnded = true));
    await tenMegabytes;
    // while the flood goes on, timers fire and another run starts, prints and ends
    await new Promise((resolve) => setTimeout(resolve, 1));
    const other = await runToEnd(runner, { language: 'bash', code: 'echo other' }, root);
    assert.equal(other.result.status, 'succeeded');
    assert.match(other.result.head, /other/);
    assert.equal(floodEnded, false, 'the other run ended while the flood was still running');
    run.cancel();
    const result = await run.done;
    assert.equal(result.status, 'cancelled');
    assert.equal(result.truncated, true);
    assert.ok(result.totalBytes > 10 * 1024 * 1024, `only ${result.totalBytes} bytes`);
    assert.equal(Buffer.byteLength(result.head), 64 * 1024);
    assert.equal(Buffer.byteLength(result.tail), 64 * 1024);
    // the tail is cut at a byte count and the kill may land mid-line: any slice of y\r\n lines
    assert.match(result.tail, /^(\r?\n)?(y\r\n)*(y\r?)?$/);
    assert.equal(result.logTruncated, true);
    assert.ok(statSync(result.logPath).size < 1024 * 1024 + 200);
    assert.equal(delivered, result.totalBytes, 'every byte reached the live consumer');
    assert.ok(process.memoryUsage().rss - rssBefore < 200 * 1024 * 1024, 'memory stayed bounded');
  });

  it('a slow consumer pauses the program: nothing is lost and batches stay bounded', async () => {
    const batches: number[] = [];
    const run = runner.start(
      {
        language: 'python',
        code: 'import sys\nfor i in range(200000): sys.stdout.write("%039d\\n" % i)',
        runDirectory: root.runDirectory(),
      },
      {
        onOutput: (chunk) => {
          batches.push(chunk.length);
          return new Promise((resolve) => setTimeout(resolve, 20));
        },
      },
    );
    const result = await run.done;
    assert.equal(result.status, 'succeeded');
    assert.equal(result.totalBytes, 200000 * 41);
    assert.equal(
      batches.reduce((a, b) => a + b, 0),
      result.totalBytes,
    );
    assert.ok(
      Math.max(...batches) <= 1024 * 1024 + 256 * 1024,
      `a batch of ${Math.max(...batches)} bytes`,
    );
  });

  it('binary and invalid UTF-8 output is counted exactly and shown with replacement characters', async () => {
    const code = 'import sys\nsys.stdout.buffer.write(bytes([0xff, 0xfe, 0x80, 0xc3]) * 1000)';
    const { result, live } = await runToEnd(runner, { language: 'python', code }, root);
    assert.equal(result.status, 'succeeded');
    assert.equal(result.totalBytes, 4000);
    assert.ok(result.head.includes('\uFFFD'));
    assert.ok(live.includes('\uFFFD'));
    assert.deepEqual(
      readFileSync(result.logPath),
      Buffer.from(Array(1000).fill([0xff, 0xfe, 0x80, 0xc3]).flat()),
    );
  });

  it('head and tail hold the start and the end when the output is longer than both', async () => {
    const code = 'for i in $(seq 1 2000); do echo "line $i"; done';
    const { result } = await runToEnd(
      runner,
      { language: 'bash', code, headBytes: 100, tailBytes: 100 },
      root,
    );
    assert.equal(result.truncated, true);
    assert.ok(plain(result.head).startsWith('line 1\nline 2\n'));
    assert.ok(plain(result.tail).endsWith('line 1999\nline 2000\n'));
    assert.equal(statSync(result.logPath).size, result.totalBytes);
  });
});
