// The modules a source file imports, found by a line-oriented scan rather than a parser: good
// enough to count a file's dependencies, robust to syntax a parser would reject, and it never
// runs or resolves anything. JavaScript and TypeScript (import, export-from, require, import())
// and Python (import, from-import); other languages report no imports.
import { extname } from 'node:path';

export type SourceKind = 'js' | 'py' | null;

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

export function sourceKind(path: string): SourceKind {
  const extension = extname(path).toLowerCase();
  if (JS_EXTENSIONS.has(extension)) return 'js';
  if (extension === '.py' || extension === '.pyi') return 'py';
  return null;
}

export interface Imports {
  /** Relative imports: other files of the same code base. */
  local: string[];
  /** Everything else: packages, the standard library, path aliases. */
  packages: string[];
}

// `import x from 'm'`, `import {a,\n b} from 'm'`, `import 'm'`, `export * from 'm'`,
// `export { a } from 'm'`: the clause before `from` may span lines but holds no quotes or semicolons
const JS_FROM = /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"\n]{1,300})['"]/g;
const JS_CALL = /\b(?:require|import)\s*\(\s*['"]([^'"\n]{1,300})['"]\s*\)/g;
const PY_IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
const PY_FROM = /^\s*from\s+(\.+[\w.]*|[\w.]+)\s+import\b/;

/** Lines that are comments as a whole: a commented-out import is no dependency. */
function withoutCommentLines(text: string, kind: Exclude<SourceKind, null>): string {
  const comment = kind === 'js' ? /^\s*(\/\/|\/\*|\*)/ : /^\s*#/;
  return text
    .split('\n')
    .map((line) => (comment.test(line) ? '' : line))
    .join('\n');
}

function jsImports(text: string): string[] {
  const found: string[] = [];
  for (const pattern of [JS_FROM, JS_CALL])
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function pyImports(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const from = PY_FROM.exec(line);
    if (from) {
      found.push(from[1]!);
      continue;
    }
    const plain = PY_IMPORT.exec(line);
    if (plain)
      for (const part of plain[1]!.split(',')) found.push(part.trim().split(/\s+as\s+/)[0]!);
  }
  return found;
}

/** The distinct modules `text` imports, split into local and package imports, in source order. */
export function scanImports(text: string, kind: SourceKind): Imports {
  if (kind === null) return { local: [], packages: [] };
  const cleaned = withoutCommentLines(text, kind);
  const all = [...new Set(kind === 'js' ? jsImports(cleaned) : pyImports(cleaned))];
  const isLocal = (name: string) => name.startsWith('.') || (kind === 'js' && name.startsWith('/'));
  return { local: all.filter(isLocal), packages: all.filter((name) => !isLocal(name)) };
}
