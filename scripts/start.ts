// `npm start` (after the build): opens the desktop app with Electron where it can start;
// otherwise prints one line saying why and serves the same app in the browser, printing its URL.
// `npm start -- --browser` asks for the browser; other arguments go to `orchestron serve`.
import { spawn } from 'node:child_process';
import { afterElectronExit, fallbackLine } from '../src/main/launch-choice.ts';
import { decideLaunch, ROOT, runServe, supervise } from './desktop-launch.ts';

const args = process.argv.slice(2);
const serveArgs = args.filter((arg) => arg !== '--browser');

async function runElectron(binary: string): Promise<void> {
  const started = Date.now();
  let lastErrorLine: string | null = null;
  const child = spawn(binary, [ROOT], { stdio: ['inherit', 'inherit', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    const line = chunk.toString('utf8').trim().split('\n').at(-1)?.trim();
    if (line) lastErrorLine = line.slice(0, 200);
  });
  let signal: string | null = null;
  child.once('exit', (_code, how) => (signal = how));
  const code = await supervise(child);
  const next = afterElectronExit({
    code: signal ? null : code,
    signal,
    ranForMs: Date.now() - started,
    lastErrorLine,
  });
  if (!next.fallback) process.exit(next.exitCode);
  process.stdout.write(`${fallbackLine(next.reason, false)}\n`);
  process.exit(await runServe(serveArgs));
}

const choice = decideLaunch(args);
if (choice.shell === 'electron') {
  await runElectron(choice.binary);
} else {
  process.stdout.write(`${fallbackLine(choice.reason, choice.forced)}\n`);
  process.exit(await runServe(serveArgs));
}
