// Which code the CLI runs: bin/orchestron.mjs loads the bundle out/cli/main.mjs (made by
// `npm run build`) while it is newer than every source file, and the TypeScript sources otherwise.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'out/cli/main.mjs');
const SOURCES = ['src/shared', 'src/core', 'src/host'];

/** As in bin/orchestron.mjs: folders count too, so a removed source file makes the bundle stale. */
function newestChange(directory: string): number {
  let newest = statSync(directory).mtimeMs;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** One line for the report, so CLI figures are read against what was loaded. */
export function describeCliLoading(): string {
  if (!existsSync(BUNDLE)) {
    return 'The CLI ran from the TypeScript sources (no out/cli/main.mjs; `npm run build` makes it).';
  }
  const built = statSync(BUNDLE).mtimeMs;
  const sources = Math.max(...SOURCES.map((folder) => newestChange(join(ROOT, folder))));
  const at = new Date(built).toISOString().slice(11, 19);
  return sources < built
    ? `The CLI ran from the bundle out/cli/main.mjs (built ${at} UTC, newer than src/).`
    : `The CLI ran from the TypeScript sources: out/cli/main.mjs (built ${at} UTC) is older than src/; \`npm run build\` refreshes it.`;
}
