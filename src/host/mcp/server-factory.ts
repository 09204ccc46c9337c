// Builds the MCP server one connection (or one HTTP request) talks to: the selected operations
// as tools, the task and graph resources, and the specialist-role prompts, all calling the core
// as one agent session. Every endpoint (socket, stdio bridge, HTTP) serves what this builds.
import { McpServer } from '@modelcontextprotocol/server';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { AgentSession } from './agent-session.ts';
import { registerRolePrompts } from './prompts.ts';
import { registerResources } from './resources.ts';
import { registerTools } from './tool-loop.ts';
import { selectTools, type ToolSelection } from './tool-sets.ts';

export interface McpSessionOptions {
  /** Which tools to list: 'default' (the loop), 'all', or explicit names (added to the default). */
  tools: ToolSelection;
  /** The workspace for project resolution (cwd of the bridge; ORCHESTRON_PROJECT). */
  workspace: Workspace;
  /** How this connection is identified; the factory starts a session when the client names itself. */
  transport: 'socket' | 'stdio' | 'http';
  /** A fixed agent identity (e.g. from an HTTP header), else the client's handshake name. */
  agent?: string;
  /**
   * The agent session to act as. A connection-based endpoint makes one per connection and
   * passes it to every instance the SDK asks the factory for on that connection (serveStdio
   * builds a probe instance for `server/discover`, then the one it serves), so they share one
   * identity. An HTTP endpoint may keep one per agent across requests. Omitted: a new one.
   */
  session?: AgentSession;
}

export const SERVER_INFO = { name: 'orchestron', version: '0.1.0' };

const INSTRUCTIONS =
  'Orchestron holds the task graph you share with a person and other agents. Loop: claim_next_task (or resume_work), get_task, update_progress while you work, update_task_status to complete; request_intervention then wait_for_intervention when you need the person; prepare_handoff before you stop.';

/** Throws VALIDATION for an unknown tool name, before anything is served. */
export function createMcpServer(core: Orchestrator, options: McpSessionOptions): McpServer {
  const contracts = selectTools(options.tools);
  const session =
    options.session ??
    new AgentSession(core, {
      workspace: options.workspace,
      transport: options.transport,
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
  const server = new McpServer(SERVER_INFO, {
    capabilities: { tools: {}, resources: {}, prompts: {} },
    instructions: INSTRUCTIONS,
  });
  registerTools(server, core, session, contracts);
  registerResources(server, core, session);
  registerRolePrompts(server, core, session);
  return server;
}

export { AgentSession };
