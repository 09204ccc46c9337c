// The person's view of the agents: who has been working lately (sessions, the tasks they hold
// and until when, their last activity and handoffs), and the text that connects a new one.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { MCP_CLIENTS } from '../mcp/mcp-config.ts';
import { TaskStatusSchema } from '../tasks/task-inputs.ts';
import { defineOperation, READ_ONLY } from './operation.ts';

export const AGENT_LIST_LIMITS = {
  /** A day: agents seen since then are "lately", the rest are history. */
  defaultHours: 24,
  /** A month is as far back as the panel looks. */
  maxHours: 720,
  defaultAgents: 50,
  maxAgents: 200,
  /** Handoffs shown per agent: the latest few say where its work stands. */
  handoffs: 3,
} as const;

export const AgentSessionSchema = lazy(() =>
  z.object({
    session_id: z.string(),
    transport: z.string().nullable(),
    started_at: z.string(),
    last_seen_at: z.string(),
    ended_at: z.string().nullable(),
  }),
);

export const AgentLeaseSchema = lazy(() =>
  z.object({
    task_id: z.int(),
    project_id: z.int(),
    title: z.string(),
    status: TaskStatusSchema(),
    session: z.string().nullable(),
    expires_at: z.string().nullable().describe("null for a person's claim, which never expires"),
  }),
);

export const AgentHandoffSchema = lazy(() =>
  z.object({
    id: z.int(),
    task_id: z.int(),
    title: z.string().nullable().describe('null once the task was deleted'),
    prepared_by: z.string(),
    prepared_at: z.string(),
  }),
);

export const AgentSchema = lazy(() =>
  z.object({
    agent: z.string(),
    sessions: z.array(AgentSessionSchema()).describe('Newest first'),
    last_seen_at: z.string().nullable().describe('The latest call of any of its sessions'),
    leases: z.array(AgentLeaseSchema()).describe('The tasks it holds: its current work'),
    handoffs: z.array(AgentHandoffSchema()).describe('Its latest handoffs, newest first'),
  }),
);

export type Agent = z.infer<ReturnType<typeof AgentSchema>>;

export const listAgents = defineOperation({
  name: 'list_agents',
  description:
    'List the agents seen lately: their sessions, the tasks they hold with lease expiry, their last activity and latest handoffs.',
  input: () =>
    z.strictObject({
      hours: z
        .int({ error: 'hours must be a whole number of hours' })
        .min(1, { error: 'hours must be at least 1' })
        .max(AGENT_LIST_LIMITS.maxHours, {
          error: `hours must be at most ${AGENT_LIST_LIMITS.maxHours} (30 days)`,
        })
        .default(AGENT_LIST_LIMITS.defaultHours)
        .describe('Agents seen within this many hours, plus every one holding a task'),
      limit: z
        .int()
        .min(1)
        .max(AGENT_LIST_LIMITS.maxAgents)
        .default(AGENT_LIST_LIMITS.defaultAgents),
    }),
  output: () =>
    z.object({
      agents: z.array(AgentSchema()).describe('Most recently seen first'),
      count: z.int(),
      now: z.string().describe("The core's clock, to judge lease expiry and idleness against"),
    }),
  annotations: READ_ONLY,
  audience: 'human',
  cli: {
    command: ['agents'],
    render: { kind: 'list', field: 'agents', columns: ['agent', 'last_seen_at'] },
  },
});

export const ConnectConfigSchema = lazy(() =>
  z.object({
    client: z.enum(MCP_CLIENTS),
    label: z.string(),
    text: z.string().describe('Exactly what `orchestron mcp config <client>` prints'),
  }),
);

export type ConnectConfig = z.infer<ReturnType<typeof ConnectConfigSchema>>;

export const getConnectConfig = defineOperation({
  name: 'get_connect_config',
  description:
    'The configuration that connects Claude Code, Cursor or Codex to this Orchestron over the stdio bridge, as text to paste.',
  input: () =>
    z.strictObject({
      client: z
        .enum(MCP_CLIENTS, { error: `client must be one of: ${MCP_CLIENTS.join(', ')}` })
        .optional()
        .describe('One client; all three when omitted'),
    }),
  output: () =>
    z.object({
      configs: z.array(ConnectConfigSchema()),
      text: z.string().describe('The configurations one after another'),
    }),
  annotations: READ_ONLY,
  audience: 'human',
  cli: {
    command: ['agents', 'connect'],
    positional: ['client'],
    render: { kind: 'text', field: 'text' },
  },
});

export const agentOperations = {
  list_agents: listAgents,
  get_connect_config: getConnectConfig,
};
