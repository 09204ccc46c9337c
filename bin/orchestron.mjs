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

/** The newest modification time under `dir`, in ms. */
function newestChange(fs, dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = dir + '/' + entry.name;
    const time = entry.isDirectory() ? newestChange(fs, path) : fs.statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * The bundle that `npm run build` makes (out/cli/main.mjs) when it is newer than every source
 * file it is made from; loading one bundle is several times faster than hundreds of modules.
 */
async function bundleIfFresh() {
  const fs = await import('node:fs');
  const root = new URL('..', import.meta.url).pathname;
  const bundle = root + 'out/cli/main.mjs';
  if (!fs.existsSync(bundle)) return null;
  const built = fs.statSync(bundle).mtimeMs;
  const sources = ['src/shared', 'src/core', 'src/host'].map((dir) => newestChange(fs, root + dir));
  return Math.max(...sources) < built ? bundle : null;
}

async function run() {
  const module = await import('node:module');
  // Keeps compiled (and type-stripped) modules on disk: start-up takes about half as long.
  if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
  const bundle = await bundleIfFresh();
  const { main } = await import(bundle ?? '../src/host/cli/main.ts');
  await main();
}

if (napi < REQUIRED_NODE_API) refuse();
else run();
