// The person's side of questions through the real executable: `orchestron questions` lists the
// open ones, `orchestron answer TICKET "text" [--option N|text]` answers one, and each mistake
// (unknown ticket, an option the question does not offer, answering twice, an agent answering)
// exits 1 with the fix and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

const AGENT = ['--actor', 'agent:claude#s1'];
const ALICE = ['--actor', 'cli:alice'];

describe('orchestron questions / answer', () => {
  let cli: CliSandbox;
  before(() => {
    cli = openCliSandbox();
    cli.expect(0, ['task', 'create', '--title', 'Choose storage']);
    cli.expect(0, ['task', 'status', '1', 'in_progress']);
    cli.expect(0, [
      'questions',
      'ask',
      '1',
      'SQLite or Postgres?',
      '--options',
      'SQLite',
      '--options',
      'Postgres',
      '--urgency',
      'high',
      ...AGENT,
    ]);
    cli.expect(0, ['questions', 'ask', '1', 'Which port?', '--urgency', 'low', ...AGENT]);
  });
  after(() => cli.dispose());

  test('questions lists the open ones, most urgent first', () => {
    const listed = cli.json('list_interventions', ['questions']);
    assert.deepEqual(
      listed.interventions.map((row) => [row.ticket, row.urgency, row.asked_by, row.options]),
      [
        ['Q-1', 'high', 'claude', 2],
        ['Q-2', 'low', 'claude', 0],
      ],
    );
    const table = cli.expect(0, ['questions']).stdout;
    assert.match(table, /TICKET\s+STATUS\s+URGENCY/);
    assert.match(table, /Q-1\s+open\s+high\s+1\s+claude\s+SQLite or Postgres\?\n/);
  });

  test('mistakes exit 1 with the fix, and change nothing', () => {
    const listed = cli.json('list_interventions', ['questions', '--status', 'all']);
    const unknown = cli.expect(1, ['answer', 'Q-9', 'yes', ...ALICE]);
    assert.match(unknown.stderr, /error\[NOT_FOUND\]: No question Q-9\./);
    assert.match(unknown.stderr, /To see the open questions: orchestron questions/);
    const notAnOption = cli.expect(1, ['answer', 'Q-1', '--option', 'MySQL', ...ALICE]);
    assert.match(
      notAnOption.stderr,
      /error\[VALIDATION\]: "MySQL" is not one of Q-1's options: 1\. SQLite; 2\. Postgres\./,
    );
    const outOfRange = cli.expect(1, ['answer', 'Q-1', '--option', '3', ...ALICE]);
    assert.match(outOfRange.stderr, /error\[VALIDATION\]: "3" is not one of Q-1's options/);
    const noOptions = cli.expect(1, ['answer', 'Q-2', '--option', '1', ...ALICE]);
    assert.match(noOptions.stderr, /Q-2 offers no options; answer it in text/);
    const empty = cli.expect(1, ['answer', 'Q-1', ...ALICE]);
    assert.match(empty.stderr, /give an answer text, an option, or both/);
    const agent = cli.expect(1, ['answer', 'Q-1', 'me', ...AGENT]);
    assert.match(agent.stderr, /error\[FORBIDDEN\]: Only a person answers questions/);
    assert.match(agent.stderr, /orchestron questions wait Q-1/);
    assert.deepEqual(cli.json('list_interventions', ['questions', '--status', 'all']), listed);
  });

  test('answer answers by option number and text; the task resumes when the last one is answered', () => {
    const first = cli.expect(0, ['answer', 'Q-1', 'keep it local', '--option', '1', ...ALICE]);
    assert.equal(
      first.stdout.trim(),
      'Answered Q-1; task #1 stays needs_input: it still waits on Q-2.',
    );
    const shown = cli.json('get_intervention', ['questions', 'show', 'q1']);
    assert.deepEqual(
      [shown.intervention.status, shown.intervention.chosen_option, shown.intervention.answer],
      ['answered', 'SQLite', 'keep it local'],
    );
    assert.equal(shown.intervention.answered_by, 'cli:alice');
    const last = cli.expect(0, ['answer', '2', '8080', ...ALICE]);
    assert.equal(last.stdout.trim(), 'Answered Q-2; task #1 is in_progress again.');
    assert.match(cli.expect(0, ['questions']).stdout, /interventions: none/);
    const twice = cli.expect(1, ['answer', 'Q-1', 'other', '--actor', 'cli:bob']);
    assert.match(twice.stderr, /error\[CONFLICT\]: Q-1 was already answered by cli:alice at /);
    const waited = cli.expect(0, ['questions', 'wait', 'Q-1', ...AGENT]);
    assert.match(waited.stdout, /Q-1 was answered by cli:alice: \[SQLite\] keep it local/);
    // the wait delivered Q-1's answer, so only the notice about Q-2 is still unread
    const mine = cli.json('get_notifications', ['notifications', 'mine', ...AGENT]);
    assert.deepEqual(
      mine.notifications.map((n) => [n.kind, /Q-\d+/.exec(n.message)?.[0]]),
      [['answered', 'Q-2']],
    );
  });
});
