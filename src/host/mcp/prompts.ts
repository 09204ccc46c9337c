// The specialist-role prompts (architect, implementer, …): each takes a task id and renders the
// role's brief followed by the task as an agent needs it (what, details, acceptance criteria,
// test strategy, dependencies), read through the core as the connection's agent.
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Orchestrator } from '../../core/orchestrator.ts';
import type { OperationOutput } from '../../shared/operations/registry.ts';
import type { AgentSession } from './agent-session.ts';
import { protocolErrorOf } from './resources.ts';
import { ROLE_BRIEFS, type Role } from './role-texts.ts';
import { clientName } from './tool-loop.ts';

type TaskView = OperationOutput<'get_task'>;

function section(heading: string, body: string | null | undefined): string[] {
  return body && body.trim() ? [`## ${heading}`, body.trim(), ''] : [];
}

/** The role's brief, then the task in Markdown. */
export function renderRolePrompt(role: Role, view: TaskView): string {
  const { task } = view;
  const criteria = task.acceptance_criteria
    .map((criterion) => `- [${criterion.done ? 'x' : ' '}] ${criterion.text}`)
    .join('\n');
  const dependencies = view.dependencies
    .map((dependency) => `- #${dependency.id} ${dependency.title} (${dependency.status})`)
    .join('\n');
  return [
    ROLE_BRIEFS[role],
    '',
    `# Task #${task.id}: ${task.title}`,
    `Status: ${task.status}`,
    '',
    ...section('Description', task.description),
    ...section('Details', task.details),
    ...section('Acceptance criteria', criteria),
    ...section('Test strategy', task.test_strategy),
    ...section('Depends on', dependencies),
  ]
    .join('\n')
    .trimEnd();
}

export function registerRolePrompts(
  server: McpServer,
  core: Orchestrator,
  session: AgentSession,
): void {
  const args = z.object({
    task_id: z.string().regex(/^\d{1,15}$/, { error: 'task_id must be a task id, e.g. 12' }),
  });
  for (const role of Object.keys(ROLE_BRIEFS) as Role[]) {
    server.registerPrompt(
      role,
      {
        title: `${role.charAt(0).toUpperCase()}${role.slice(1)}`,
        description: `Work on a task as its ${role}: the role's brief with the task's context.`,
        argsSchema: args,
      },
      async ({ task_id }, context) => {
        try {
          const caller = await session.callerFor(clientName(server, context), 'get_task');
          const view = await core.call(
            'get_task',
            { task_id: Number(task_id) },
            { caller, workspace: session.workspace },
          );
          return {
            description: `${role} for #${view.task.id} ${view.task.title}`,
            messages: [
              { role: 'user', content: { type: 'text', text: renderRolePrompt(role, view) } },
            ],
          };
        } catch (error) {
          throw protocolErrorOf(error);
        }
      },
    );
  }
}
