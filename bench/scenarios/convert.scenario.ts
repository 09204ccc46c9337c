// Task-Markdown conversion speed against the seed's target (a typical document in under
// 100 ms): the median of 100 conversions of the documented example and of seed 004, after a
// warm-up, plus the first (cold) one. Standalone: `npx node bench/scenarios/convert.scenario.ts`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseTaskMarkdown } from '../../src/core/intake/task-markdown/parse-task-markdown.ts';
import { renderTaskMarkdown } from '../../src/core/intake/task-markdown/render-task-markdown.ts';
import { measure } from '../timing.ts';

const DOCUMENTS = {
  'documented example': '../../docs/task-markdown-example.md',
  'seed 004': '../../test/core/intake/fixtures/seed-004.txt',
} as const;

const RUNS = { warmup: 10, iterations: 100, minIterations: 100 };

for (const [name, path] of Object.entries(DOCUMENTS)) {
  const text = readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
  const start = performance.now();
  const { document } = parseTaskMarkdown(text);
  const cold = performance.now() - start;
  const convert = await measure(async () => parseTaskMarkdown(text), RUNS);
  const render = await measure(async () => renderTaskMarkdown(document), RUNS);
  console.log(
    `${name} (${text.length} chars, ${document.steps.length} steps): convert median ${convert.median.toFixed(2)} ms ` +
      `(p90 ${convert.p90.toFixed(2)}, first ${cold.toFixed(1)}), render median ${render.median.toFixed(3)} ms`,
  );
}
