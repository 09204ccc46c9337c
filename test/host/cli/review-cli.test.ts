// Approval gates through the real `orchestron` executable: an agent (by --actor) completes a
// gated task, the person reviews, rejects with a reason, clarifies and approves; and the
// mistakes a person makes on the command line get errors that say what to type.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

const AGENT = ['--actor', 'agent:claude#s1'];

let cli: CliSandbox;
before(() => {
  cli = openCliSandbox();
  cli.expect(0, ['task', 'create', '--title', 'Write API', '--requires-approval']);
  cli.expect(0, ['task', 'create', '--title', 'Document API', '--depends-on', '1']);
});
after(() => cli.dispose());

describe('review from the command line', () => {
  test("an agent's done stops in review, and `review` lists it with who submitted it", () => {
    cli.expect(0, [...AGENT, 'task', 'status', '1', 'in-progress']);
    const done = cli.expect(0, [...AGENT, 'task', 'status', '1', 'done']).stdout;
    assert.match(done, /#1 Write API → review/);
    assert.match(done, /warning: #1 is not completed yet: it waits in review/);
    const table = cli.expect(0, ['review']).stdout;
    assert.match(table, /ID\s+TITLE\s+PROJECT\s+SUBMITTED_BY\s+SUBMITTED_AT/);
    assert.match(table, /1\s+Write API\s+default\s+agent:claude#s1\s+\d{4}-/);
    assert.match(table, /1 of 1 reviews shown/);
  });

  test('reject without --reason, or approving a pending task, says what is wrong', () => {
    const missing = cli.expect(1, ['reject', '1']);
    assert.match(missing.stderr, /error\[VALIDATION\].*--reason.*required/);
    const empty = cli.expect(1, ['reject', '1', '--reason', '']);
    assert.match(empty.stderr, /--reason.*must not be empty/);
    const pending = cli.expect(1, ['approve', '2']);
    assert.match(pending.stderr, /Task 2 is pending, not in review/);
    assert.match(pending.stderr, /orchestron review/, 'the hint is worded as a command');
    const agent = cli.expect(1, [...AGENT, 'approve', '1']);
    assert.match(agent.stderr, /error\[FORBIDDEN\]: Only a person can approve a task/);
    assert.match(cli.expect(0, ['review']).stdout, /Write API/, 'still waiting');
  });

  test('reject delivers the reason; clarify adds to the task; the agent reads both', () => {
    const rejected = cli.expect(0, ['reject', '1', '--reason', 'Tests fail on empty input']);
    assert.match(rejected.stdout, /Rejected #1 "Write API": back in progress; claude was told why/);
    assert.match(
      cli.expect(0, ['clarify', '1', 'Empty input means an empty list']).stdout,
      /Added a clarification to #1 "Write API"/,
    );
    const task = cli.json('get_task', [...AGENT, 'task', 'get', '1']);
    assert.equal(task.task.status, 'in_progress');
    assert.equal(task.last_rejection?.reason, 'Tests fail on empty input');
    assert.deepEqual(
      task.clarifications.map((c) => c.text),
      ['Empty input means an empty list'],
    );
    const told = cli.json('list_notifications', ['notifications', 'list', '--recipient', 'claude']);
    assert.match(told.notifications[0]!.message, /Reason: Tests fail on empty input/);
  });

  test('approve completes it and readies its dependent', () => {
    cli.expect(0, [...AGENT, 'task', 'status', '1', 'done']);
    const approved = cli.expect(0, ['approve', '1', '--note', 'Good']).stdout;
    assert.match(approved, /#1 Write API → completed; ready now: #2/);
    assert.equal(cli.expect(0, ['review']).stdout, 'reviews: none\n', 'no "0 of 0 shown" after it');
  });

  test('gate sets and lifts a gate on a project or a task', () => {
    assert.match(
      cli.expect(0, ['gate', '--project', 'default']).stdout,
      /Project "default" now requires a person's approval for every task/,
    );
    assert.match(
      cli.expect(0, ['gate', '--task-id', '2', '--no-required']).stdout,
      /#2 "Document API" did not require a person's approval; nothing changed/,
    );
    const refused = cli.expect(1, [...AGENT, 'gate', '--project', 'default', '--no-required']);
    assert.match(refused.stderr, /error\[FORBIDDEN\]: Only a person can lift the approval gate/);
    assert.match(cli.expect(1, ['gate']).stderr, /give task_id for one task, or project_id/);
  });
});
