// Command-line options of `npm run bench`: which project sizes to run, and whether to run only
// the MCP part or only the code runs and executor part.

export const DEFAULT_SIZES = [1_000, 10_000, 50_000] as const;
/** Timed calls of each kind per MCP transport. */
export const DEFAULT_MCP_CALLS = 1_000;

/** The parts of the bench that run alone with --only. */
const ONLY = ['mcp', 'runs', 'taskmaster', 'planning', 'prd', 'ui'] as const;

export interface BenchOptions {
  sizes: number[];
  /**
   * 'mcp': only the MCP tables (latency per transport, concurrent claims, sizes); 'runs': the
   * code-run and executor tables; 'taskmaster', 'planning', 'prd': those intake tables; 'ui': the
   * graph view in Chromium (load, layout, panning, live repaint).
   */
  only: 'all' | (typeof ONLY)[number];
  mcpCalls: number;
}

const USAGE =
  'Usage: npm run bench -- [--sizes 1000,10000,50000] [--only mcp|runs|taskmaster|planning|prd|ui] [--mcp-calls 1000]';

export function parseOptions(argv: readonly string[]): BenchOptions {
  let sizes: number[] = [...DEFAULT_SIZES];
  let only: BenchOptions['only'] = 'all';
  let mcpCalls = DEFAULT_MCP_CALLS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg];
    if (name !== '--sizes' && name !== '--only' && name !== '--mcp-calls')
      throw new Error(`Unknown option ${arg}. ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value. ${USAGE}`);
    if (name === '--sizes') sizes = parseSizes(value);
    else if (name === '--only') only = parseOnly(value);
    else mcpCalls = parseCalls(value);
  }
  return { sizes, only, mcpCalls };
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}

function parseSizes(value: string): number[] {
  const sizes = value.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (sizes.some((size) => !Number.isSafeInteger(size) || size < 100)) {
    throw new Error(
      `--sizes takes whole numbers of at least 100, comma-separated, e.g. 1000,10000; got "${value}".`,
    );
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function parseOnly(value: string): BenchOptions['only'] {
  if ((ONLY as readonly string[]).includes(value)) return value as (typeof ONLY)[number];
  throw new Error(
    `--only takes mcp (the MCP tables alone), runs (code runs and the executor), taskmaster (Task Master import and export), planning (next task, complexity, effort), prd (PRD parsing) or ui (the graph view in Chromium); got "${value}".`,
  );
}

function parseCalls(value: string): number {
  const calls = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(calls) || calls < 100 || calls > 3_000)
    throw new Error(`--mcp-calls takes a whole number from 100 to 3000; got "${value}".`);
  return calls;
}
