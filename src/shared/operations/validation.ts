// Parses an operation's input with its schema and turns zod's issues into one VALIDATION error
// that names each bad field and what it accepts.
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { excerpt } from '../text/excerpt.ts';
import { OPERATIONS, type OperationArgs, type OperationName } from './registry.ts';

export function acceptedFields(name: OperationName): string[] {
  const input = OPERATIONS[name].input as unknown as { shape?: Record<string, unknown> };
  return input.shape ? Object.keys(input.shape) : [];
}

function describeProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return issue.message.replace(/received NaN$/, 'received a number that is not finite');
  if (issue.code === 'invalid_value' && /^Invalid (input|option)/.test(issue.message))
    return `expected one of ${issue.values.map((value) => String(value)).join(', ')}`;
  return issue.message;
}

function describeIssue(name: OperationName, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((key) => excerpt(String(key), 40).replace(/^"|"$/g, '')).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? ` in ${path}` : '';
    const keys = issue.keys
      .slice(0, 5)
      .map((key) => (/^\w{1,40}$/.test(key) ? key : excerpt(key, 40)));
    const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
    const accepted = path ? '' : `; the fields are ${acceptedFields(name).join(', ')}`;
    return `unknown field(s)${where}: ${keys.join(', ')}${more}${accepted}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `${path || 'input'} is required`;
  return path ? `${path}: ${describeProblem(issue)}` : describeProblem(issue);
}

/** Problems named in the message, and kept in the error's details. */
const ISSUES_SHOWN = 5;
const ISSUES_KEPT = 50;

export function parseInput<N extends OperationName>(name: N, input: unknown): OperationArgs<N> {
  const result = OPERATIONS[name].input.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data as OperationArgs<N>;
  const problems = result.error.issues.map((issue) => describeIssue(name, issue));
  // a list of many wrong items fails once per item: name the first few, count the rest
  const shown = problems.slice(0, ISSUES_SHOWN);
  const more =
    problems.length > ISSUES_SHOWN ? `; and ${problems.length - ISSUES_SHOWN} more like them` : '';
  throw new AppError('VALIDATION', `Invalid input: ${shown.join('; ')}${more}.`, {
    operation: name,
    issues: result.error.issues.slice(0, ISSUES_KEPT).map((issue) => ({
      path: issue.path.map(String),
      message: describeIssue(name, issue),
    })),
  });
}
