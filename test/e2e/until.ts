// Waiting in end-to-end tests for what the page or the database will show soon.
import assert from 'node:assert/strict';

/** Polls `check` every 50 ms for up to 5 s; fails naming `what`. */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}
