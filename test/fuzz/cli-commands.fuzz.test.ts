// A seeded fuzz run of malformed command lines over every command: wrong types, control
// characters, deep JSON, huge values, lone surrogates, odd ids, unknown flags. None may fail as
// INTERNAL or with an unclear message, and exit codes stay 0, 1 or 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { kebab } from '../../src/host/cli/field-options.ts';
import { describeFields } from '../../src/host/cli/zod-fields.ts';
import { OPERATIONS } from '../../src/shared/operations/registry.ts';
import type { OperationContract } from '../../src/shared/operations/operation.ts';
import { badValue, unclearReason } from './bad-input.ts';
import { useOfflineModels } from '../helpers/offline-models.ts';

useOfflineModels();

const WORKER = join(import.meta.dirname, 'cli-worker.ts');
const RUNS = 2_000;

const commands = (Object.values(OPERATIONS) as OperationContract[]).flatMap((contract) => {
  const flags = describeFields(contract.input).map((field) => `--${kebab(field.name)}`);
  return [contract.cli.command, ...(contract.cli.aliases ?? [])].map((words) => ({ words, flags }));
});

/** A value as command-line text; JSON nested too deep to stringify is written out as text. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return (JSON.stringify(value) ?? 'null').slice(0, 200_000);
  } catch {
    return `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
  }
}

const word = badValue.map(asText);

const commandLine = fc.constantFrom(...commands).chain(({ words, flags }) =>
  fc
    .tuple(
      fc.array(word, { maxLength: 2 }),
      fc.array(fc.tuple(fc.constantFrom(...flags, '--input', '--bogus', '--json'), word), {
        maxLength: 3,
      }),
    )
    .map(([positional, options]) => [...words, ...positional, ...options.flat()]),
);

test(`${RUNS} malformed command lines: 0 INTERNAL errors and 0 unclear messages`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'orchestron-fuzz-'));
  try {
    const lines = fc.sample(commandLine, { numRuns: RUNS, seed: 20261129 });
    const input = JSON.stringify(lines.map((args) => ['--db', join(dir, 'fuzz.db'), ...args]));
    const run = spawnSync(process.execPath, [WORKER], {
      cwd: dir,
      input,
      encoding: 'utf8',
      env: { ...process.env, ORCHESTRON_HOME: dir, ORCHESTRON_PROJECT: '' },
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300_000,
    });
    assert.equal(run.status, 0, run.stderr.slice(0, 2_000));
    const results = JSON.parse(run.stdout) as { args: string[]; code: number; stderr: string }[];
    assert.equal(results.length, RUNS);
    const problems: string[] = [];
    for (const { args, code, stderr } of results) {
      const shown = `orchestron ${args.slice(2).join(' ').slice(0, 160)}`;
      const first = stderr.split('\n').find((line) => /^error/.test(line)) ?? '';
      if (![0, 1, 2].includes(code)) problems.push(`${shown}: exit ${code}`);
      if (stderr.includes('error[INTERNAL]')) problems.push(`${shown}: ${first.slice(0, 300)}`);
      if (code !== 0) {
        const reason = unclearReason(first.replace(/^error(\[[A-Z_]+\])?:\s*/, '') || stderr);
        if (reason) problems.push(`${shown}: ${reason}: ${first.slice(0, 300)}`);
      }
    }
    assert.deepEqual(problems.slice(0, 15), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
