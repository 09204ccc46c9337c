// The one-way layer rule of ARCHITECTURE §2, checked on every import in src/:
// shared <- core <- host <- main; preload and renderer import shared only; only main may
// import electron; shared uses no Node built-ins. Prints each violation; exits 1 if any.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAYERS = ['shared', 'core', 'host', 'main', 'preload', 'renderer'] as const;
type Layer = (typeof LAYERS)[number];

/** Which of our layers each layer may import. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  shared: ['shared'],
  core: ['shared', 'core'],
  host: ['shared', 'core', 'host'],
  main: ['shared', 'core', 'host', 'main'],
  preload: ['shared', 'preload'],
  renderer: ['shared', 'renderer'],
};

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const NODE_BUILTINS = new Set(builtinModules);

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

function layerOf(srcDir: string, path: string): Layer | undefined {
  const first = relative(srcDir, path).split(sep)[0];
  return LAYERS.find((layer) => layer === first);
}

/** Violations in one file's source text. `file` is its absolute path under `srcDir`. */
export function checkSource(srcDir: string, file: string, source: string): Violation[] {
  const layer = layerOf(srcDir, file);
  if (!layer) return [];
  const violations: Violation[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3]!;
    const bare = specifier.replace(/^node:/, '').split('/')[0]!;
    if (specifier === 'electron' || specifier.startsWith('electron/')) {
      if (layer !== 'main' && layer !== 'preload')
        violations.push({ file, specifier, reason: `${layer} may not import electron` });
    } else if (specifier.startsWith('.')) {
      const target = layerOf(srcDir, resolve(dirname(file), specifier));
      if (!target) violations.push({ file, specifier, reason: `${layer} imports outside src/` });
      else if (!ALLOWED[layer].includes(target))
        violations.push({ file, specifier, reason: `${layer} may not import ${target}` });
    } else if (
      (layer === 'shared' || layer === 'renderer') &&
      (specifier.startsWith('node:') || NODE_BUILTINS.has(bare))
    ) {
      violations.push({ file, specifier, reason: `${layer} must not use Node built-ins` });
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(m?ts|tsx|m?js)$/.test(entry.name) ? [path] : [];
  });
}

export function checkTree(srcDir: string): Violation[] {
  return sourceFiles(srcDir).flatMap((file) =>
    checkSource(srcDir, file, readFileSync(file, 'utf8')),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const violations = checkTree(srcDir);
  for (const v of violations)
    console.error(`${relative(process.cwd(), v.file)}: imports '${v.specifier}': ${v.reason}`);
  console.log(
    violations.length === 0
      ? 'layers: every import points the allowed way'
      : `layers: ${violations.length} violation(s)`,
  );
  process.exitCode = violations.length === 0 ? 0 : 1;
}
