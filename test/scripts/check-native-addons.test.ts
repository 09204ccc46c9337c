import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeSymbols } from '../../scripts/check-native-addons.ts';

test('accepts a Node-API addon and refuses V8-ABI or unregistered ones', () => {
  assert.equal(judgeSymbols('a.node', ['napi_create_object', 'napi_register_module_v1']).ok, true);
  const v8 = judgeSymbols('b.node', ['napi_register_module_v1', '_ZN2v87Isolate10GetCurrentEv']);
  assert.equal(v8.ok, false);
  assert.match(v8.reason, /V8\/Node C\+\+ ABI/);
  assert.equal(judgeSymbols('c.node', ['node_register_module_v137']).ok, false);
  assert.match(
    judgeSymbols('d.node', ['sqlite3_open']).reason,
    /does not export napi_register_module_v1/,
  );
});
