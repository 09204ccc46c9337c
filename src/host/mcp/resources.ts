// Resources an agent can read by address: task://{id} (the task as get_task returns it) and
// project://{id}/graph (the dependency graph as Mermaid). Both read through the core as the
// connection's agent; a failure is a JSON-RPC error carrying the core's message.
import {
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  ResourceTemplate,
  type McpServer,
  type ServerContext,
  type Variables,
} from '@modelcontextprotocol/server';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { toErrorPayload } from '../../shared/errors.ts';
import { messageWithHints } from '../../shared/operations/hint-wording.ts';
import type { AgentSession } from './agent-session.ts';
import { clientName } from './tool-loop.ts';

/** The error a resource read or prompt answers with, worded like a tool's isError text. */
export function protocolErrorOf(error: unknown, uri?: string): ProtocolError {
  const payload = toErrorPayload(error);
  const text = `error[${payload.code}]: ${messageWithHints(payload)}`;
  if (payload.code === 'NOT_FOUND' && uri !== undefined)
    return new ResourceNotFoundError(uri, text);
  return new ProtocolError(ProtocolErrorCode.InvalidParams, text, { error: payload });
}

function variable(variables: Variables, name: string): string {
  const value = variables[name];
  return decodeURIComponent(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
}

/** A numeric id as a number (the schemas refuse anything else with a clear message). */
function idValue(text: string): number | string {
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

export function registerResources(
  server: McpServer,
  core: Orchestrator,
  session: AgentSession,
): void {
  const callerOf = async (context: ServerContext, operation: string) => ({
    caller: await session.callerFor(clientName(server, context), operation),
    workspace: session.workspace,
  });

  server.registerResource(
    'task',
    new ResourceTemplate('task://{id}', { list: undefined }),
    {
      title: 'Task',
      description: 'One task as JSON, with its neighbours.',
      mimeType: 'application/json',
    },
    async (uri, variables, context) => {
      try {
        const task_id = idValue(variable(variables, 'id'));
        const output = await core.call(
          'get_task',
          { task_id },
          await callerOf(context, 'get_task'),
        );
        return {
          contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(output) }],
        };
      } catch (error) {
        throw protocolErrorOf(error, uri.href);
      }
    },
  );

  server.registerResource(
    'project-graph',
    new ResourceTemplate('project://{id}/graph', { list: undefined }),
    {
      title: 'Project graph',
      description: "A project's dependency graph as a Mermaid flowchart (id or name).",
      mimeType: 'text/vnd.mermaid',
    },
    async (uri, variables, context) => {
      try {
        const project_id = idValue(variable(variables, 'id'));
        const output = await core.call(
          'get_task_graph',
          { project_id, format: 'mermaid' },
          await callerOf(context, 'get_task_graph'),
        );
        const text = typeof output.graph === 'string' ? output.graph : JSON.stringify(output.graph);
        return { contents: [{ uri: uri.href, mimeType: 'text/vnd.mermaid', text }] };
      } catch (error) {
        throw protocolErrorOf(error, uri.href);
      }
    },
  );
}
