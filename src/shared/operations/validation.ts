// Parses an operation's input with its schema and turns zod's issues into one VALIDATION error
// that names each bad field and what it accepts.
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { OPERATIONS, type OperationArgs, type OperationName } from './registry.ts';

export function acceptedFields(name: OperationName): string[] {
  const input = OPERATIONS[name].input as unknown as { shape?: Record<string, unknown> };
  return input.shape ? Object.keys(input.shape) : [];
}

function describeIssue(name: OperationName, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? ` in ${path}` : '';
    const accepted = path ? '' : `; ${name} accepts ${acceptedFields(name).join(', ')}`;
    return `unknown field(s)${where}: ${issue.keys.join(', ')}${accepted}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `${path || 'input'} is required`;
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function parseInput<N extends OperationName>(name: N, input: unknown): OperationArgs<N> {
  const result = OPERATIONS[name].input.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data as OperationArgs<N>;
  const problems = result.error.issues.map((issue) => describeIssue(name, issue));
  throw new AppError('VALIDATION', `Invalid ${name} call: ${problems.join('; ')}.`, {
    operation: name,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: describeIssue(name, issue),
    })),
  });
}
