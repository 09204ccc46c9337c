// Exit codes and help: 2 for a malformed command line with a hint to --help, 1 with
// error[CODE] for a failed operation (and {"error": …} with --json), 0 and a list of options for --help.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OPERATIONS } from '../../../src/shared/operations/registry.ts';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron usage, errors and help', () => {
  let cli: CliSandbox;
  before(() => (cli = openCliSandbox()));
  after(() => cli.dispose());

  test('unknown commands, unknown options, missing arguments and stray words exit 2 with a hint', () => {
    for (const args of [
      ['bogus'],
      ['task', 'bogus'],
      ['task', 'list', '--bogus'],
      ['task', 'get'],
      ['dep', 'add', '1'],
      ['graph', 'bogus'],
      ['task'],
    ]) {
      const run = cli.expect(2, args);
      assert.match(run.stderr, /error|Usage/, `orchestron ${args.join(' ')} says what is wrong`);
      assert.match(run.stderr, /--help|Usage:/, `orchestron ${args.join(' ')} points to help`);
      assert.equal(run.stdout, '');
    }
    assert.match(cli.expect(2, ['task', 'get']).stderr, /missing required argument 'task_id'/);
  });

  test('operation errors exit 1 with error[CODE]: message, and as JSON on stdout with --json', () => {
    const missing = cli.expect(1, ['task', 'get', '42']);
    assert.match(missing.stderr, /^error\[NOT_FOUND\]: /);
    const invalid = cli.expect(1, ['task', 'create', '--title', 'x', '--priority', 'huge']);
    assert.match(
      invalid.stderr,
      /^error\[VALIDATION\]: Invalid --priority "huge": priority must be 0\.\.4/,
    );
    const status = cli.expect(1, ['task', 'list', '--status', 'bogus']);
    assert.match(
      status.stderr,
      /^error\[VALIDATION\]: Invalid --status .*expected one of pending, in_progress/,
    );
    assert.match(
      cli.expect(1, ['task', 'get', 'abc']).stderr,
      /^error\[VALIDATION\]: Invalid task_id "abc"/,
    );
    assert.match(cli.expect(1, ['task', 'create']).stderr, /^error\[VALIDATION\]: .*title/);
    const missingPart = cli.expect(1, ['task', 'create', '--title', 'x', '--file-refs', '[{}]']);
    assert.match(
      missingPart.stderr,
      /^error\[VALIDATION\]: Invalid --file-refs \[\{\}\]: path is required\./,
    );
    assert.equal(
      cli.json('list_tasks', ['task', 'list']).count,
      0,
      'refused calls changed nothing',
    );
    const asJson = cli.expect(1, ['task', 'get', '42', '--json']);
    const payload = JSON.parse(asJson.stdout) as { error: { code: string; message: string } };
    assert.equal(payload.error.code, 'NOT_FOUND');
    assert.ok(payload.error.message.length > 10);
    assert.match(
      cli.expect(1, ['task', 'create', '--input', '{not json']).stderr,
      /^error\[VALIDATION\]: --input .*not valid JSON/,
    );
  });

  test('a database that cannot be opened is an error, not a crash', () => {
    const run = cli.expect(1, ['--db', cli.dir, 'task', 'list']);
    assert.match(run.stderr, /^error\[[A-Z_]+\]: /);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  test('--help at the top level lists the commands; per command it lists the options; exit 0', () => {
    const top = cli.expect(0, ['--help']);
    for (const word of [
      'task',
      'dep',
      'graph',
      'project',
      'events',
      'export',
      'import',
      'serve',
      '--json',
      '--db',
    ]) {
      assert.ok(top.stdout.includes(word), `top-level help mentions ${word}`);
    }
    const create = cli.expect(0, ['task', 'create', '--help']).stdout.replace(/\s+/g, ' ');
    for (const flag of [
      '--title <text>',
      '--depends-on, --dependencies <ids>',
      '--tag, --tags',
      '--priority',
      '--input <json>',
      '--json',
    ]) {
      assert.ok(create.includes(flag), `task create --help lists ${flag}`);
    }
    assert.match(create, /--priority <value> 0\.\.4 or low\|medium\|high\|critical\|urgent/);
    assert.match(create, /--title <text> title \(required\)/);
    const graph = cli.expect(0, ['help', 'graph']).stdout.replace(/\s+/g, ' ');
    assert.match(
      graph,
      /--format <choice> format \(choices: json, mermaid, dot\) \(default: json\)/,
    );
    assert.match(graph, /--include-completed .*--no-include-completed/);
    assert.match(graph, /Commands: order .* critical-path/);
    assert.match(cli.expect(0, ['task', '--help']).stdout, /create/);
  });

  test('every operation is reachable as a command with help', () => {
    for (const contract of Object.values(OPERATIONS)) {
      const run = cli.expect(0, [...contract.cli.command, '--help']);
      assert.ok(
        run.stdout.includes(`Operation: ${contract.name}`),
        `${contract.cli.command.join(' ')} runs ${contract.name}`,
      );
    }
  });
});
