// A small code base on disk for the planning tests: TypeScript and Python files with imports,
// a folder outside it holding a "secret", and a symbolic link inside it that leads there.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../src/core/call-context.ts';
import { makeTempDir } from '../../helpers/temp-orchestrator.ts';

export interface CodeBase {
  /** The temporary folder holding both; the test removes it. */
  base: string;
  /** The project folder. */
  root: string;
  /** A folder beside it, which nothing may read. */
  outside: string;
}

const APP_TS = `// the app
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import {
  openDb,
  closeDb,
} from './db.ts';
// import { unused } from './commented-out.ts';
export * from './types.ts';
const lazy = await import('./lazy.ts');
const legacy = require('legacy-lib');
export function main() {
  return [z, readFileSync, openDb, closeDb, lazy, legacy];
}
`;

const MODELS_PY = `"""Models."""
import os, sys as system
from typing import List
from .db import session
# import commented_out
class Order:
    items: List[str]
`;

export function makeCodeBase(): CodeBase {
  const base = makeTempDir('orchestron-planning-');
  const root = join(base, 'shop');
  const outside = join(base, 'elsewhere');
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'src', 'app.ts'), APP_TS);
  writeFileSync(join(root, 'src', 'models.py'), MODELS_PY);
  writeFileSync(join(root, 'src', 'big.ts'), 'export const x = 1;\n'.repeat(2_000));
  writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  writeFileSync(join(outside, 'secret.txt'), 'top secret\n');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'src', 'link.ts'));
  symlinkSync(outside, join(root, 'linked-folder'));
  return { base, root, outside };
}

/** A clock the test moves by hand, starting on a Monday morning. */
export function manualClock(): Clock & { advanceHours(hours: number): void } {
  let now = Date.parse('2025-03-03T09:00:00.000Z');
  return {
    now: () => new Date(now).toISOString(),
    advanceHours: (hours: number) => void (now += hours * 3_600_000),
  };
}
