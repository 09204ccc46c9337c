// Bundles the CLI and the headless shell into out/cli/ so a command loads a few files instead
// of hundreds: most of a short command's wall time is module loading. better-sqlite3 and node-pty stay
// external (native addons). bin/orchestron.mjs uses the bundle while it is newer than src/.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'cli');

rmSync(outDir, { recursive: true, force: true });
await build({
  input: { main: join(root, 'src/host/cli/main.ts') },
  platform: 'node',
  external: ['better-sqlite3', 'node-pty', /^node:/],
  output: {
    dir: outDir,
    format: 'esm',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
  },
  logLevel: 'warn',
});
console.log(`cli: bundled into ${outDir}`);
