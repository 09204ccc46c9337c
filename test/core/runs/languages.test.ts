// Every language runs a hello-world and a failing program through the real runtimes in the
// machine's default sandbox; a missing runtime names what to install.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CodeRunner } from '../../../src/core/runs/code-runner.ts';
import type { Language } from '../../../src/core/runs/run-types.ts';
import { plain, runToEnd, tempRoot } from './run-helpers.ts';

const root = tempRoot();
const runner = new CodeRunner();
after(() => root.remove());

const programs: Record<Language, { hello: string; failing: string; error: RegExp }> = {
  python: {
    hello: 'print("hello from python")',
    failing: 'raise SystemExit("python gave up")',
    error: /python gave up/,
  },
  javascript: {
    hello: 'console.log("hello from javascript")',
    failing: 'throw new Error("javascript gave up")',
    error: /javascript gave up/,
  },
  typescript: {
    hello: 'const who: string = "typescript";\nconsole.log(`hello from ${who}`)',
    failing: 'const n: number = 1;\nthrow new Error(`typescript gave up ${n}`)',
    error: /typescript gave up 1/,
  },
  bash: {
    hello: 'echo "hello from bash"',
    failing: 'echo "bash gave up" >&2; exit 3',
    error: /bash gave up/,
  },
  sql: {
    hello:
      "create table t(who text);\ninsert into t values ('sql');\nselect 'hello from ' || who as greeting from t;",
    failing: 'select 1;\nselect * from missing_table;',
    error: /near line 2: no such table: missing_table/,
  },
};

describe('each language', () => {
  for (const [language, program] of Object.entries(programs) as [
    Language,
    (typeof programs)[Language],
  ][]) {
    it(`${language}: hello-world succeeds with its output live and in the result`, async () => {
      const { result, live } = await runToEnd(runner, { language, code: program.hello }, root);
      assert.equal(result.status, 'succeeded', result.head);
      assert.equal(result.exitCode, 0);
      assert.match(plain(result.head), new RegExp(`hello from ${language}`));
      assert.equal(live, result.head);
      assert.equal(result.totalBytes, Buffer.byteLength(result.head));
      assert.equal(result.truncated, false);
      assert.ok(existsSync(result.logPath));
    });

    it(`${language}: a failing program is failed with a non-zero exit code and its error`, async () => {
      const { result } = await runToEnd(runner, { language, code: program.failing }, root);
      assert.equal(result.status, 'failed');
      assert.notEqual(result.exitCode, 0);
      assert.equal(result.signal, null);
      assert.match(result.head, program.error);
    });
  }

  it('sql runs against a read-only copy of a named database, leaving the original untouched', async () => {
    const source = join(root.path, 'named.sqlite');
    const db = new Database(source);
    db.exec("create table notes(body text); insert into notes values ('kept');");
    db.close();
    const read = await runToEnd(
      runner,
      { language: 'sql', code: 'select body from notes;', database: source },
      root,
    );
    assert.equal(read.result.status, 'succeeded', read.result.head);
    assert.equal(plain(read.result.head), 'body\nkept\n');
    const write = await runToEnd(
      runner,
      { language: 'sql', code: "insert into notes values ('x');", database: source },
      root,
    );
    assert.equal(write.result.status, 'failed');
    assert.match(write.result.head, /readonly/);
    const check = new Database(source, { readonly: true });
    assert.deepEqual(check.prepare('select body from notes').pluck().all(), ['kept']);
    check.close();
  });

  it('sql keeps a trigger body with inner semicolons as one statement', async () => {
    const code = [
      'create table t(a); create table log(a);',
      'create trigger copy after insert on t begin insert into log values (new.a); end;',
      'insert into t values (7); select a from log;',
    ].join('\n');
    const { result } = await runToEnd(runner, { language: 'sql', code }, root);
    assert.equal(result.status, 'succeeded', result.head);
    assert.equal(plain(result.head), 'a\n7\n');
  });

  it('a named database that is not SQLite is refused before anything runs', () => {
    const bogus = join(root.path, 'not-a-db.sqlite');
    writeFileSync(bogus, 'plain text, not a database');
    const runDirectory = root.runDirectory();
    assert.throws(
      () => runner.start({ language: 'sql', code: 'select 1;', database: bogus, runDirectory }),
      (error: Error & { code?: string }) =>
        error.code === 'VALIDATION' && /could not be copied/.test(error.message),
    );
    assert.equal(existsSync(runDirectory), false);
  });

  it('a missing runtime names what to install and creates nothing', () => {
    const narrow = new CodeRunner({ searchPath: [join(root.path, 'no-such-bin')] });
    const runDirectory = root.runDirectory();
    assert.throws(
      () => narrow.start({ language: 'python', code: 'print(1)', runDirectory }),
      (error: Error & { code?: string }) =>
        error.code === 'NOT_FOUND' &&
        /python3 was not found .*apt-get install python3/.test(error.message),
    );
    assert.equal(existsSync(runDirectory), false);
  });
});
