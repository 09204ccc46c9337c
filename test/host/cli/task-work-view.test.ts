// The work on a task in `orchestron task get`, through the real executable: its gate, lease and
// pause in words, its checkpoints, artifacts, clarifications and last rejection as short
// sections; none of it on a task without any, and every line within 80 columns.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

const AGENT = ['--actor', 'agent:claude#s1'];
const ALICE = ['--actor', 'human:alice'];
const LONG_REASON =
  'The parser accepts an empty document but the tests never try one, and the error for a ' +
  'missing bracket names the wrong line; handle both and add tests for them.';

let cli: CliSandbox;
before(() => {
  cli = openCliSandbox();
  cli.expect(0, ['task', 'create', '--title', 'Write the parser', '--requires-approval']);
  cli.expect(0, ['task', 'create', '--title', 'Plain']);
});
after(() => cli.dispose());

function view(id: string): string {
  const text = cli.expect(0, ['task', 'get', id], { input: '' }).stdout;
  for (const line of text.split('\n')) assert.ok(line.length <= 80, `longer than 80: ${line}`);
  return text;
}

describe('the work on a task in its detail view', () => {
  test('a plain task shows none of it', () => {
    const text = view('2');
    for (const word of ['approval', 'lease', 'paused', 'checkpoints', 'artifacts', 'rejection'])
      assert.doesNotMatch(text, new RegExp(word), word);
  });

  test('gate, lease, checkpoints, artifacts, clarifications and the last rejection', () => {
    cli.expect(0, [...AGENT, 'claim', '1']);
    cli.expect(0, [
      ...AGENT,
      'task',
      'checkpoints',
      '1',
      '--steps',
      '["tokens","grammar","errors"]',
    ]);
    cli.expect(0, [...AGENT, 'task', 'check', '1', 'tokens']);
    cli.expect(0, [...AGENT, 'artifact', 'store', '1', 'notes.md', 'x'.repeat(3000)]);
    cli.expect(0, [...AGENT, 'artifact', 'store', '1', `${'n'.repeat(120)}.log`, 'short']);
    cli.expect(0, ['clarify', '1', 'Empty input means an empty list', ...ALICE]);
    const held = view('1');
    assert.match(held, /\n {2}approval {4}required \(an agent's done goes to review\)\n/);
    assert.match(held, /\n {2}lease {7}claude until \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/);
    assert.doesNotMatch(held, /lease holder|lease expires at|requires approval/);
    assert.match(
      held,
      /\n {2}checkpoints \(1 of 3 done\):\n {4}✓ tokens\n {4}· grammar\n {4}· errors\n/,
    );
    assert.match(held, /\n {2}artifacts:\n {7}5 B  n{67}…\n {4}2\.9 KB  notes\.md\n/);
    assert.match(
      held,
      /\n {2}clarifications \(oldest first\):\n {4}\d{4}-\d\d-\d\d \d\d:\d\d UTC human:alice: Empty input means an empty list\n/,
    );
    assert.doesNotMatch(held, /last rejection/);

    cli.expect(0, [...AGENT, 'task', 'status', '1', 'done']);
    assert.match(view('1'), /\n {2}lease {7}claude \(held while it waits on a person\)\n/);
    cli.expect(0, ['reject', '1', '--reason', LONG_REASON, ...ALICE]);
    const rejected = view('1');
    assert.match(
      rejected,
      /\n {2}last rejection \(\d{4}-\d\d-\d\d \d\d:\d\d UTC, human:alice\):\n/,
    );
    // the reason wraps within 80 columns, every word kept
    const reason = rejected.split('last rejection')[1]!.split('\n').slice(1).join(' ');
    assert.equal(reason.replace(/\s+/g, ' ').trim(), LONG_REASON);
  });

  test('a pause shows who paused it and why', () => {
    cli.expect(0, ['pause', '1', '--reason', 'the grammar is being redesigned', ...ALICE]);
    const text = view('1');
    assert.match(text, /\n {2}paused {6}by alice: the grammar is being redesigned\n/);
    assert.doesNotMatch(text, /\n {2}lease /, 'the pause ended the lease');
  });
});
