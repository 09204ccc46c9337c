// The real `orchestron mcp` process with the official client's stdio transport: serving
// in-process when no core runs, piping to the socket when one does, in both protocol eras;
// following its folder's project; and leaving no process behind when its client goes away.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { startSocketEndpoint, type SocketEndpoint } from '../../../src/host/mcp/socket-endpoint.ts';
import { socketPathFor } from '../../../src/host/mcp/socket-path.ts';
import { connectWith, textOf, type Era } from './mcp-test-kit.ts';

const BIN = join(import.meta.dirname, '../../../bin/orchestron.mjs');

interface Place {
  dir: string;
  dataDir: string;
  databasePath: string;
  /** A code base bound to its own project. */
  folder: string;
  env: Record<string, string>;
}

function newPlace(): Place {
  const dir = mkdtempSync(join(tmpdir(), 'orchestron-bridge-'));
  const folder = join(dir, 'codebase');
  mkdirSync(folder);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ORCHESTRON_HOME: join(dir, 'data'),
  };
  delete env['ORCHESTRON_PROJECT'];
  return { dir, dataDir: join(dir, 'data'), databasePath: join(dir, 'orchestron.db'), folder, env };
}

async function bindFolder(place: Place): Promise<number> {
  const core = new Orchestrator({ databasePath: place.databasePath, watchIntervalMs: false });
  try {
    await core.call('create_project', { name: 'elsewhere' });
    const { project } = await core.call('init_project', {
      root_path: place.folder,
      name: 'codebase',
    });
    return project.id;
  } finally {
    core.dispose();
  }
}

function bridgeTransport(place: Place, cwd: string): StdioClientTransport {
  return new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--db', place.databasePath],
    cwd,
    env: place.env,
    stderr: 'pipe',
  });
}

/** Creates a task through a bridge started in `cwd` and returns it, with the actor recorded. */
async function createThroughBridge(place: Place, era: Era, cwd: string) {
  const client = await connectWith(bridgeTransport(place, cwd), era, `bridge-${era}`);
  try {
    const result = await client.callTool({
      name: 'create_task',
      arguments: { title: `via ${era}` },
    });
    assert.notEqual(result.isError, true, textOf(result));
    const bad = await client.callTool({ name: 'get_task', arguments: { task_id: -1 } });
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /^error\[VALIDATION\]: .*task_id/);
    return (
      result.structuredContent as { task: { id: number; project_id: number; created_by: string } }
    ).task;
  } finally {
    await client.close();
  }
}

for (const mode of ['in-process', 'piped'] as const) {
  describe(`the bridge, ${mode}`, () => {
    let place: Place;
    let projectId: number;
    let core: Orchestrator | undefined;
    let endpoint: SocketEndpoint | undefined;
    before(async () => {
      place = newPlace();
      projectId = await bindFolder(place);
      if (mode === 'piped') {
        core = new Orchestrator({ databasePath: place.databasePath, watchIntervalMs: false });
        endpoint = await startSocketEndpoint(core, {
          databasePath: place.databasePath,
          path: socketPathFor(place.databasePath, { dataDir: place.dataDir }),
          log: () => {},
        });
      }
    });
    after(async () => {
      await endpoint?.close();
      core?.dispose();
      rmSync(place.dir, { recursive: true, force: true });
    });

    for (const era of ['legacy', 'auto'] as const) {
      test(`${era} era: serves the tools as the named agent, in the project of its folder`, async () => {
        const task = await createThroughBridge(place, era, place.folder);
        assert.equal(task.project_id, projectId);
        assert.match(task.created_by, new RegExp(`^agent:bridge-${era}#`));
        if (endpoint) assert.ok(core!.store.tasks.get(task.id), 'the running core wrote it');
      });
    }

    test('outside any bound folder it works in the current project', async () => {
      const task = await createThroughBridge(place, 'legacy', place.dir);
      assert.notEqual(task.project_id, projectId);
    });
  });
}

/** Whether `pid` still runs (a zombie waiting for its reaper counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < withinMs; await sleep(100))
    if (!alive(pid)) return true;
  return false;
}

/**
 * A client stand-in that starts the bridge and prints its pid. With `inheritStdin`, the bridge
 * shares this test's pipe, so only noticing its parent's death can end it.
 */
function startIntermediate(
  place: Place,
  inheritStdin: boolean,
): Promise<{ parent: ChildProcess; bridge: number }> {
  const script = `
    const { spawn } = require('node:child_process');
    const child = spawn(process.execPath, ${JSON.stringify([BIN, 'mcp', '--db', place.databasePath])},
      { stdio: [${inheritStdin ? "'inherit'" : "'pipe'"}, 'pipe', 'ignore'] });
    process.stdout.write(child.pid + '\\n');
    setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['-e', script], {
    env: place.env,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return new Promise((resolve) =>
    parent.stdout!.once('data', (chunk: Buffer) =>
      resolve({ parent, bridge: Number(String(chunk).trim()) }),
    ),
  );
}

describe('the bridge leaves no process behind', () => {
  let place: Place;
  before(() => {
    place = newPlace();
  });
  after(() => rmSync(place.dir, { recursive: true, force: true }));

  for (const inheritStdin of [false, true]) {
    test(`when its client is killed (${inheritStdin ? 'stdin still open: parent watch' : 'stdin closes'})`, async () => {
      const { parent, bridge } = await startIntermediate(place, inheritStdin);
      await sleep(1_500);
      assert.ok(alive(bridge), 'the bridge runs while its client does');
      parent.kill('SIGKILL');
      assert.ok(await gone(bridge, 5_000), 'the bridge ended after its client was killed');
      parent.stdin!.destroy();
    });
  }

  test('when its standard input closes', async () => {
    const bridge = spawn(process.execPath, [BIN, 'mcp', '--db', place.databasePath], {
      env: place.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    await sleep(1_000);
    const exited = new Promise<number | null>((resolve) =>
      bridge.once('exit', (code) => resolve(code)),
    );
    bridge.stdin.end();
    assert.equal(await exited, 0);
  });
});
