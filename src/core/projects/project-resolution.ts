// Which project a call acts on when its input names none: the project bound to the folder the
// call was made in (or the nearest folder above it), then ORCHESTRON_PROJECT, then the user's
// current project, then the default project.
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Project } from '../../shared/operations/projects.ops.ts';

export type ProjectReason = 'folder' | 'environment' | 'current' | 'default';

/** A folder as stored and compared: absolute, symlinks resolved where it exists. */
export function canonicalFolder(folder: string): string {
  const absolute = resolve(folder);
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

const comparable = (path: string) => (process.platform === 'win32' ? path.toLowerCase() : path);

/** Whether `folder` is `root` or lies below it. */
export function isInside(folder: string, root: string): boolean {
  const [inner, outer] = [comparable(folder), comparable(root)];
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** The project bound to `cwd` or its nearest bound ancestor; `bound` comes deepest first. */
export function projectOfFolder(cwd: string, bound: readonly Project[]): Project | undefined {
  const folder = canonicalFolder(cwd);
  return bound.find((project) => project.root_path !== null && isInside(folder, project.root_path));
}
