// Several processes opening one new database file at the same moment: each must succeed (the
// first creates and migrates it, the others wait and find it done) and no write may be lost.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { explainOpenFailure } from '../../../src/core/store/database.ts';
import { MIGRATIONS } from '../../../src/core/store/migrations/index.ts';
import { BIN } from '../../host/cli/cli-harness.ts';
import { makeTempDir } from '../../helpers/temp-orchestrator.ts';

const WORKER = fileURLToPath(new URL('./open-and-insert.worker.ts', import.meta.url));
const PROCESSES = 8;
const ROUNDS = 5;

interface Child {
  /** Resolves when the worker has loaded and waits for the go (only for the worker script). */
  ready: Promise<void>;
  exit: Promise<{ code: number | null; stderr: string }>;
  process: ChildProcess;
}

function start(args: readonly string[], barrier: boolean): Child {
  const child = spawn(process.execPath, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ORCHESTRON_ACTOR: 'concurrent-open-test' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
  child.stdout.setEncoding('utf8');
  const ready = barrier
    ? new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          if (chunk.includes('ready')) resolve();
        });
        void exit.then(({ stderr: text }) => reject(new Error(`a worker exited early:\n${text}`)));
      })
    : Promise.resolve();
  child.stdout.resume();
  return { ready, exit, process: child };
}

/** Starts one process per title; with `barrier`, lets them all go once every one is loaded. */
async function race(
  titles: readonly string[],
  argsOf: (title: string) => string[],
  barrier: boolean,
) {
  const children = titles.map((title) => start(argsOf(title), barrier));
  try {
    await Promise.all(children.map((child) => child.ready));
  } finally {
    for (const child of children) child.process.stdin?.end();
  }
  const exits = await Promise.all(children.map((child) => child.exit));
  exits.forEach((exit, index) =>
    assert.equal(exit.code, 0, `process for "${titles[index]}" failed:\n${exit.stderr}`),
  );
}

/** The file is sound, in WAL mode, migrated once, and holds exactly these tasks. */
function assertHolds(path: string, titles: readonly string[]): void {
  const db = new Database(path, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    const rows = db.prepare('SELECT title FROM tasks ORDER BY title').all() as { title: string }[];
    assert.deepEqual(
      rows.map((row) => row.title),
      [...titles].sort(),
    );
    const projects = db.prepare('SELECT count(*) AS n FROM projects').get() as { n: number };
    assert.equal(projects.n, 1, 'the default project is created once');
  } finally {
    db.close();
  }
}

const titlesOf = (label: string) =>
  Array.from({ length: PROCESSES }, (_, index) => `${label} t${index + 1}`);

describe('opening a new database from several processes at once', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test(`${PROCESSES} processes released together on a new file all succeed, ${ROUNDS} rounds`, async () => {
    let stored = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const path = join(dir, `round-${round}.db`);
      const titles = titlesOf(`round ${round}`);
      await race(titles, (title) => [WORKER, path, title], true);
      assertHolds(path, titles);
      stored += titles.length;
    }
    assert.equal(stored, PROCESSES * ROUNDS);
  });

  test('the CLI creating tasks from several processes on a new --db keeps every task', async () => {
    for (let round = 1; round <= 2; round++) {
      const path = join(dir, `cli-${round}.db`);
      const titles = titlesOf(`cli ${round}`);
      await race(titles, (title) => [BIN, '--db', path, 'task', 'create', '--title', title], false);
      assertHolds(path, titles);
    }
  });

  test('a process that finds another migrating waits for it, then finds the schema there', async () => {
    const path = join(dir, 'held.db');
    const holder = new Database(path);
    try {
      holder.pragma('journal_mode = WAL');
      holder.exec('BEGIN IMMEDIATE');
      const opener = start([WORKER, path, 'after the wait'], false);
      opener.process.stdin?.end();
      // the opener reads schema version 0, then queues on the write lock until the commit
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      for (const migration of MIGRATIONS) holder.exec(migration.sql);
      holder.pragma(`user_version = ${MIGRATIONS.at(-1)!.version}`);
      holder.exec('COMMIT');
      const exit = await opener.exit;
      assert.equal(exit.code, 0, exit.stderr);
    } finally {
      holder.close();
    }
    assertHolds(path, ['after the wait']);
  });
});

describe('what a failed open tells the caller', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a lock held past the busy timeout is TIMEOUT: retry, not "use another file"', () => {
    const path = join(dir, 'locked.db');
    const holder = new Database(path);
    const impatient = new Database(path, { timeout: 0 });
    holder.exec('BEGIN IMMEDIATE');
    let busy: unknown;
    try {
      impatient.exec('BEGIN IMMEDIATE');
    } catch (error) {
      busy = error;
    } finally {
      holder.close();
      impatient.close();
    }
    assert.equal((busy as { code?: string }).code, 'SQLITE_BUSY');
    const explained = explainOpenFailure(path, busy);
    assert.equal(explained.code, 'TIMEOUT');
    assert.match(
      explained.message,
      /^Another process kept the database at .* locked .*nothing changed\. Retry in a moment\.$/,
    );
    assert.doesNotMatch(explained.message, /--db|another file/);
  });

  test('a file that is not a database is VALIDATION: pass --db with another file', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'not sqlite at all '.repeat(100));
    const db = new Database(path);
    let notADatabase: unknown;
    try {
      db.pragma('journal_mode = WAL');
    } catch (error) {
      notADatabase = error;
    } finally {
      db.close();
    }
    assert.equal((notADatabase as { code?: string }).code, 'SQLITE_NOTADB');
    const explained = explainOpenFailure(path, notADatabase);
    assert.equal(explained.code, 'VALIDATION');
    assert.match(
      explained.message,
      /is not a usable Orchestron database.*Pass --db with another file/,
    );
  });
});
