// Every native addon among the production dependencies must be Node-API-only, so one binary
// loads in plain Node and in Electron without a rebuild (ARCHITECTURE §9). An addon passes when
// it exports napi_register_module_v1 and references no V8 or node_register_module symbols.
import { execFileSync } from 'node:child_process';
import { openSync, readSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AddonVerdict {
  file: string;
  ok: boolean;
  reason: string;
}

/** Judges an addon by the names of its dynamic symbols. */
export function judgeSymbols(file: string, symbols: readonly string[]): AddonVerdict {
  const v8 = symbols.find(
    (name) =>
      name.startsWith('_ZN2v8') ||
      name.startsWith('node_register_module_v') ||
      name.startsWith('_ZN4node'),
  );
  if (v8)
    return {
      file,
      ok: false,
      reason: `uses the V8/Node C++ ABI (${v8}); rebuild per runtime would be needed`,
    };
  if (!symbols.includes('napi_register_module_v1'))
    return { file, ok: false, reason: 'does not export napi_register_module_v1' };
  return { file, ok: true, reason: 'Node-API only' };
}

function isElf(file: string): boolean {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(4);
  readSync(fd, magic, 0, 4, 0);
  closeSync(fd);
  return magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
}

/** Dynamic symbol names: readelf for ELF (any architecture); the string table for Mach-O and PE. */
function symbolsOf(file: string): string[] {
  if (isElf(file)) {
    const table = execFileSync('readelf', ['--dyn-syms', '--wide', file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return table
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[7] ?? '')
      .map((name) => name.split('@')[0]!)
      .filter(Boolean);
  }
  // Mach-O prefixes C symbols with an underscore; keep both spellings
  const names =
    readFileSync(file)
      .toString('latin1')
      .match(/[A-Za-z_][A-Za-z0-9_]{5,}/g) ?? [];
  return names.flatMap((name) => (name.startsWith('_') ? [name, name.slice(1)] : [name]));
}

function addonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return addonFiles(path);
    return entry.name.endsWith('.node') ? [path] : [];
  });
}

export function productionPackageDirs(root: string): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line && line !== root);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const verdicts = productionPackageDirs(root)
    .flatMap(addonFiles)
    .map((file) => judgeSymbols(file, symbolsOf(file)));
  for (const v of verdicts)
    console.log(`${v.ok ? 'ok  ' : 'FAIL'} ${relative(root, v.file)}: ${v.reason}`);
  const failed = verdicts.filter((v) => !v.ok).length;
  console.log(`native addons: ${verdicts.length} checked, ${failed} not Node-API-only`);
  process.exitCode = failed === 0 && verdicts.length > 0 ? 0 : 1;
}
