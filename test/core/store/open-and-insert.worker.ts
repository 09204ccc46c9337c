// A child process for concurrent-open.test.ts: loads its modules, says "ready", waits for its
// standard input to close (the parent closes every child's at once), then opens the database
// with openDatabase (creating and migrating it if no one has yet) and inserts one task.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../../src/core/store/database.ts';

const [path, title] = process.argv.slice(2);
if (!path || !title) throw new Error('usage: open-and-insert.worker.ts <db file> <task title>');

process.stdout.write('ready\n');
readFileSync(0);

const db = openDatabase(path);
try {
  const now = new Date().toISOString();
  db.prepare(
    'INSERT INTO tasks (project_id, title, created_by, created_at, updated_at) VALUES (1, ?, ?, ?, ?)',
  ).run(title, 'concurrent-open-test', now, now);
} finally {
  db.close();
}
