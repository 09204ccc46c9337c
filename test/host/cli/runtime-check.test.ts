// The executable refuses an old Node (Node-API < 10) with guidance before loading any TypeScript.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { runBin } from './cli-harness.ts';

const SYSTEM_NODE = '/usr/bin/node';

function systemNodeApi(): number | null {
  if (!existsSync(SYSTEM_NODE)) return null;
  return Number(
    execFileSync(SYSTEM_NODE, ['-p', 'process.versions.napi'], { encoding: 'utf8' }).trim(),
  );
}

const napi = systemNodeApi();
const skip =
  napi === null
    ? `${SYSTEM_NODE} does not exist`
    : napi >= 10
      ? `${SYSTEM_NODE} has Node-API ${napi}, new enough`
      : false;

test('an old system Node exits 1 with the guidance to use the project Node', { skip }, () => {
  // without the variable the executable re-launches itself on the pinned Node (test/bin/)
  const run = runBin(['task', 'list'], {
    execPath: SYSTEM_NODE,
    env: { ORCHESTRON_NO_RELAUNCH: '1' },
  });
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error\[FORBIDDEN\]: Orchestron needs Node-API 10 \(Node\.js >= 22\)/);
  assert.match(run.stderr, /`npm link` in the Orchestron checkout.*`npm run orchestron -- \.\.\.`/);
  assert.doesNotMatch(run.stderr, /npx/);
  assert.doesNotMatch(
    run.stderr,
    /ERR_UNKNOWN_FILE_EXTENSION|SyntaxError/,
    'no TypeScript was loaded',
  );
  assert.equal(run.stdout, '');
});

test('the project Node runs the executable', () => {
  const run = runBin(['--version']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^\d+\.\d+\.\d+/);
});
