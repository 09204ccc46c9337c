// Which connection the desktop app offers agents: the stdio bridge only when `orchestron` on
// PATH is this install's own, else its HTTP endpoint with the token, else (no endpoint) the bridge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desktopConnectTarget } from '../../../src/host/desktop/connect-target.ts';

const endpoint = { url: 'http://127.0.0.1:4319/mcp', token: 'abc' };

describe('the desktop connect target', () => {
  it('keeps `orchestron mcp` when the orchestron on PATH is this install', () => {
    const bin = '/opt/orchestron/bin/orchestron.mjs';
    assert.equal(desktopConnectTarget({ onPath: bin, bin, ...endpoint }), null);
  });

  it('names the HTTP endpoint when the app ships no bin file or PATH leads elsewhere', () => {
    const http = { kind: 'http', ...endpoint };
    assert.deepEqual(desktopConnectTarget({ onPath: null, bin: null, ...endpoint }), http);
    assert.deepEqual(
      desktopConnectTarget({
        onPath: '/usr/bin/orchestron',
        bin: '/app/bin/orchestron.mjs',
        ...endpoint,
      }),
      http,
    );
  });

  it('falls back to the bridge when the endpoint could not start', () => {
    assert.equal(desktopConnectTarget({ onPath: null, bin: null, url: null, token: null }), null);
  });
});
