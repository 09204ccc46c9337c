// Which operations an agent sees as tools: by default the loop (find, claim, read, create,
// progress, ask, complete, hand off) so a client's context is not spent on tools/list; `all`, or
// the loop plus named extras. Only agent-facing operations ever become tools.
import { AppError } from '../../shared/errors.ts';
import type { OperationContract } from '../../shared/operations/operation.ts';
import { OPERATIONS } from '../../shared/operations/registry.ts';

/**
 * The loop: claim (claim_next_task finds and claims in one step), read, create, progress, ask,
 * complete, hand off. Its tools/list stays under 12 KB. get_next_task (a look without claiming,
 * with seed 002's planning filters) and start_session (every connection is a session already)
 * come with `--tools all` or by name.
 */
export const DEFAULT_TOOLS: readonly string[] = [
  'claim_next_task',
  'claim_task',
  'release_task',
  'get_task',
  'list_tasks',
  'create_task',
  'update_progress',
  'update_task_status',
  'request_intervention',
  'wait_for_intervention',
  'save_context',
  'prepare_handoff',
  'resume_work',
  'get_notifications',
];

export type ToolSelection = 'default' | 'all' | readonly string[];

/** Every operation an agent may call, in registry order. */
export function agentOperations(): OperationContract[] {
  return (Object.values(OPERATIONS) as OperationContract[]).filter(
    (contract) => contract.audience === 'agent' || contract.audience === 'both',
  );
}

/** The contracts to register for a selection; an unknown or human-only name is refused. */
export function selectTools(selection: ToolSelection): OperationContract[] {
  const available = agentOperations();
  if (selection === 'all') return available;
  const byName = new Map(available.map((contract) => [contract.name, contract]));
  const extras = selection === 'default' ? [] : selection;
  const unknown = extras.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Unknown tool name(s): ${unknown.map((name) => JSON.stringify(name.slice(0, 60))).join(', ')}. Tools are: default, all, or a comma list of ${[...byName.keys()].join(', ')}.`,
      { unknown, tools: [...byName.keys()] },
    );
  }
  const wanted = new Set([...DEFAULT_TOOLS, ...extras]);
  return available.filter((contract) => wanted.has(contract.name));
}

/** Reads `--tools default|all|a,b,c`. */
export function parseToolSelection(text: string | undefined): ToolSelection {
  const trimmed = (text ?? 'default').trim();
  if (trimmed === 'default' || trimmed === '') return 'default';
  if (trimmed === 'all') return 'all';
  const names = trimmed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name !== 'default');
  return names;
}
