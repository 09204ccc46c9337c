// scan_commits against a real git repository made for the test: commits that mention tasks are
// linked (through link_git_commit's service, with its events), a second scan links nothing new,
// ids of no task of the project are reported, and folders without a usable log are refused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  makeTempDir,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

/** A repository whose commits carry these messages, oldest first, one day apart from 1 Jan 2025. */
const made: string[] = [];

/** A temporary folder, removed after the test. */
function tempFolder(prefix: string): string {
  const folder = makeTempDir(prefix);
  made.push(folder);
  return folder;
}

function gitRepo(messages: readonly string[]): string {
  const folder = join(tempFolder('orchestron-git-'), 'repo');
  mkdirSync(folder);
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: folder,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ann Dev',
        GIT_AUTHOR_EMAIL: 'ann@example.com',
        GIT_COMMITTER_NAME: 'Ann Dev',
        GIT_COMMITTER_EMAIL: 'ann@example.com',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git(['init', '-q', '-b', 'main']);
  messages.forEach((message, index) => {
    writeFileSync(join(folder, 'log.txt'), `${index}\n`);
    git(['add', 'log.txt']);
    git(['commit', '-q', '-m', message], `2025-01-${String(index + 1).padStart(2, '0')}T12:00:00Z`);
  });
  return folder;
}

describe('scan_commits', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => {
    core.dispose();
    for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  const project = async (name: string, root_path: string | null) =>
    (await core.call('create_project', { name, root_path })).project.id;
  const task = async (project_id: number, title: string) =>
    (await core.call('create_task', { project_id, title })).task.id;

  test('links the commits that mention tasks; a second scan links nothing new', async () => {
    const repo = gitRepo([
      'Initial commit',
      'Fix login (#1)',
      'task 2: add tests\n\nAlso touches Task-1.',
      'Bump deps, see owner/repo#2 and &#2;',
      'Refs #99 and #3',
    ]);
    const shop = await project('shop', repo);
    const other = await project('other', null);
    const [login, tests] = [await task(shop, 'Login'), await task(shop, 'Tests')];
    const foreign = await task(other, 'Elsewhere');
    assert.deepEqual([login, tests, foreign], [1, 2, 3]);

    const first = await core.call('scan_commits', { project_id: shop });
    assert.equal(first.scanned, 5);
    assert.equal(first.linked_count, 3);
    assert.deepEqual(
      first.linked.map((link) => [link.task_id, link.subject]),
      [
        [1, 'Fix login (#1)'],
        [2, 'task 2: add tests'],
        [1, 'task 2: add tests'],
      ],
    );
    assert.deepEqual(first.unknown_ids, [3, 99], '#3 is a task of another project');
    assert.equal(first.already_linked, 0);
    assert.match(
      first.message,
      /^Scanned 5 commit\(s\) in .*: linked 3 new; 2 mentioned id\(s\) are no task of "shop" \(#3, #99\)\.$/,
    );

    const shown = await core.call('get_task', { task_id: login });
    assert.deepEqual(
      shown.commits.map((commit) => [
        commit.message.split('\n')[0],
        commit.author,
        commit.hash.length,
      ]),
      [
        ['Fix login (#1)', 'Ann Dev <ann@example.com>', 40],
        ['task 2: add tests', 'Ann Dev <ann@example.com>', 40],
      ],
    );
    const { events } = await core.call('list_events', { task_id: login });
    assert.equal(events.filter((event) => event.type === 'commit.linked').length, 2);

    const before = snapshot(core);
    const second = await core.call('scan_commits', { project_id: shop });
    assert.equal(second.linked_count, 0);
    assert.equal(second.already_linked, 3);
    assert.match(second.message, /linked 0 new, 3 already linked/);
    assert.equal(snapshot(core), before, 'a second scan changes nothing');
  });

  test('since and limit bound the commits read', async () => {
    const repo = gitRepo(['#1 first', '#1 second', '#1 third']);
    const shop = await project('shop', repo);
    await task(shop, 'One');
    const recent = await core.call('scan_commits', {
      project_id: shop,
      since: '2025-01-02T00:00:00Z',
    });
    assert.equal(recent.scanned, 2);
    const newest = await core.call('scan_commits', { project_id: shop, limit: 1 });
    assert.equal(newest.scanned, 1);
    assert.equal(newest.already_linked, 1);
  });

  test('a repository without commits has nothing to scan', async () => {
    const shop = await project('shop', gitRepo([]));
    const result = await core.call('scan_commits', { project_id: shop });
    assert.equal(result.scanned, 0);
    assert.equal(result.linked_count, 0);
  });

  test('a project without a folder, a folder without git, or bad options are refused; nothing changes', async () => {
    const bare = await project('bare', null);
    const plain = await project('plain', tempFolder('orchestron-nogit-'));
    const before = snapshot(core);
    const noFolder = await core.fails('scan_commits', { project_id: bare });
    assert.equal(noFolder.code, 'VALIDATION');
    assert.match(noFolder.message, /Project "bare" has no folder, so there is no git log to read/);
    const noGit = await core.fails('scan_commits', { project_id: plain });
    assert.equal(noGit.code, 'VALIDATION');
    assert.match(noGit.message, /is not a git repository/);
    const injected = await core.fails('scan_commits', {
      project_id: plain,
      since: '$(touch x); rm',
    });
    assert.equal(injected.code, 'VALIDATION');
    assert.match(injected.message, /since must be a date or git period/);
    assert.equal(
      (await core.fails('scan_commits', { project_id: plain, limit: 0 })).code,
      'VALIDATION',
    );
    assert.equal((await core.fails('scan_commits', { project_id: 'nope' })).code, 'NOT_FOUND');
    assert.equal(snapshot(core), before);
  });
});
