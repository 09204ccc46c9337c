// A real `orchestron serve` for the graph-view bench: the executable in its own process on a
// database file, a free port, and ORCHESTRON_HOME in the bench's temp folder (the MCP token and
// socket land there, not in the user's home).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/orchestron.mjs', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface Served {
  url: string;
  stop(): Promise<void>;
}

export async function startServe(databasePath: string, home: string): Promise<Served> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--mcp-port', '0', '--db', databasePath],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ORCHESTRON_HOME: home } },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start: ${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Orchestron is serving (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code} before printing its URL: ${output}`));
    });
  });
  return { url, stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}
