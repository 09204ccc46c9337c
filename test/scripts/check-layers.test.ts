import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSource, checkTree } from '../../scripts/check-layers.ts';

const src = '/repo/src';
const reasons = (file: string, source: string) =>
  checkSource(src, `${src}/${file}`, source).map((v) => v.reason);

test('refuses core importing electron and the renderer importing core', () => {
  assert.deepEqual(reasons('core/x.ts', "import { app } from 'electron';"), [
    'core may not import electron',
  ]);
  assert.deepEqual(
    reasons('renderer/a/b.tsx', "import { Store } from '../../core/store/store.ts';"),
    ['renderer may not import core'],
  );
  assert.deepEqual(reasons('shared/x.ts', "import type { Db } from '../core/store/database.ts';"), [
    'shared may not import core',
  ]);
  assert.deepEqual(reasons('core/x.ts', "const m = await import('../host/cli/main.ts');"), [
    'core may not import host',
  ]);
  assert.deepEqual(reasons('shared/x.ts', "import { readFileSync } from 'node:fs';"), [
    'shared must not use Node built-ins',
  ]);
  assert.deepEqual(reasons('preload/x.ts', "export * from '../main/index.ts';"), [
    'preload may not import main',
  ]);
});

test('allows imports that point the right way', () => {
  assert.deepEqual(
    reasons(
      'main/index.ts',
      "import { app } from 'electron';\nimport { x } from '../host/web/web-server.ts';",
    ),
    [],
  );
  assert.deepEqual(
    reasons('host/cli/main.ts', "import { Orchestrator } from '../../core/orchestrator.ts';"),
    [],
  );
  assert.deepEqual(
    reasons(
      'renderer/main.tsx',
      "import { z } from 'zod';\nimport type { Task } from '../shared/tasks/task.schema.ts';",
    ),
    [],
  );
});

test('the real source tree has no violations', () => {
  assert.deepEqual(checkTree(new URL('../../src', import.meta.url).pathname), []);
});
