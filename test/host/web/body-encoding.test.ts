// Request bodies must be UTF-8 JSON: other bytes are refused with 400 VALIDATION and the byte
// offset, rather than decoded into U+FFFD; characters split across packets arrive whole.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { rawRequest, startFixture, type WebFixture } from './web-test-kit.ts';

let fixture: WebFixture;
before(async () => {
  fixture = await startFixture();
});
after(() => fixture.dispose());

const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function post(body: Buffer) {
  const response = await rawRequest(fixture.url, {
    method: 'POST',
    path: '/api/call',
    headers: JSON_HEADERS,
    body,
  });
  return {
    status: response.status,
    error: (JSON.parse(response.body) as { error: Record<string, unknown> }).error,
  };
}

/** POSTs `parts` as separate writes with a pause between, so they arrive as separate chunks. */
function postInParts(parts: readonly Buffer[]): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(fixture.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { hostname, port, path: '/api/call', method: 'POST', headers: JSON_HEADERS },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    const writeFrom = (index: number) => {
      if (index === parts.length) return request.end();
      request.write(parts[index]);
      setTimeout(() => writeFrom(index + 1), 30);
    };
    writeFrom(0);
  });
}

describe('the encoding of POST /api/call bodies', () => {
  it('refuses a Latin-1 body with 400 VALIDATION and the offset of the bad byte', async () => {
    // {"name":"café"} with é as the Latin-1 byte 0xE9, at offset 12
    const body = Buffer.concat([
      Buffer.from('{"name":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    const { status, error } = await post(body);
    assert.equal(status, 400);
    assert.equal(error['code'], 'VALIDATION');
    assert.equal(
      error['message'],
      'The request body is not UTF-8 text (byte 0xE9 at offset 12, counting from 0); send the JSON encoded as UTF-8.',
    );
    assert.deepEqual(error['details'], { offset: 12 });
  });

  it('refuses a body cut in the middle of a character', async () => {
    const whole = Buffer.from('{"name":"😀"}');
    const { status, error } = await post(whole.subarray(0, 11));
    assert.equal(status, 400);
    assert.match(String(error['message']), /byte 0xF0 at offset 9/);
  });

  it('decodes UTF-8 exactly, a byte order mark allowed, down to the operation', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const { status, error } = await post(
      Buffer.concat([bom, Buffer.from('{"name":"nö_such 😀","input":{}}')]),
    );
    assert.equal(status, 404, JSON.stringify(error));
    assert.equal(error['code'], 'NOT_FOUND');
    assert.match(String(error['message']), /No operation "nö_such 😀"/);
  });

  it('joins a character split across two packets before decoding it', async () => {
    const body = Buffer.from('{"name":"split 😀 here","input":{}}');
    const middleOfEmoji = body.indexOf(Buffer.from('😀')) + 2;
    const { status, body: reply } = await postInParts([
      body.subarray(0, middleOfEmoji),
      body.subarray(middleOfEmoji),
    ]);
    assert.equal(status, 404, reply);
    const { error } = JSON.parse(reply) as { error: { message: string } };
    assert.match(error.message, /No operation "split 😀 here"/);
  });
});
