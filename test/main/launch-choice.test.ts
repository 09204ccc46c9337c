// `npm start` / `npm run dev`: the desktop window where Electron can start, otherwise one line
// saying why and the browser. The last test runs the real start script on this machine, where
// Electron can never start, and waits for the serve URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  afterElectronExit,
  chooseLaunch,
  downloadFailureReason,
  fallbackLine,
  locateElectron,
  type LaunchFacts,
} from '../../src/main/launch-choice.ts';
import { makeTempDir } from '../helpers/temp-orchestrator.ts';

const desktop: LaunchFacts = {
  platform: 'linux',
  env: { DISPLAY: ':0' },
  args: [],
  uid: 1000,
  electron: { found: true, path: '/e/dist/electron' },
};

describe('choosing the shell', () => {
  test('a desktop session with the binary opens the window', () => {
    assert.deepEqual(chooseLaunch(desktop), { shell: 'electron', binary: '/e/dist/electron' });
    assert.equal(
      chooseLaunch({ ...desktop, env: { WAYLAND_DISPLAY: 'wayland-0' } }).shell,
      'electron',
    );
    assert.equal(
      chooseLaunch({ ...desktop, platform: 'darwin', env: {}, uid: 0 }).shell,
      'electron',
    );
    assert.equal(
      chooseLaunch({ ...desktop, platform: 'win32', env: {}, uid: undefined }).shell,
      'electron',
    );
  });

  test('each reason Electron cannot start falls back to the browser with that reason', () => {
    const cases: Array<[Partial<LaunchFacts>, RegExp]> = [
      [{ env: {} }, /no display: neither DISPLAY nor WAYLAND_DISPLAY is set/],
      [{ uid: 0 }, /does not run as root with its sandbox on/],
      [
        { electron: { found: false, reason: 'the Electron binary is not downloaded yet' } },
        /not downloaded/,
      ],
    ];
    for (const [change, reason] of cases) {
      const choice = chooseLaunch({ ...desktop, ...change });
      assert.equal(choice.shell, 'browser');
      assert.match(choice.shell === 'browser' ? choice.reason : '', reason);
    }
  });

  test('--browser or ORCHESTRON_SHELL=browser asks for the browser outright', () => {
    assert.deepEqual(chooseLaunch({ ...desktop, args: ['--browser'] }), {
      shell: 'browser',
      reason: 'browser mode was asked for',
      forced: true,
    });
    assert.equal(
      chooseLaunch({ ...desktop, env: { DISPLAY: ':0', ORCHESTRON_SHELL: 'browser' } }).shell,
      'browser',
    );
  });

  test('the fallback is one line that says why', () => {
    const line = fallbackLine('no display: neither DISPLAY nor WAYLAND_DISPLAY is set', false);
    assert.equal(line.includes('\n'), false);
    assert.match(
      line,
      /desktop window cannot open \(no display.*\); serving the same app in your browser instead\./,
    );
  });
});

describe('finding the Electron binary without downloading it', () => {
  const files = (present: Record<string, string>) => ({
    packageDir: '/n/electron',
    env: {},
    readText: (path: string) => present[path] ?? null,
    exists: (path: string) => path in present,
  });

  test('path.txt names the executable under dist/', () => {
    const lookup = files({
      '/n/electron/package.json': '{}',
      '/n/electron/path.txt': 'electron',
      '/n/electron/dist/electron': '',
    });
    assert.deepEqual(locateElectron(lookup), { found: true, path: '/n/electron/dist/electron' });
  });

  test('no package, no path.txt, or a missing executable each say so', () => {
    assert.match(
      String((locateElectron(files({})) as { reason: string }).reason),
      /electron package is not installed/,
    );
    const noPath = locateElectron(files({ '/n/electron/package.json': '{}' }));
    assert.deepEqual(noPath, { found: false, reason: 'the Electron binary is not downloaded yet' });
    const gone = locateElectron(
      files({ '/n/electron/package.json': '{}', '/n/electron/path.txt': 'electron' }),
    );
    assert.match((gone as { reason: string }).reason, /missing from \/n\/electron\/dist\/electron/);
  });

  test('ELECTRON_OVERRIDE_DIST_PATH is honoured, as the electron package does', () => {
    const lookup = {
      ...files({ '/n/electron/package.json': '{}', '/opt/e/electron': '' }),
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
    };
    assert.deepEqual(locateElectron(lookup), { found: true, path: '/opt/e/electron' });
  });

  test('a failed download is summed up by its error line, not its stack', () => {
    const output =
      'Downloading Electron binary...\nTypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n';
    assert.equal(
      downloadFailureReason(output),
      'the Electron binary is not installed and downloading it failed: TypeError: fetch failed',
    );
  });
});

describe('after Electron exits', () => {
  test('a failure while starting falls back with its last error line', () => {
    assert.deepEqual(
      afterElectronExit({
        code: 1,
        signal: null,
        ranForMs: 800,
        lastErrorLine: 'libnss3.so: cannot open shared object file',
      }),
      {
        fallback: true,
        reason:
          'Electron exited with code 1 while starting: libnss3.so: cannot open shared object file',
      },
    );
    assert.equal(
      afterElectronExit({ code: null, signal: 'SIGSEGV', ranForMs: 100, lastErrorLine: null })
        .fallback,
      true,
    );
  });

  test('a normal quit, Ctrl-C, or a failure after it ran a while ends with its code', () => {
    assert.deepEqual(
      afterElectronExit({ code: 0, signal: null, ranForMs: 300, lastErrorLine: null }),
      { fallback: false, exitCode: 0 },
    );
    assert.deepEqual(
      afterElectronExit({ code: null, signal: 'SIGINT', ranForMs: 300, lastErrorLine: null }),
      { fallback: false, exitCode: 1 },
    );
    assert.deepEqual(
      afterElectronExit({ code: 2, signal: null, ranForMs: 60_000, lastErrorLine: 'x' }),
      { fallback: false, exitCode: 2 },
    );
  });
});

test('on this machine `node scripts/start.ts` prints why, then serves and prints the URL', async () => {
  const home = makeTempDir('orchestron-start-');
  const root = join(import.meta.dirname, '..', '..');
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'start.ts'), '--port', '0', '--mcp-port', '0'],
    {
      cwd: home,
      env: {
        ...process.env,
        ORCHESTRON_HOME: home,
        ORCHESTRON_DB: '',
        DISPLAY: '',
        WAYLAND_DISPLAY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const served = await new Promise<boolean>((resolveServed) => {
    const timer = setTimeout(() => resolveServed(false), 30_000);
    const check = () => {
      if (!/Orchestron is serving http:\/\/127\.0\.0\.1:\d+\//.test(output)) return;
      clearTimeout(timer);
      resolveServed(true);
    };
    child.stdout.on('data', check);
    child.once('exit', () => resolveServed(false));
  });
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.kill('SIGINT');
  await exited;
  assert.ok(served, `no serve URL within 30 s; output:\n${output}`);
  const lines = output.split('\n');
  const why = lines.findIndex((line) =>
    line.startsWith('orchestron: the desktop window cannot open ('),
  );
  const url = lines.findIndex((line) => line.startsWith('Orchestron is serving http://127.0.0.1:'));
  assert.ok(why >= 0 && why < url, `the reason comes first, in one line:\n${output}`);
  process.stdout.write(`# ${lines[why]}\n# ${lines[url]}\n`);
});
