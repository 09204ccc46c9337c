// Runs the real `orchestron` executable (bin/orchestron.mjs) in a child process against a
// database file in a fresh temp folder, and checks --json results against output schemas.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  OPERATIONS,
  type OperationName,
  type OperationOutput,
} from '../../../src/shared/operations/registry.ts';

export const BIN = fileURLToPath(new URL('../../../bin/orchestron.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dir: string;
  databasePath: string;
  /** Runs `orchestron --db <this db> …args`. */
  run(args: readonly string[], options?: { input?: string; env?: Record<string, string> }): CliRun;
  /** Runs with --json, asserts exit 0, and parses the output with the operation's output schema. */
  json<N extends OperationName>(name: N, args: readonly string[]): OperationOutput<N>;
  /** Runs, asserts the exit code, and returns the run. */
  expect(code: number, args: readonly string[], options?: { input?: string }): CliRun;
  dispose(): void;
}

export function runBin(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; execPath?: string } = {},
): CliRun {
  const result = spawnSync(options.execPath ?? process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ORCHESTRON_ACTOR: 'cli-test', ...options.env },
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function describeRun(args: readonly string[], run: CliRun): string {
  return `orchestron ${args.join(' ')} exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
}

export function openCliSandbox(): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'orchestron-cli-'));
  const databasePath = join(dir, 'orchestron.db');
  const sandbox: CliSandbox = {
    dir,
    databasePath,
    run: (args, options) => runBin(['--db', databasePath, ...args], options),
    expect(code, args, options) {
      const run = sandbox.run(args, options);
      assert.equal(run.code, code, describeRun(args, run));
      return run;
    },
    json<N extends OperationName>(name: N, args: readonly string[]): OperationOutput<N> {
      const run = sandbox.expect(0, [...args, '--json']);
      const parsed = OPERATIONS[name].output.safeParse(JSON.parse(run.stdout));
      assert.ok(
        parsed.success,
        `${name} output breaks its schema: ${parsed.error?.message}\n${run.stdout}`,
      );
      return parsed.data as OperationOutput<N>;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  return sandbox;
}
