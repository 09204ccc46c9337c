// The import scan: every JavaScript/TypeScript and Python import form counted once, comments
// and look-alikes left out, other languages reporting none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanImports, sourceKind } from '../../../src/core/planning/complexity/import-scan.ts';

test('JavaScript and TypeScript: import, multi-line import, export-from, require, import()', () => {
  const text = [
    "import fs from 'node:fs';",
    "import type { A } from './a.ts';",
    'import {',
    '  b,',
    '  c as d,',
    "} from '../b.js';",
    "import './side-effect.css';",
    "export * from './all.ts';",
    "export { e } from '@scope/pkg';",
    "const f = require('lodash');",
    "const g = await import('./lazy.ts');",
    "// import { no } from './commented.ts';",
    " * import { neither } from 'in-a-block-comment';",
    "const text = 'important' + importer('x');",
    "import fs2 from 'node:fs';",
  ].join('\n');
  assert.deepEqual(scanImports(text, 'js'), {
    local: ['./a.ts', '../b.js', './side-effect.css', './all.ts', './lazy.ts'],
    packages: ['node:fs', '@scope/pkg', 'lodash'],
  });
});

test('Python: import lists with aliases, from-imports, relative imports', () => {
  const text = [
    'import os, sys as system',
    'import numpy.linalg',
    'from typing import List',
    'from . import sibling',
    'from ..core.db import session',
    '    import late_import',
    '# import commented',
    'x = "import not_this"',
  ].join('\n');
  assert.deepEqual(scanImports(text, 'py'), {
    local: ['.', '..core.db'],
    packages: ['os', 'sys', 'numpy.linalg', 'typing', 'late_import'],
  });
});

test('the kind comes from the extension; other languages have no imports', () => {
  assert.equal(sourceKind('a/b.TSX'), 'js');
  assert.equal(sourceKind('x.mjs'), 'js');
  assert.equal(sourceKind('x.py'), 'py');
  assert.equal(sourceKind('main.go'), null);
  assert.deepEqual(scanImports('import "fmt"', null), { local: [], packages: [] });
});
