// Builds the three bundles of the desktop app into out/: main and preload as CommonJS (the
// sandboxed preload must be CommonJS), and the renderer, which `orchestron serve` also serves.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies (better-sqlite3's native addon above all) load from node_modules at run time.
      externalizeDeps: true,
      // the desktop main process, and the core it runs in a utilityProcess (src/host/desktop)
      lib: {
        entry: {
          index: resolve(root, 'src/main/index.ts'),
          'core-process': resolve(root, 'src/host/desktop/core-process-entry.ts'),
        },
        formats: ['cjs'],
        fileName: (_format, name) => `${name}.cjs`,
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'src/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    // resources/ holds the app's icons; the page uses icon.svg as its favicon
    publicDir: resolve(root, 'resources'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
