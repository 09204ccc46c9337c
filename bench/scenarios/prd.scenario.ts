// PRD parsing speed against the target (the 20 KB fixture well under 100 ms): the median
// of repeated parses of every real PRD in test/fixtures/prd and of a generated 1 MB PRD,
// plus each one's first (cold) parse. `npm run bench -- --only prd`.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePrd } from '../../src/core/intake/prd/parse-prd.ts';
import { PRD_FIXTURES, generatePrd } from '../../test/core/intake/prd/prd-helpers.ts';
import { measure, type Stats } from '../timing.ts';

const OPTIONS = {
  generate_tasks: true,
  analyze_dependencies: true,
  extract_user_stories: true,
  parse_acceptance_criteria: true,
  confidence_threshold: 0.5,
};

export interface PrdFigure {
  name: string;
  chars: number;
  tasks: number;
  first: number;
  stats: Stats;
}

function documents(): [string, string][] {
  const fixtures = readdirSync(PRD_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const file = readdirSync(`${PRD_FIXTURES}/${entry.name}`).find((name) =>
        name.startsWith('prd.'),
      )!;
      return [entry.name, readFileSync(`${PRD_FIXTURES}/${entry.name}/${file}`, 'utf8')] as [
        string,
        string,
      ];
    });
  return [...fixtures, ['generated 1 MB', generatePrd(1_000_000)]];
}

export async function runPrdBench(): Promise<PrdFigure[]> {
  const figures: PrdFigure[] = [];
  for (const [name, text] of documents()) {
    const started = performance.now();
    const preview = parsePrd(text, OPTIONS);
    const first = performance.now() - started;
    const large = text.length > 100_000;
    const stats = await measure(async () => parsePrd(text, OPTIONS), {
      warmup: large ? 1 : 10,
      iterations: large ? 5 : 100,
      minIterations: large ? 3 : 50,
      budgetMs: 20_000,
    });
    figures.push({ name, chars: text.length, tasks: preview.tasks.length, first, stats });
  }
  return figures;
}

export function printPrdFigures(figures: readonly PrdFigure[]): void {
  console.log('PRD parse (parse_prd, in process; target: the 20 KB fixture well under 100 ms)');
  for (const { name, chars, tasks, first, stats } of figures)
    console.log(
      `  ${name.padEnd(36)} ${String(chars).padStart(8)} chars ${String(tasks).padStart(5)} tasks  ` +
        `median ${stats.median.toFixed(2)} ms  p90 ${stats.p90.toFixed(2)} ms  first ${first.toFixed(1)} ms`,
    );
}
