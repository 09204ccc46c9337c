#!/usr/bin/env node
// The `orchestron` executable. Plain JavaScript that any Node can run: it refuses arguments that
// are not UTF-8, re-launches itself on the project's pinned Node 24 when the running Node lacks
// Node-API 10 (better-sqlite3 13 needs it; Node 20 cannot strip types either), then loads the CLI.
// Keep the refusal's wording in step with src/core/store/runtime-check.ts.
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REQUIRED_NODE_API = 10;
const napi = Number(process.versions.napi || 0);
/** This file with symlinks resolved (`npm link` puts one on PATH), and the checkout holding it. */
const SELF = realpathSync(fileURLToPath(import.meta.url));
const ROOT = dirname(dirname(SELF));
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function refuse() {
  process.stderr.write(
    'error[FORBIDDEN]: Orchestron needs Node-API ' +
      REQUIRED_NODE_API +
      ' (Node.js >= 22), but this is Node.js ' +
      process.versions.node +
      ' with Node-API ' +
      napi +
      '. Run `npm install` and `npm link` in the Orchestron checkout: `orchestron ...` then runs ' +
      'on its pinned Node 24 from any folder, as `npm start` and `npm run orchestron -- ...` do ' +
      'there. Or install Node.js 22 or newer.\n',
  );
  process.exitCode = 1;
}

/** Index of the first byte of the first ill-formed UTF-8 sequence (Unicode Table 3-7), or -1. */
function firstInvalidUtf8(bytes) {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    else return index;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
    else if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (
        byte === undefined ||
        byte < (next === 1 ? low : 0x80) ||
        byte > (next === 1 ? high : 0xbf)
      )
        return index;
    }
    index += length;
  }
  return -1;
}

/**
 * Node decodes arguments as UTF-8 and turns bad bytes into U+FFFD, so text in another encoding
 * would be stored silently damaged. Only when a U+FFFD shows up does Linux's raw command line
 * tell a real U+FFFD from a replaced byte. Arguments count from 1 after `orchestron`, bytes from 1.
 */
function refuseNonUtf8Arguments() {
  const args = process.argv.slice(2);
  if (process.platform !== 'linux' || !args.some((arg) => arg.includes('\uFFFD'))) return false;
  let raw;
  try {
    raw = readFileSync('/proc/self/cmdline');
  } catch {
    return false;
  }
  const words = [];
  for (let from = 0, end = raw.indexOf(0); end !== -1; from = end + 1, end = raw.indexOf(0, from))
    words.push(raw.subarray(from, end));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const own = words.slice(words.length - args.length);
  for (let number = 1; number <= own.length; number++) {
    const bytes = own[number - 1];
    try {
      decoder.decode(bytes);
    } catch {
      const at = Math.max(firstInvalidUtf8(bytes), 0);
      const hex = bytes[at].toString(16).padStart(2, '0');
      process.stderr.write(
        `error[VALIDATION]: argument ${number} is not valid UTF-8 text ` +
          `(byte 0x${hex} at position ${at + 1}); pass text in UTF-8.\n`,
      );
      process.exitCode = 2;
      return true;
    }
  }
  return false;
}

/** The `node` devDependency's binary in this checkout, unless it is the Node running now. */
function pinnedNode() {
  const binary = process.platform === 'win32' ? 'node.exe' : 'node';
  const path = join(ROOT, 'node_modules', 'node', 'bin', binary);
  if (!existsSync(path)) return null;
  return realpathSync(path) === realpathSync(process.execPath) ? null : path;
}

/**
 * Whether a terminal already sent `signal` to the child: Ctrl-C and a hang-up reach the whole
 * foreground process group, parent and child alike, and a second SIGINT would cut short the
 * child's orderly shutdown. Known on Linux only (/proc); elsewhere the signal is forwarded.
 */
function terminalSentToGroup(signal) {
  if (signal === 'SIGTERM' || process.platform !== 'linux') return false;
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // after "pid (command) ": state ppid pgrp session tty_nr tpgid
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[2] === fields[5];
  } catch {
    return false;
  }
}

/** Ends like a process killed by `signal`; if that signal is ignored here, with 128 + its number. */
async function exitForSignal(signal) {
  const { constants } = await import('node:os');
  process.kill(process.pid, signal);
  process.exit(128 + (constants.signals[signal] ?? 0));
}

/**
 * Runs this file again on `node` with the same arguments and stdio, passes on the signals a
 * terminal or supervisor sends, and ends the way the child ended (its code, or its signal).
 */
async function relaunch(node) {
  const { spawn } = await import('node:child_process');
  const child = spawn(node, [...process.execArgv, SELF, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  const forward = (signal) => {
    if (terminalSentToGroup(signal)) return;
    try {
      child.kill(signal);
    } catch {
      // Windows cannot send SIGHUP; the child ends with the console anyway.
    }
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  const stopForwarding = () => {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  };
  child.once('error', (error) => {
    stopForwarding();
    process.stderr.write(
      `error[INTERNAL]: could not start the project's Node ${node}: ${error.message}\n`,
    );
    process.exit(1);
  });
  child.once('exit', (code, signal) => {
    stopForwarding();
    if (signal) exitForSignal(signal);
    else process.exit(code ?? 1);
  });
}

/** The newest modification time under `dir`, in ms, counting the folders (a file removed). */
function newestChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = dir + '/' + entry.name;
    const time = entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * The bundle that `npm run build` makes (out/cli/main.mjs) when it is newer than every source
 * file it is made from; loading one bundle is several times faster than hundreds of modules.
 * Walking src/ (~100 entries) takes about 1 ms; an index written at build time would still need
 * a stat per file to see edits in place, so it would save little.
 */
function bundleIfFresh() {
  const bundle = join(ROOT, 'out/cli/main.mjs');
  if (!existsSync(bundle)) return null;
  const built = statSync(bundle).mtimeMs;
  const sources = ['src/shared', 'src/core', 'src/host'].map((dir) =>
    newestChange(join(ROOT, dir)),
  );
  return Math.max(...sources) < built ? bundle : null;
}

async function run() {
  const module = await import('node:module');
  // Keeps compiled (and type-stripped) modules on disk: start-up takes about half as long.
  if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
  const bundle = bundleIfFresh();
  const { main } = await import(bundle ? pathToFileURL(bundle).href : '../src/host/cli/main.ts');
  await main();
}

/** Runs the CLI here, or on the pinned Node; ORCHESTRON_NO_RELAUNCH=1 (for tests) refuses instead. */
function start() {
  if (napi >= REQUIRED_NODE_API) return run();
  const node = process.env.ORCHESTRON_NO_RELAUNCH === '1' ? null : pinnedNode();
  return node ? relaunch(node) : refuse();
}

if (!refuseNonUtf8Arguments()) start();
