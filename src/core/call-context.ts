// Everything a handler knows about its call besides the input: who calls (a person, an agent
// by name and session, the CLI), until when, a signal that stops it, where progress goes, and
// the folder it was made from (which picks the project when the input names none).

export type CallerKind = 'person' | 'agent' | 'cli' | 'system';

export interface Caller {
  kind: CallerKind;
  name: string;
  /** An agent's session, when it has one. */
  session?: string;
}

export interface ProgressReport {
  /** What is being done, e.g. "importing tasks". */
  phase: string;
  done: number;
  total: number;
}

export type ProgressReporter = (report: ProgressReport) => void;

/** Where the caller works: the project of this folder, else this project name, is the default. */
export interface Workspace {
  cwd?: string;
  project?: string;
}

export interface CallContext {
  caller: Caller;
  /** How the caller is recorded on events, e.g. "cli:alice", "agent:claude#s1". */
  actor: string;
  signal: AbortSignal;
  /** Epoch milliseconds after which the call stops with TIMEOUT; null for none. */
  deadline: number | null;
  progress: ProgressReporter;
  /** Where a long call's live output goes as it comes (a run's terminal), when a shell shows it. */
  output: (chunk: string) => void;
  workspace: Workspace;
}

/** What a shell passes: any part of the context; the rest gets defaults. */
export interface CallOptions {
  caller?: Caller;
  actor?: string;
  signal?: AbortSignal;
  deadline?: number | null;
  progress?: ProgressReporter;
  output?: (chunk: string) => void;
  workspace?: Workspace;
}

export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export function actorOf(caller: Caller): string {
  const prefix = caller.kind === 'person' ? 'human' : caller.kind;
  return `${prefix}:${caller.name}${caller.session ? `#${caller.session}` : ''}`;
}

/** Reads "kind:name#session" back into a caller; anything else is a system caller by that name. */
export function callerOf(actor: string): Caller {
  const match = /^(human|agent|cli|system):([^#]+)(?:#(.+))?$/.exec(actor);
  if (!match) return { kind: 'system', name: actor };
  const kind = match[1] === 'human' ? 'person' : (match[1] as Caller['kind']);
  return match[3] ? { kind, name: match[2]!, session: match[3] } : { kind, name: match[2]! };
}

const NEVER = new AbortController().signal;

export function makeContext(options: CallOptions = {}): CallContext {
  const caller = options.caller ?? callerOf(options.actor ?? 'system:orchestron');
  return {
    caller,
    actor: options.actor ?? actorOf(caller),
    signal: options.signal ?? NEVER,
    deadline: options.deadline ?? null,
    progress: options.progress ?? (() => {}),
    output: options.output ?? (() => {}),
    workspace: options.workspace ?? {},
  };
}
