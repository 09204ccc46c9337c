// The one loop that turns operation contracts into MCP tools: schemas and annotations from the
// contract, every call run through the core as this connection's agent, the result rendered the
// same way for every tool. Nothing here knows any single operation.
import type { McpServer, ServerContext, ToolAnnotations } from '@modelcontextprotocol/server';
import type { Orchestrator } from '../../core/orchestrator.ts';
import type { OperationAnnotations, OperationContract } from '../../shared/operations/operation.ts';
import type { OperationName } from '../../shared/operations/registry.ts';
import type { AgentSession } from './agent-session.ts';
import { advertisedSchema } from './tool-schemas.ts';
import { errorResult, successResult } from './tool-results.ts';

/** Where a 2026-07-28 request carries the client's name (no initialize in that era). */
const CLIENT_INFO_META_KEY = 'io.modelcontextprotocol/clientInfo';

/** The client's own name: from the 2025 handshake, or from the request's envelope. */
export function clientName(server: McpServer, context: ServerContext): string | undefined {
  const envelope = context.mcpReq.envelope as Record<string, unknown> | undefined;
  const info = envelope?.[CLIENT_INFO_META_KEY] as { name?: unknown } | undefined;
  if (typeof info?.name === 'string') return info.name;
  return server.server.getClientVersion()?.name;
}

/**
 * The hints that differ from MCP's defaults (read-only false, destructive true, idempotent
 * false, open-world true): the others would only repeat them in every agent's context. The
 * destructive and idempotent hints mean something only for a tool that writes. Nothing reaches
 * beyond this machine's database, so no tool is open-world.
 */
export function toolAnnotations(annotations: OperationAnnotations): ToolAnnotations {
  if (annotations.readOnly) return { readOnlyHint: true, openWorldHint: false };
  return {
    destructiveHint: annotations.destructive,
    ...(annotations.idempotent ? { idempotentHint: true } : {}),
    openWorldHint: false,
  };
}

export function registerTools(
  server: McpServer,
  core: Orchestrator,
  session: AgentSession,
  contracts: readonly OperationContract[],
): void {
  for (const contract of contracts) {
    const name = contract.name as OperationName;
    server.registerTool(
      name,
      {
        // No title: it would only repeat the name, in every agent's context.
        description: contract.description,
        inputSchema: advertisedSchema(() => contract.input, 'input'),
        outputSchema: advertisedSchema(() => contract.output, 'output'),
        annotations: toolAnnotations(contract.annotations),
      },
      async (args, context) => {
        try {
          const caller = await session.callerFor(clientName(server, context), name);
          const options = { caller, workspace: session.workspace, signal: context.mcpReq.signal };
          const output = await core.call(name, args, options);
          session.observe(output);
          const agent = session.current();
          const notice = await session.notices
            .next(core, agent.name, { ...options, caller: agent })
            .catch(() => null);
          return successResult(output, notice);
        } catch (error) {
          return errorResult(error);
        }
      },
    );
  }
}
