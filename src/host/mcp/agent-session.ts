// One MCP connection is one agent session: the agent is named by the client's handshake (or a
// fixed name the endpoint supplies), and the session starts on the first call that needs it,
// through the core's start_session when the registry has it. Every call is made as this caller.
// A connection that closes leaves its session open (see end()).
import { randomBytes } from 'node:crypto';
import type { Caller, Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { isOperationName } from '../../shared/operations/registry.ts';
import { NoticeCheck } from './notices.ts';

/** The operations that open and close a session, when the registry offers them. */
const START: string = 'start_session';
const END: string = 'end_session';
const MAX_AGENT_NAME = 64;

/** A client's name as an agent name: at most 64 of [A-Za-z0-9._-], else "agent". */
export function sanitizeAgentName(name: unknown): string {
  if (typeof name !== 'string') return 'agent';
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_AGENT_NAME);
  return cleaned || 'agent';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The agent and session an operation's output names, if it opened a session. */
export function sessionIn(output: unknown): { agent?: string; session: string } | null {
  if (typeof output !== 'object' || output === null) return null;
  const record = output as Record<string, unknown>;
  const nested =
    typeof record['session'] === 'object' && record['session'] !== null
      ? (record['session'] as Record<string, unknown>)
      : {};
  const session = text(record['session_id']) ?? text(nested['id']) ?? text(nested['session_id']);
  if (session === undefined) return null;
  const agent = text(record['agent']) ?? text(record['agent_name']) ?? text(nested['agent_name']);
  return agent === undefined ? { session } : { agent, session };
}

export interface AgentSessionOptions {
  workspace: Workspace;
  /** Recorded on the session: socket, stdio or http. */
  transport?: string;
  /** A fixed agent name (e.g. from an HTTP header); otherwise the client's handshake name. */
  agent?: string;
}

export class AgentSession {
  /** Whether notices wait for this agent, checked after each of its calls. */
  readonly notices = new NoticeCheck();
  private name: string | null;
  private session: string | null = null;
  private starting: Promise<void> | null = null;
  private ended = false;
  private readonly core: Orchestrator;
  private readonly options: AgentSessionOptions;

  constructor(core: Orchestrator, options: AgentSessionOptions) {
    this.core = core;
    this.options = options;
    this.name = options.agent === undefined ? null : sanitizeAgentName(options.agent);
  }

  get workspace(): Workspace {
    return this.options.workspace;
  }

  /** The agent name, once known. */
  get agent(): string | null {
    return this.name;
  }

  /**
   * The caller for a request from a client that calls itself `clientName`. The first call
   * starts the session, unless it is the call that starts one itself.
   */
  async callerFor(clientName: string | undefined, operation: string): Promise<Caller> {
    this.name ??= sanitizeAgentName(clientName);
    if (this.session === null && operation !== START) {
      this.starting ??= this.start(this.name);
      await this.starting;
    }
    return this.current();
  }

  /** The caller as it stands, without starting anything. */
  current(): Caller {
    const name = this.name ?? 'agent';
    return this.session === null
      ? { kind: 'agent', name }
      : { kind: 'agent', name, session: this.session };
  }

  /** After a successful call: an output that opened a session makes it this connection's. */
  observe(output: unknown): void {
    const opened = sessionIn(output);
    if (!opened) return;
    this.session = opened.session;
    if (opened.agent !== undefined) this.name = sanitizeAgentName(opened.agent);
  }

  /**
   * Ends the session in the core, once (its held tasks go back to the ready set). The socket
   * and the bridge do not call this when a connection closes: a client that restarts should
   * keep its leases, and one that went away is reported when they run out.
   */
  async end(): Promise<void> {
    if (this.ended || this.session === null) return;
    this.ended = true;
    if (!isOperationName(END)) return;
    await this.core
      .call(
        END,
        { session_id: this.session },
        {
          caller: this.current(),
          workspace: this.workspace,
        },
      )
      .catch(() => undefined);
  }

  private async start(name: string): Promise<void> {
    if (!isOperationName(START)) {
      this.session = randomBytes(4).toString('hex');
      return;
    }
    try {
      const output = await this.core.call(
        START,
        this.options.transport === undefined
          ? { agent_name: name }
          : { agent_name: name, transport: this.options.transport },
        {
          caller: { kind: 'agent', name },
          workspace: this.workspace,
        },
      );
      this.observe(output);
    } catch (error) {
      process.stderr.write(
        `orchestron mcp: could not start a session for ${name}: ${String(error)}\n`,
      );
    }
    this.session ??= randomBytes(4).toString('hex');
  }
}
