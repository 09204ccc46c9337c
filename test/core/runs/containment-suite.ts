// The containment checks, run once per sandbox kind. Each test asserts what really happens on
// this machine and says in its name whether the sandbox contains it: rlimits alone do not hide
// the file system or the network, and the tests prove that instead of pretending otherwise.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeRunner } from '../../../src/core/runs/code-runner.ts';
import type { SandboxKind } from '../../../src/core/runs/run-types.ts';
import { plain, processesWith, runToEnd, tempRoot } from './run-helpers.ts';

export function containmentSuite(sandbox: SandboxKind): void {
  const root = tempRoot();
  const runner = new CodeRunner();
  const bwrap = sandbox === 'bubblewrap';
  const run = (language: 'python' | 'bash' | 'javascript', code: string, extra = {}) =>
    runToEnd(runner, { language, code, sandbox, ...extra }, root);

  // what the run executes as decides what file permissions still protect under rlimits
  const self = process.getuid?.() ?? 0;
  const uid = runner.start({
    language: 'bash',
    code: 'true',
    sandbox,
    runDirectory: root.runDirectory(),
  });
  let runUid = self;
  before(async () => void (runUid = (await uid.done).sandbox.uid));

  const secretFile = join(root.path, 'orchestron.db');
  writeFileSync(secretFile, 'SECRET-DATABASE-CONTENT', { mode: 0o644 });
  const sharedFolder = join(root.path, 'shared');
  mkdirSync(sharedFolder);
  chmodSync(sharedFolder, 0o777);
  let server: Server;
  let port = 0;
  before(async () => {
    server = createServer((socket) => socket.end('hello from the host\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(() => {
    server.close();
    root.remove();
  });

  describe(`containment under ${sandbox}`, () => {
    it(`reading the user's home: ${bwrap ? 'contained (not mounted)' : 'contained only by its permissions, when the run is another user'}`, async () => {
      const home = homedir();
      const { result } = await run('bash', `ls -a ${home} && echo LISTED`);
      const homeOpenToRun =
        runUid === statSync(home).uid || (statSync(home).mode & 0o005) === 0o005;
      const expectListed = !bwrap && homeOpenToRun;
      assert.equal(/LISTED/.test(result.head), expectListed, result.head);
    });

    it(`reading a world-readable file outside the run folder (the database): ${bwrap ? 'contained' : 'NOT contained'}`, async () => {
      const { result } = await run('python', `print(open(${JSON.stringify(secretFile)}).read())`);
      assert.equal(result.head.includes('SECRET-DATABASE-CONTENT'), !bwrap, result.head);
      if (bwrap) assert.equal(result.status, 'failed');
    });

    it(`writing a world-writable folder outside the run folder: ${bwrap ? 'contained' : 'NOT contained'}`, async () => {
      const target = join(sharedFolder, `${sandbox}.txt`);
      const { result } = await run('bash', `echo written > ${target}; echo done`);
      assert.equal(existsSync(target), !bwrap, result.head);
    });

    it('writing its own folder works', async () => {
      const { result } = await run(
        'bash',
        'echo kept > note.txt && cat note.txt && echo ok > "$TMPDIR/t" && cat "$TMPDIR/t"',
      );
      assert.equal(result.status, 'succeeded', result.head);
      assert.equal(plain(result.head), 'kept\nok\n');
    });

    it(`opening a network connection to the host: ${bwrap ? 'contained' : 'NOT contained'}`, async () => {
      const code = `import socket\ns = socket.create_connection(("127.0.0.1", ${port}), timeout=3)\nprint(s.recv(100).decode())`;
      const { result } = await run('python', code);
      assert.equal(result.head.includes('hello from the host'), !bwrap, result.head);
      assert.equal(result.status, bwrap ? 'failed' : 'succeeded');
    });

    it('secrets in the parent environment: contained (environment scrubbed)', async () => {
      process.env.FAKE_API_KEY = 'sk-fake-secret';
      process.env.ORCHESTRON_TOKEN = 'orchestron-secret';
      try {
        const { result } = await run(
          'javascript',
          'console.log(JSON.stringify(Object.keys(process.env).sort()))',
        );
        assert.equal(result.status, 'succeeded');
        assert.doesNotMatch(result.head, /FAKE_API_KEY|ORCHESTRON|sk-fake|secret/);
        const names = JSON.parse(plain(result.head).trim()) as string[];
        for (const name of names)
          assert.ok(
            ['HOME', 'LANG', 'PATH', 'TERM', 'TMPDIR', 'PWD', 'OLDPWD', 'SHLVL', '_'].includes(
              name,
            ),
            name,
          );
      } finally {
        delete process.env.FAKE_API_KEY;
        delete process.env.ORCHESTRON_TOKEN;
      }
    });

    it('allocating past the memory limit fails (python: address space)', async () => {
      const { result } = await run(
        'python',
        'b = bytearray(1024 * 1024 * 1024)\nprint("allocated")',
        { memoryMb: 256 },
      );
      assert.equal(result.status, 'failed');
      assert.match(result.head, /MemoryError/);
    });

    it("allocating past the memory limit fails (node: V8's heap)", async () => {
      const code = 'const kept = []; for (;;) kept.push(new Array(1e6).fill(1.5));';
      const { result } = await run('javascript', code, { memoryMb: 64 });
      assert.ok(result.status === 'killed' || result.status === 'failed', result.status);
      assert.match(result.head, /heap/i);
    });

    it('forking past the process limit is refused (when the run is not root)', async (t) => {
      if (runUid === 0)
        return t.skip(
          'NOT contained: root ignores RLIMIT_NPROC, and a fork bomb here would hurt the machine',
        );
      const code = [
        'import os, time',
        'n = 0',
        'for i in range(400):',
        '    try:',
        '        pid = os.fork()',
        '    except OSError as e:',
        '        print("refused after", n); break',
        '    if pid == 0:',
        '        time.sleep(30); os._exit(0)',
        '    n += 1',
        'else:',
        '    print("forked", n)',
      ].join('\n');
      const { result } = await run('python', code, { maxProcesses: 32 });
      const refusedAfter = /refused after (\d+)/.exec(result.head);
      assert.ok(refusedAfter, result.head);
      assert.ok(Number(refusedAfter[1]) < 32);
    });

    it('a classic fork bomb is contained and leaves nothing behind (when the run is not root)', async (t) => {
      if (runUid === 0) return t.skip('NOT contained: root ignores RLIMIT_NPROC');
      const { result } = await run('bash', ':(){ :|:& };:\nsleep 2; echo survived', {
        maxProcesses: 64,
        timeoutSeconds: 4,
      });
      assert.ok(['succeeded', 'failed', 'timed_out'].includes(result.status), result.status);
      assert.ok(result.durationMs < 8000);
      // every bomb process runs the run's own script, so its folder is in their command lines
      const left = processesWith(dirname(result.logPath));
      assert.deepEqual(left, [], 'no process of the bomb is left');
    });
  });
}
