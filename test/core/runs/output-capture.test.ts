// The head/tail capture keeps bounded memory with exact counts, whatever the chunk sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OutputCapture } from '../../../src/core/runs/output-capture.ts';

function feed(capture: OutputCapture, text: Buffer, chunkSize: number): void {
  for (let at = 0; at < text.length; at += chunkSize)
    capture.add(text.subarray(at, at + chunkSize));
}

describe('output capture', () => {
  const text = Buffer.from(Array.from({ length: 1000 }, (_, i) => `${i};`).join(''));

  it('short output is all in the head and not truncated', () => {
    const capture = new OutputCapture(10_000, 100);
    feed(capture, text, 7);
    assert.deepEqual(capture.result(), {
      head: text.toString(),
      tail: '',
      totalBytes: text.length,
      truncated: false,
    });
  });

  it('head and tail together hold exactly the output when it fits in both', () => {
    for (const chunk of [1, 3, 64, 5000]) {
      const capture = new OutputCapture(2000, text.length - 2000);
      feed(capture, text, chunk);
      const { head, tail, truncated } = capture.result();
      assert.equal(head + tail, text.toString());
      assert.equal(truncated, false);
    }
  });

  it('long output keeps the first and the last bytes and counts all', () => {
    for (const chunk of [1, 13, 4096]) {
      const capture = new OutputCapture(50, 60);
      feed(capture, text, chunk);
      const result = capture.result();
      assert.equal(result.head, text.subarray(0, 50).toString());
      assert.equal(result.tail, text.subarray(text.length - 60).toString());
      assert.equal(result.totalBytes, text.length);
      assert.equal(result.truncated, true);
    }
  });

  it('a character cut at the boundary becomes U+FFFD while the count stays exact', () => {
    const capture = new OutputCapture(1, 0);
    capture.add(Buffer.from('é'));
    assert.deepEqual(capture.result(), {
      head: '\uFFFD',
      tail: '',
      totalBytes: 2,
      truncated: true,
    });
  });
});
