// The shape of an operation contract: declared once here, implemented once in core, and reached
// through every transport (CLI now; MCP, IPC and WebSocket later) by generic loops.
import type { z } from 'zod';

export type Audience = 'agent' | 'human' | 'both';

export interface OperationAnnotations {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
}

export interface CliSpec {
  /** Words after `orchestron`, e.g. ['task', 'create']. */
  command: readonly string[];
  /** Input fields taken as positional arguments, in order. */
  positional?: readonly string[];
  /** Positional fields whose argument is a path to a JSON file (or - for stdin) to read. */
  readFile?: readonly string[];
}

export interface OperationContract<
  N extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  name: N;
  /** One or two sentences written for an AI agent choosing a tool. */
  description: string;
  input: I;
  output: O;
  annotations: OperationAnnotations;
  audience: Audience;
  cli: CliSpec;
}

export function defineOperation<N extends string, I extends z.ZodType, O extends z.ZodType>(
  contract: OperationContract<N, I, O>,
): OperationContract<N, I, O> {
  return contract;
}

export const READ_ONLY: OperationAnnotations = {
  readOnly: true,
  destructive: false,
  idempotent: true,
};
export const WRITE: OperationAnnotations = {
  readOnly: false,
  destructive: false,
  idempotent: false,
};
export const IDEMPOTENT_WRITE: OperationAnnotations = {
  readOnly: false,
  destructive: false,
  idempotent: true,
};
export const DESTRUCTIVE: OperationAnnotations = {
  readOnly: false,
  destructive: true,
  idempotent: false,
};
