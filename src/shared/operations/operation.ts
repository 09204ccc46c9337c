// The shape of an operation contract: declared once here, implemented once in core, and reached
// through every transport (CLI, web, MCP) by generic loops. Schemas are built on first use, so
// a command that runs one operation pays for that operation's schemas only.
import type { z } from 'zod';

export type Audience = 'agent' | 'human' | 'both';

export interface OperationAnnotations {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
}

/** How the CLI prints a result when --json is not given. */
export type CliRender =
  /** The one-line `message` of a write. */
  | { kind: 'message' }
  /** A status change as one line: "#2 Write migrations → completed; ready now: #3, #5". */
  | { kind: 'status' }
  /** One task with its neighbours (get_task). */
  | { kind: 'task' }
  /** A list field as a table, with paging footer when the output pages. */
  | { kind: 'list'; field: string; columns?: readonly string[] }
  /** One field as pretty JSON (documents). */
  | { kind: 'document'; field: string }
  /** A text field printed as is, or pretty JSON when it is not text. */
  | { kind: 'text'; field: string }
  /** The message, then the other fields as aligned `key: value` lines; `pairs` as "a → b" lists. */
  | { kind: 'fields'; pairs?: readonly string[] }
  /** A code run (`execution`): its output's head and tail, then one line of how it ended. */
  | { kind: 'run' }
  /** The doctor's report: the sandbox, what it guarantees and lacks, the runtimes. */
  | { kind: 'doctor' };

export interface CliSpec {
  /** Words after `orchestron`, e.g. ['task', 'create']. */
  command: readonly string[];
  /** Other word paths that run the same operation, e.g. ['next'] for ['task', 'next']. */
  aliases?: readonly (readonly string[])[];
  /** Input fields taken as positional arguments, in order. */
  positional?: readonly string[];
  /** Positional fields whose argument is a path to a JSON file (or - for stdin) to read. */
  readFile?: readonly string[];
  /** Positional fields whose argument is a path to a UTF-8 text file (or - for stdin): its text is the value. */
  readText?: readonly string[];
  /** A positional id field that also takes a comma list (1,2,3): one call per id, all in one transaction. */
  each?: string;
  /** A field that names a folder: resolved against the working directory, which is its default. */
  folder?: string;
  /**
   * What the command exits with: a dotted path to a whole-number output field (exec: the run's
   * exit code), or a field whose value is success (0) only when it is one of `ok` (else 1).
   */
  exitCode?: string | { field: string; ok: readonly string[] };
  /** Input values the command uses unless its command line gives them (run waits, with progress). */
  defaults?: Readonly<Record<string, unknown>>;
  /** A positional that, when it names a Markdown file (.md), is read as text into `into` instead. */
  document?: { positional: string; into: string };
  /** The operation's live output (context.output) is written to standard output as it comes. */
  streams?: boolean;
  /** Another operation that takes the call when it recognises the input (import of a Task Master file). */
  divert?: CliDivert;
  render: CliRender;
}

/**
 * A command that serves two formats: when `when` recognises the input built from the command
 * line, `operation` runs instead, with the input `convert` makes, and prints its own result.
 */
export interface CliDivert {
  operation: () => OperationContract;
  when: (input: Record<string, unknown>) => boolean;
  convert: (input: Record<string, unknown>) => Record<string, unknown>;
}

export interface OperationContract<
  N extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  name: N;
  /** One or two sentences written for an AI agent choosing a tool. */
  description: string;
  readonly input: I;
  readonly output: O;
  annotations: OperationAnnotations;
  audience: Audience;
  /**
   * A long-poll that spends most of its time waiting (wait_for_intervention): the core runs it
   * beside other calls instead of one at a time, so its handler may only do short reads.
   */
  waits?: boolean;
  cli: CliSpec;
}

interface ContractDeclaration<
  N extends string,
  I extends z.ZodType,
  O extends z.ZodType,
> extends Omit<OperationContract<N, I, O>, 'input' | 'output'> {
  input: () => I;
  output: () => O;
}

/** Declares a contract whose schemas are built the first time they are read. */
export function defineOperation<N extends string, I extends z.ZodType, O extends z.ZodType>(
  declaration: ContractDeclaration<N, I, O>,
): OperationContract<N, I, O> {
  const { input, output, ...rest } = declaration;
  let inputSchema: I | undefined;
  let outputSchema: O | undefined;
  return {
    ...rest,
    get input() {
      return (inputSchema ??= input());
    },
    get output() {
      return (outputSchema ??= output());
    },
  };
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
