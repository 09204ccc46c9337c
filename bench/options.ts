// Command-line options of `npm run bench`: which project sizes to run.

export const DEFAULT_SIZES = [1_000, 10_000, 50_000] as const;

export interface BenchOptions {
  sizes: number[];
}

const USAGE = 'Usage: npm run bench -- [--sizes 1000,10000,50000]';

export function parseOptions(argv: readonly string[]): BenchOptions {
  let sizes: number[] = [...DEFAULT_SIZES];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const inline = arg.startsWith('--sizes=') ? arg.slice('--sizes='.length) : undefined;
    if (arg !== '--sizes' && inline === undefined)
      throw new Error(`Unknown option ${arg}. ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--sizes needs a value. ${USAGE}`);
    sizes = parseSizes(value);
  }
  return { sizes };
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
