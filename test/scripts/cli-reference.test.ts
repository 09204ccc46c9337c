import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readmeWithReference } from '../../scripts/cli-reference.ts';

test("the README's CLI reference matches the operation registry (run npm run docs:cli)", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.equal(readme, readmeWithReference(readme));
});
