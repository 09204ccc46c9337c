// Decides whether a task's attempt passed: every check of its verify spec against what its
// commands really did. The output the checks read is every command's output in order, with the
// terminal's \r\n as \n; a check's `actual` is what was there, so a report can show it.
import type { TaskVerifySpec } from '../../shared/workflow/task-run-spec.ts';
import type { CheckResult } from '../store/workflows.repo.ts';

export interface CommandFacts {
  status: string;
  exit_code: number | null;
  signal: string | null;
  head: string;
  tail: string;
  truncated: boolean;
}

/** Longest `actual` shown for an output check: enough to see why it failed, never a flood. */
const ACTUAL_CHARS = 300;

/** What the checks read: head then tail of each command (the middle of a flood is gone). */
export function checkedOutput(commands: readonly CommandFacts[]): string {
  return commands
    .map((command) => command.head + command.tail)
    .join('')
    .replace(/\r\n/g, '\n');
}

function describeEnd(command: CommandFacts): string {
  if (command.exit_code !== null) return String(command.exit_code);
  if (command.status === 'refused') return 'not started';
  if (command.status === 'timed_out') return 'timed out';
  return command.signal ? `killed by ${command.signal}` : command.status;
}

function excerpt(output: string): string {
  const flat = JSON.stringify(output);
  return flat.length <= ACTUAL_CHARS
    ? flat
    : `${flat.slice(0, ACTUAL_CHARS)}… (${output.length} characters)`;
}

/**
 * The checks of `spec` (no spec: the exit code must be 0, as the task-Markdown format says),
 * against `commands`, run until the first that did not end with the expected code. `planned`
 * is how many commands the run spec has: a run that stopped early fails its exit check.
 */
export function verify(
  commands: readonly CommandFacts[],
  planned: number,
  spec: TaskVerifySpec | null,
): CheckResult[] {
  const expected = spec?.exit_code ?? 0;
  const ends = commands.map(describeEnd);
  const allRan = commands.length === planned;
  const results: CheckResult[] = [
    {
      check: 'exit_code',
      expected: `${expected} from each of ${planned} command(s)`,
      actual: ends.length === 0 ? 'no command ran' : ends.join(', '),
      passed: allRan && commands.every((command) => command.exit_code === expected),
    },
  ];
  const output = checkedOutput(commands);
  const truncated = commands.some((command) => command.truncated);
  const note = truncated ? ' (output truncated: head and tail checked)' : '';
  if (spec?.output_pattern !== undefined) {
    const pattern = new RegExp(spec.output_pattern, spec.output_flags ?? '');
    results.push({
      check: 'output_pattern',
      expected: `/${spec.output_pattern}/${spec.output_flags ?? ''}`,
      actual: excerpt(output) + note,
      passed: pattern.test(output),
    });
  }
  if (spec?.output_contains !== undefined) {
    results.push({
      check: 'output_contains',
      expected: JSON.stringify(spec.output_contains),
      actual: excerpt(output) + note,
      passed: output.includes(spec.output_contains),
    });
  }
  return results;
}

export function allPassed(results: readonly CheckResult[]): boolean {
  return results.every((result) => result.passed);
}
