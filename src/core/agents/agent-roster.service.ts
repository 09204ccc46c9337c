// The person's view of the agents (list_agents): each agent seen lately or holding a task, with
// its sessions, its leases, when it was last seen and its latest handoffs; and the text that
// connects a new agent (get_connect_config), built like `orchestron mcp config` builds it.
import { AGENT_LIST_LIMITS, type Agent } from '../../shared/operations/agents.ops.ts';
import {
  chooseLauncher,
  clientConfig,
  MCP_CLIENTS,
  type McpTarget,
} from '../../shared/mcp/mcp-config.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { CoreService } from '../core-service.ts';
import type { FeatureServices } from '../handlers.ts';
import { createAgentRosterRepo, type AgentRosterRepo } from '../store/agent-roster.repo.ts';
import { launcherFactsFor } from './mcp-launcher.ts';

const CLIENT_LABELS = { claude: 'Claude Code', cursor: 'Cursor', codex: 'Codex' } as const;
const HOUR_MS = 3_600_000;

export class AgentRosterService extends CoreService {
  private readonly roster: AgentRosterRepo;
  private readonly connectTarget: () => McpTarget | null;

  constructor(services: FeatureServices) {
    super(services);
    this.roster = createAgentRosterRepo(services.store.db);
    this.connectTarget = services.connectTarget;
  }

  list(input: OperationArgs<'list_agents'>): OperationOutput<'list_agents'> {
    const now = this.clock.now();
    const since = new Date(Date.parse(now) - input.hours * HOUR_MS).toISOString();
    return this.store.read(() => {
      const agents = new Map<string, Agent>();
      const entry = (name: string): Agent => {
        let agent = agents.get(name);
        if (!agent) {
          agent = { agent: name, sessions: [], last_seen_at: null, leases: [], handoffs: [] };
          agents.set(name, agent);
        }
        return agent;
      };
      for (const row of this.roster.sessionsSince(since)) {
        const agent = entry(row.agent);
        const { id, transport, started_at, last_seen_at, ended_at } = row;
        agent.sessions.push({ session_id: id, transport, started_at, last_seen_at, ended_at });
        if (agent.last_seen_at === null || last_seen_at > agent.last_seen_at)
          agent.last_seen_at = last_seen_at;
      }
      for (const { holder, ...lease } of this.roster.heldLeases()) entry(holder).leases.push(lease);
      const shown = [...agents.values()].sort(bySeen).slice(0, input.limit);
      for (const agent of shown)
        agent.handoffs = this.roster.handoffsOf(agent.agent, AGENT_LIST_LIMITS.handoffs);
      return { agents: shown, count: agents.size, now };
    });
  }

  connectConfig(input: OperationArgs<'get_connect_config'>): OperationOutput<'get_connect_config'> {
    const target: McpTarget = this.connectTarget() ?? {
      kind: 'stdio',
      launcher: chooseLauncher(launcherFactsFor(this.store.db.name)),
    };
    const clients = input.client ? [input.client] : [...MCP_CLIENTS];
    const configs = clients.map((client) => ({
      client,
      label: CLIENT_LABELS[client],
      text: clientConfig(client, target),
    }));
    return { configs, text: configs.map((config) => config.text).join('\n') };
  }
}

/** Most recently seen first; agents only holding a task (never seen lately) after them, by name. */
function bySeen(a: Agent, b: Agent): number {
  if (a.last_seen_at !== b.last_seen_at) {
    if (a.last_seen_at === null) return 1;
    if (b.last_seen_at === null) return -1;
    return a.last_seen_at < b.last_seen_at ? 1 : -1;
  }
  return a.agent.localeCompare(b.agent);
}
