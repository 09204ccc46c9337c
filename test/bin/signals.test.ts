// The re-launching parent passes SIGINT and SIGTERM on to `orchestron serve` on the pinned Node,
// ends the way its child ended, and a Ctrl-C in a terminal stops the server once, cleanly.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { BIN, NO_OLD_NODE, SYSTEM_NODE, childrenOf, isRunning, tempDir } from './bin-harness.ts';

const hasScript = spawnSync('script', ['--version']).status === 0;
const skip =
  NO_OLD_NODE || (process.platform === 'linux' ? false : 'finds the child through /proc');

/** Resolves with everything printed once `pattern` shows up on stdout; rejects on an early exit. */
function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} early: ${out}${err}`)));
  });
}

const SERVING = /Orchestron is serving (\S+)\r?\n/;

/**
 * Waits until the server printed its URL and answered a request: it answers only after the code
 * that prints the URL has installed its signal handlers, so a signal sent now is handled.
 */
async function serving(child: ChildProcess): Promise<string> {
  const shown = await printed(child, SERVING);
  const url = SERVING.exec(shown)![1]!;
  await (await fetch(url)).arrayBuffer();
  return shown;
}

async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 50 && isRunning(pid); tries++) await sleep(100);
  return !isRunning(pid);
}

const started: ChildProcess[] = [];

/** `orchestron serve` under the system Node, in its own session so no terminal signals it. */
async function startServe(databasePath: string) {
  const parent = spawn(SYSTEM_NODE, [BIN, 'serve', '--port', '0', '--db', databasePath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(parent);
  const exit = once(parent, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await serving(parent);
  const children = childrenOf(parent.pid!);
  assert.equal(children.length, 1, 'the parent started one child');
  return { parent, child: children[0]!, exit };
}

describe('signals and the re-launched child', { skip, timeout: 60_000 }, () => {
  let temp: ReturnType<typeof tempDir>;
  before(() => (temp = tempDir()));
  after(() => {
    for (const parent of started) {
      // what a failed test left: the parent's whole process group
      if (parent.exitCode === null && parent.signalCode === null)
        process.kill(-parent.pid!, 'SIGKILL');
    }
    temp.dispose();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} to the parent stops the server in the child, and both exit 0`, async () => {
      const served = await startServe(join(temp.dir, `${signal}.db`));
      served.parent.kill(signal);
      assert.deepEqual(await served.exit, [0, null]);
      assert.ok(await gone(served.child), 'the child ended');
    });
  }

  test('a child killed by a signal makes the parent end by the same signal', async () => {
    const served = await startServe(join(temp.dir, 'killed.db'));
    process.kill(served.child, 'SIGKILL');
    assert.deepEqual(await served.exit, [null, 'SIGKILL']);
  });

  test(
    'Ctrl-C in a terminal reaches the child once: the server stops cleanly, exit 0',
    { skip: hasScript ? false : 'needs util-linux script(1) for a pseudo-terminal' },
    async () => {
      // exec: a non-interactive sh (dash, where SHELL is unset) would itself die of the Ctrl-C
      const command = `exec ${SYSTEM_NODE} ${BIN} serve --port 0 --db ${join(temp.dir, 'tty.db')}`;
      // script -e exits with the command's status; its stdin is typed into the terminal
      const terminal = spawn('script', ['-qfec', command, '/dev/null'], { stdio: 'pipe' });
      const exit = once(terminal, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      const shown = await serving(terminal);
      terminal.stdin.write('\x03');
      assert.deepEqual(await exit, [0, null], shown);
    },
  );
});
