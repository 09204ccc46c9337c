// A person's clarifications of a task: kept with it, shown to the agent that reads it (the last
// few, with a count), and announced to the agent holding it or assigned to it.
import { RECENT_CLARIFICATIONS } from '../../shared/operations/gates.ops.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { Store } from '../store/store.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { GateNotices, label } from './gate-notices.ts';
import { requirePerson } from './gates.ts';

/** Longest part of a clarification repeated in its notification; the task holds it whole. */
const NOTIFIED_TEXT = 500;

/** What get_task adds about gates: the latest clarifications, how many there are, the last rejection. */
export function gateDetails(store: Store, taskId: number) {
  return {
    clarifications: store.gates.clarifications(taskId, RECENT_CLARIFICATIONS),
    clarification_count: store.gates.clarificationCount(taskId),
    last_rejection: store.gates.lastRejection(taskId),
  };
}

export class ClarificationService extends CoreService {
  private readonly notices: GateNotices;

  constructor(services: CoreServices) {
    super(services);
    this.notices = new GateNotices(services);
  }

  /** People only: an agent's notes belong in its progress and context, its questions in a request. */
  add(
    input: OperationArgs<'add_clarification'>,
    context: CallContext,
  ): OperationOutput<'add_clarification'> {
    requirePerson(context, 'clarify a task');
    return this.store.write(() => {
      const task = requireTask(this.store, input.task_id);
      const at = this.clock.now();
      const id = this.store.gates.addClarification(task.id, input.text, context.actor, at);
      this.emit.taskClarified(context, task, id, input.text);
      // the agent holding it now, else the one it is assigned to
      const recipient = task.lease_holder ?? task.assignee;
      if (recipient) {
        const shown =
          input.text.length > NOTIFIED_TEXT
            ? `${[...input.text].slice(0, NOTIFIED_TEXT).join('')}… (the whole text is on the task)`
            : input.text;
        const message = `${context.caller.name} clarified ${label(task)}: ${shown}`;
        this.notices.send(task, recipient, 'clarification', message, context);
      }
      return {
        message: `Added a clarification to #${task.id} "${task.title}"${recipient ? `; ${recipient} was notified` : ''}.`,
        clarification: { text: input.text, author: context.actor, at },
        notified: recipient,
      };
    });
  }
}
