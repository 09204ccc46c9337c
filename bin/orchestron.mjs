#!/usr/bin/env node
// The `orchestron` executable. Plain JavaScript so that any Node can run the runtime check below
// before a TypeScript file is loaded (Node 20 cannot strip types, and better-sqlite3 13 needs
// Node-API 10, i.e. Node >= 22). Keep the message in step with src/core/store/runtime-check.ts.
const REQUIRED_NODE_API = 10;
const napi = Number(process.versions.napi || 0);

function refuse() {
  process.stderr.write(
    'error[FORBIDDEN]: Orchestron needs Node-API ' +
      REQUIRED_NODE_API +
      ' (Node.js >= 22), but this is Node.js ' +
      process.versions.node +
      ' with Node-API ' +
      napi +
      '. Run it through the project (`npm start`, ' +
      '`npm run orchestron -- ...` or `npx orchestron ...`), which uses the pinned Node 24, or install Node.js 22 or newer.\n',
  );
  process.exitCode = 1;
}

/**
 * zod's entry point loads its ~60 message translations (a third of its start-up); the CLI only
 * speaks English, so the translations index is swapped for one exporting `en`. If zod's layout
 * changes, the URL no longer matches and nothing is swapped.
 */
function englishOnlyZod(module) {
  if (typeof module.registerHooks !== 'function') return;
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      if (!resolved.url.endsWith('/node_modules/zod/v4/locales/index.js')) return resolved;
      const english = JSON.stringify(new URL('./en.js', resolved.url).href);
      return {
        ...resolved,
        url:
          'data:text/javascript,export { default as en } from ' + encodeURIComponent(english) + ';',
      };
    },
  });
}

async function run() {
  const module = await import('node:module');
  // Keeps compiled (and type-stripped) modules on disk: start-up takes about half as long.
  if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
  englishOnlyZod(module);
  const { main } = await import('../src/host/cli/main.ts');
  await main();
}

if (napi < REQUIRED_NODE_API) refuse();
else run();
