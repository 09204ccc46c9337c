import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultDataDir, resolveDatabasePath } from '../../../src/core/store/data-dir.ts';

const home = '/home/ann';

test("uses the platform's per-user application data folder", () => {
  assert.equal(
    defaultDataDir({ env: {}, platform: 'linux', home }),
    '/home/ann/.local/share/orchestron',
  );
  assert.equal(
    defaultDataDir({ env: { XDG_DATA_HOME: '/xdg' }, platform: 'linux', home }),
    '/xdg/orchestron',
  );
  assert.equal(
    defaultDataDir({ env: {}, platform: 'darwin', home }),
    '/home/ann/Library/Application Support/Orchestron',
  );
  assert.match(
    defaultDataDir({
      env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
      platform: 'win32',
      home,
    }),
    /Roaming.Orchestron$/,
  );
});

test('ORCHESTRON_HOME overrides the folder and an explicit path overrides both', () => {
  const context = { env: { ORCHESTRON_HOME: '/data/orc' }, platform: 'linux' as const, home };
  assert.equal(resolveDatabasePath(undefined, context), '/data/orc/orchestron.db');
  assert.equal(resolveDatabasePath('/tmp/x.db', context), '/tmp/x.db');
});
