// Prints the end-to-end latency of a trivial run per language and sandbox (median of 20), and a
// bare spawn of the same runtime for the sandbox's overhead. Figures only, no assertions; meant
// to move into bench/. Run: npx node test/core/runs/latency-figures.ts
import { spawnSync } from 'node:child_process';
import { CodeRunner } from '../../../src/core/runs/code-runner.ts';
import type { Language, SandboxKind } from '../../../src/core/runs/run-types.ts';
import { tempRoot } from './run-helpers.ts';

const TRIVIAL: Record<Language, string> = {
  python: 'print(1)',
  javascript: 'console.log(1)',
  typescript: 'const n: number = 1; console.log(n)',
  bash: 'echo 1',
  sql: 'select 1;',
};
const BARE: Record<Language, [string, string[]]> = {
  python: ['/usr/bin/python3', ['-c', 'print(1)']],
  javascript: [process.execPath, ['-e', 'console.log(1)']],
  typescript: [process.execPath, ['-e', 'console.log(1)']],
  bash: ['/usr/bin/bash', ['-c', 'echo 1']],
  sql: [
    process.execPath,
    ['-e', 'new (require("node:sqlite").DatabaseSync)(":memory:").prepare("select 1").all()'],
  ],
};
const TRIALS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const root = tempRoot();
const runner = new CodeRunner();
console.log('language    bare spawn  bubblewrap  rlimits   (median of 20, ms)');
for (const language of Object.keys(TRIVIAL) as Language[]) {
  const bare: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const started = performance.now();
    spawnSync(...BARE[language]);
    bare.push(performance.now() - started);
  }
  const bySandbox: Record<SandboxKind, number[]> = { bubblewrap: [], rlimits: [] };
  for (const sandbox of ['bubblewrap', 'rlimits'] as SandboxKind[])
    for (let i = 0; i < TRIALS; i++) {
      const started = performance.now();
      const result = await runner.start({
        language,
        code: TRIVIAL[language],
        sandbox,
        runDirectory: root.runDirectory(),
      }).done;
      if (result.status !== 'succeeded') throw new Error(`${language} ${sandbox}: ${result.head}`);
      bySandbox[sandbox].push(performance.now() - started);
    }
  const cell = (values: number[]) => median(values).toFixed(1).padStart(10);
  console.log(
    `${language.padEnd(10)}${cell(bare)}  ${cell(bySandbox.bubblewrap)}  ${cell(bySandbox.rlimits)}`,
  );
}
root.remove();
