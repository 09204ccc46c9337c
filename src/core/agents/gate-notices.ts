// The notifications approval gates send: to the person (recipient null) when work waits for
// approval, and to the agent when its work is approved, rejected or clarified.
import { callerOf, type CallContext } from '../call-context.ts';
import type { CoreServices } from '../core-service.ts';
import { notify } from '../events/notify.ts';
import type { TaskRecord } from '../store/task-rows.ts';

/** How messages name a task: #12 "Write the API". */
export const label = (task: Pick<TaskRecord, 'id' | 'title'>) => `#${task.id} "${task.title}"`;

/** The agent's name in an actor such as "agent:claude#s1"; null for anyone else. */
export function agentName(actor: string | null | undefined): string | null {
  if (!actor) return null;
  const caller = callerOf(actor);
  return caller.kind === 'agent' ? caller.name : null;
}

/** Writes notifications about tasks, with their events, inside the caller's write. */
export class GateNotices {
  private readonly services: Pick<CoreServices, 'store' | 'emit' | 'clock'>;

  constructor(services: CoreServices) {
    this.services = services;
  }

  send(
    task: Pick<TaskRecord, 'id' | 'project_id'>,
    recipient: string | null,
    kind: string,
    message: string,
    context: CallContext,
  ): void {
    notify(this.services, context, { task, recipient, kind, message });
  }
}
