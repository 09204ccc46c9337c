import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { progressBar } from '../../../src/host/cli/progress-bar.ts';
import { openCliSandbox } from './cli-harness.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 80, write: (text: string) => written.push(text) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('long work on the command line', () => {
  test('the progress bar appears on a terminal only, after about a second, and is erased', async () => {
    const piped = fakeStream(false);
    const quiet = progressBar(piped.stream);
    await sleep(1_050);
    quiet.report({ phase: 'importing tasks', done: 5, total: 10 });
    quiet.done();
    assert.equal(piped.written.length, 0);

    const terminal = fakeStream(true);
    const bar = progressBar(terminal.stream);
    bar.report({ phase: 'importing tasks', done: 1, total: 10 });
    assert.equal(terminal.written.length, 0, 'nothing for work shorter than a second');
    await sleep(1_050);
    bar.report({ phase: 'importing tasks', done: 5_000, total: 10_000 });
    assert.match(terminal.written[0]!, /\r\[#{12} {12}\] 50% importing tasks 5,000\/10,000/);
    assert.ok(terminal.written[0]!.length < 90);
    bar.done();
    assert.equal(terminal.written.at(-1), '\r\u001b[K');
  });

  test('an actor too long to record, or with control characters, is refused before anything runs', () => {
    const cli = openCliSandbox();
    try {
      const long = cli.expect(1, [
        '--actor',
        'a'.repeat(100_000),
        'task',
        'create',
        '--title',
        'x',
      ]);
      assert.match(
        long.stderr,
        /^error\[VALIDATION\]: The actor "a{20,40}…" \(100000 characters\) .*at most 200/,
      );
      assert.ok(long.stderr.length < 400);
      const control = cli.expect(1, ['--actor', 'bad\u0007actor', 'task', 'list']);
      assert.match(control.stderr, /control characters/);
      cli.expect(0, ['--actor', 'cli:ann', 'task', 'create', '--title', 'ok']);
      const { events } = cli.json('list_events', ['events']);
      assert.deepEqual(
        events.map((event) => event.actor),
        ['cli:ann'],
      );
    } finally {
      cli.dispose();
    }
  });
});
