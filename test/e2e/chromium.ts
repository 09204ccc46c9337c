// Debian's Chromium (as .ci/run installs it, or CHROMIUM_PATH) launched headless with the flags
// this machine's closed network needs, for the end-to-end tests.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `No Chromium at ${CHROMIUM}. Install it (Debian: apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`,
  );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
