// The folder of Orchestron's package.json, found by walking up from a module, so paths hold
// both when running from src/ and from the bundle in out/cli/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function packageRoot(fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'orchestron'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no orchestron package.json above ${fromDir}`);
  }
}
