import assert from 'node:assert/strict';
import { statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openDatabase } from '../../../src/core/store/database.ts';
import { MIGRATIONS } from '../../../src/core/store/migrations/index.ts';
import { runtimeProblem } from '../../../src/core/store/runtime-check.ts';
import { makeTempDir } from '../../helpers/temp-orchestrator.ts';

describe('openDatabase', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('creates an owner-only folder and file in durable WAL mode with foreign keys, migrated', () => {
    const path = join(dir, 'nested', 'data', 'o.db');
    const db = openDatabase(path);
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(
        db.pragma('synchronous', { simple: true }),
        2,
        'FULL: commits survive a power cut',
      );
      assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 5000);
      assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.at(-1)!.version);
      assert.equal(statSync(join(dir, 'nested', 'data')).mode & 0o777, 0o700);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      const strict = db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%' ORDER BY name",
        )
        .all();
      assert.deepEqual(
        strict.map((row) => (row as { name: string }).name),
        [
          'artifacts',
          'checkpoints',
          'clarifications',
          'commits',
          'contexts',
          'dependencies',
          'events',
          'file_refs',
          'handoffs',
          'interventions',
          'notifications',
          'preferences',
          'progress_notes',
          'projects',
          'ready_counts',
          'run_inputs',
          'runs',
          'sessions',
          'task_analyses',
          'task_counts',
          'task_tags',
          'tasks',
          'workflow_attempts',
          'workflow_commands',
          'workflow_reports',
          'workflow_runs',
          'workflow_tasks',
        ],
      );
    } finally {
      db.close();
    }
  });

  test('opening again applies nothing twice and keeps the data', () => {
    const path = join(dir, 'o.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    assert.equal((db.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }).n, 1);
    db.close();
  });

  test('refuses a database from a newer Orchestron, saying what to do', () => {
    const path = join(dir, 'o.db');
    const db = openDatabase(path);
    db.pragma('user_version = 999');
    db.close();
    assert.throws(
      () => openDatabase(path),
      (error: { code: string; message: string }) => {
        assert.equal(error.code, 'FORBIDDEN');
        assert.match(error.message, /schema version 999.*Update Orchestron/);
        return true;
      },
    );
  });

  test('refuses a file that is not a database', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'hello, this is not sqlite '.repeat(100));
    assert.throws(
      () => openDatabase(path),
      (error: { code: string; message: string }) => {
        assert.equal(error.code, 'VALIDATION');
        assert.match(error.message, /not a usable Orchestron database.*--db/);
        return true;
      },
    );
  });
});

describe('runtime check', () => {
  test('accepts Node-API 10 and refuses older runtimes with how to run instead', () => {
    assert.equal(runtimeProblem({ ...process.versions, napi: '10' }), null);
    const problem = runtimeProblem({ ...process.versions, node: '20.20.2', napi: '9' });
    assert.match(
      problem ?? '',
      /Node-API 10 \(Node.js >= 22\).*Node.js 20.20.2.*npm run orchestron/,
    );
  });
});
