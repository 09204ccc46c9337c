// Commit links, the event log and projects through the real executable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron task link-commit, events, project …', () => {
  let cli: CliSandbox;
  before(() => {
    cli = openCliSandbox();
    cli.expect(0, ['task', 'create', '--title', 'Fix login']);
  });
  after(() => cli.dispose());

  test('link-commit attaches a commit that task get then shows', () => {
    const linked = cli.json('link_git_commit', [
      'task',
      'link-commit',
      '1',
      'ABCDEF1234',
      '--commit-message',
      'Fix the login bug',
      '--author',
      'Ana',
    ]);
    assert.equal(linked.commit.hash, 'abcdef1234');
    const got = cli.json('get_task', ['task', 'get', '1']);
    assert.deepEqual(
      got.commits.map((commit) => [commit.hash, commit.author]),
      [['abcdef1234', 'Ana']],
    );
    assert.match(
      cli.expect(0, ['task', 'get', '1']).stdout,
      /commits:\n\s+HASH\s+MESSAGE\s+AUTHOR[\s\S]*abcdef1234\s+Fix the login bug/,
    );
    assert.match(
      cli.expect(1, ['task', 'link-commit', '1', 'not-a-hash']).stderr,
      /^error\[VALIDATION\]: .*commit_hash/,
    );
  });

  test('events lists who changed what and pages with --after-id', () => {
    const events = cli.json('list_events', ['events', '--task-id', '1']);
    assert.deepEqual(events.events.map((event) => event.type).slice(0, 1), ['task.created']);
    assert.ok(events.events.every((event) => event.actor === 'cli-test'));
    const later = cli.json('list_events', ['events', '--after-id', String(events.events[0]!.id)]);
    assert.ok(later.events.every((event) => event.id > events.events[0]!.id));
    const asAna = cli.run(['task', 'create', '--title', 'By Ana', '--actor', 'ana', '--json']);
    assert.equal(asAna.code, 0, asAna.stderr);
    assert.equal(JSON.parse(asAna.stdout).task.created_by, 'ana');
  });

  test('project create and list; tasks go to a project named with --project', () => {
    const created = cli.json('create_project', [
      'project',
      'create',
      'web-app',
      '--description',
      'The web app',
      '--root-path',
      '/src/web',
    ]);
    assert.equal(created.project.root_path, '/src/web');
    cli.expect(0, ['task', 'create', '--title', 'Landing page', '--project', 'web-app']);
    const listed = cli.json('list_projects', ['project', 'list']);
    assert.deepEqual(
      listed.projects.map((project) => [project.name, project.task_count]),
      [
        ['default', 2],
        ['web-app', 1],
      ],
    );
    assert.match(cli.expect(0, ['project', 'list']).stdout, /web-app\s+The web app/);
    const duplicate = cli.expect(1, ['project', 'create', 'web-app']);
    assert.match(duplicate.stderr, /^error\[VALIDATION\]: .*already exists/);
  });
});
