// Measuring the files a task references: their lines and imports, read only from inside the
// analysis root. A reference that leads outside it, by `..`, an absolute path or a symbolic
// link, is refused before anything is read; a file that does not exist yet (the task may be to
// write it) is noted, not an error.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { FileRef } from '../../../shared/tasks/task.schema.ts';
import { isInside } from '../../projects/project-resolution.ts';
import { scanImports, sourceKind, type Imports } from './import-scan.ts';

/** Read per file at most: lines past it are extrapolated (generated or vendored files are big). */
const MAX_BYTES = 1024 * 1024;
/** Looked at for a NUL byte, which marks a binary file. */
const SNIFF_BYTES = 8 * 1024;

export interface MeasuredFile {
  path: string;
  /** Lines the task concerns: the referenced range, else the whole file; null when unmeasured. */
  lines: number | null;
  imports: Imports;
  note: string | null;
}

function outside(ref: string, root: string, how: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `The file reference "${ref}" ${how} the analysis root ${root}; only files inside it are read. Fix the reference or analyse from a root that contains it.`,
    { path: ref, root },
  );
}

/** The real path of `ref` under `root`, or null when it does not exist; refuses a way out. */
function locate(ref: string, root: string): string | null {
  const candidate = isAbsolute(ref) ? resolve(ref) : resolve(root, ref);
  if (!isInside(candidate, root)) throw outside(ref, root, 'points outside');
  let real: string;
  try {
    real = realpathSync.native(candidate);
  } catch {
    return null;
  }
  if (!isInside(real, root))
    throw outside(ref, root, 'is a symbolic link (or lies under one) leading outside');
  return real;
}

function readHead(path: string, size: number): Buffer {
  const length = Math.min(size, MAX_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function countLines(buffer: Buffer): number {
  if (buffer.length === 0) return 0;
  let lines = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
  return buffer[buffer.length - 1] === 10 ? lines : lines + 1;
}

const NO_IMPORTS: Imports = { local: [], packages: [] };

function measureOne(ref: FileRef, root: string): MeasuredFile {
  const real = locate(ref.path, root);
  const unmeasured = (note: string) => ({ path: ref.path, lines: null, imports: NO_IMPORTS, note });
  if (real === null) return unmeasured('not found under the root (perhaps still to be written)');
  const stats = statSync(real);
  if (stats.isDirectory()) return unmeasured('a folder; only files are measured');
  if (!stats.isFile()) return unmeasured('not a regular file');
  const head = readHead(real, stats.size);
  if (head.subarray(0, SNIFF_BYTES).includes(0)) return unmeasured('binary; not measured');
  const truncated = stats.size > head.length;
  const counted = countLines(head);
  const total = truncated ? Math.round((counted * stats.size) / head.length) : counted;
  const imports = scanImports(head.toString('utf8'), sourceKind(real));
  if (ref.line_start !== null) {
    const end = Math.min(ref.line_end ?? ref.line_start, Math.max(total, ref.line_start));
    const lines = end - ref.line_start + 1;
    return { path: ref.path, lines, imports, note: `lines ${ref.line_start}-${end} of ${total}` };
  }
  const note = truncated ? `about ${total} lines, extrapolated from its first 1 MiB` : null;
  return { path: ref.path, lines: total, imports, note };
}

/** Measures every reference, or throws FORBIDDEN (before reading anything) when one leads out. */
export function measureFiles(refs: readonly FileRef[], root: string): MeasuredFile[] {
  for (const ref of refs) locate(ref.path, root);
  return refs.map((ref) => measureOne(ref, root));
}
