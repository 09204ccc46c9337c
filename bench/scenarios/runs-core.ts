// What the runner benches share: a core on a fresh database whose runs use a chosen sandbox, the
// trivial program of each language, and the sandboxes this machine offers.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { CodeRunner } from '../../src/core/runs/code-runner.ts';
import type { Language, SandboxKind } from '../../src/core/runs/run-types.ts';
import { probeSandboxTools, type SandboxTools } from '../../src/core/runs/sandbox-probe.ts';

export const AGENT = { caller: { kind: 'agent', name: 'bench', session: 'runs' } } as const;

/** A trivial program per language: what a run costs when the code itself costs nothing. */
export const TRIVIAL: Record<Language, string> = {
  python: 'print(1)',
  javascript: 'console.log(1)',
  typescript: 'const n: number = 1; console.log(n)',
  bash: 'echo 1',
  sql: 'select 1;',
};

/** The sandboxes that work here, strongest first; rlimits always does. */
export function availableSandboxes(tools: SandboxTools): SandboxKind[] {
  return tools.bwrapWorks ? ['bubblewrap', 'rlimits'] : ['rlimits'];
}

/** The machine's tools as if bubblewrap were missing: `auto` then picks rlimits. */
export function withoutBubblewrap(tools: SandboxTools): SandboxTools {
  return { ...tools, bwrapWorks: false, bwrapWorksAsNobody: false };
}

/** A fresh folder that `nobody` may pass through, as runs drop to it when the bench runs as root. */
export function passableTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export interface RunsCore {
  orchestrator: Orchestrator;
  dir: string;
  dispose(): void;
}

/**
 * A core on a fresh database whose execute_code runs in `sandbox`. The core builds its engine on
 * first use with every tool the machine has (bubblewrap when it works); for rlimits the bench puts
 * in an engine built as on a machine without bubblewrap, before the first run, since the core
 * has no option to force a sandbox.
 */
export function openRunsCore(sandbox: SandboxKind, watchIntervalMs?: number | false): RunsCore {
  const dir = passableTempDir('orchestron-bench-runs-');
  const orchestrator = new Orchestrator({
    databasePath: join(dir, 'orchestron.db'),
    watchIntervalMs: watchIntervalMs ?? false,
  });
  if (sandbox === 'rlimits') {
    const runner = new CodeRunner({ tools: withoutBubblewrap(probeSandboxTools()) });
    (orchestrator.runs as unknown as { runner: CodeRunner | null }).runner = runner;
  }
  return {
    orchestrator,
    dir,
    dispose() {
      orchestrator.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
