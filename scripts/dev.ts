// `npm run dev`: electron-vite's dev server with the desktop window where Electron can start
// (main and preload rebuilt on change, the page hot-reloaded); otherwise one line saying why,
// then the page rebuilt on every change into out/renderer and `orchestron serve` restarted when
// the core changes: reload the browser tab to see an edit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import config from '../electron.vite.config.ts';
import { fallbackLine } from '../src/main/launch-choice.ts';
import { decideLaunch, ROOT, runServe, supervise } from './desktop-launch.ts';

const args = process.argv.slice(2);
const serveArgs = args.filter((arg) => arg !== '--browser');

/** Watches the renderer and rebuilds it into out/renderer, as `npm run build` would. */
async function watchRenderer(): Promise<void> {
  const renderer = (config as { renderer: InlineConfig }).renderer;
  await build({
    ...renderer,
    configFile: false,
    mode: 'development',
    logLevel: 'warn',
    build: { ...renderer.build, watch: {} },
  });
}

const choice = decideLaunch(args);
if (choice.shell === 'electron') {
  const bin = join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  process.exit(await supervise(spawn(bin, ['dev', '--watch'], { stdio: 'inherit', cwd: ROOT })));
} else {
  process.stdout.write(`${fallbackLine(choice.reason, choice.forced)}\n`);
  await watchRenderer();
  const watched = ['src/shared', 'src/core', 'src/host'].map(
    (dir) => `--watch-path=${join(ROOT, dir)}`,
  );
  process.exit(await runServe(serveArgs, [...watched, '--watch-preserve-output']));
}
