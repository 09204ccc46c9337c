// One line per event of a task's log, for the activity timeline: what happened, in words.
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import { STATUS_LABELS } from './status-moves.ts';

function quoted(text: string | null): string {
  return text ? `: “${text}”` : '';
}

function statusWord(status: keyof typeof STATUS_LABELS): string {
  return STATUS_LABELS[status].toLowerCase();
}

/** What an event did to the task it is about (`taskId`: the task the timeline shows). */
export function describeEvent(event: OrchestronEvent, taskId: number): string {
  switch (event.type) {
    case 'task.created':
      return event.task_id === taskId ? 'created the task' : `added subtask #${event.after.id}`;
    case 'task.updated':
      return `changed ${Object.keys(event.after).join(', ').replaceAll('_', ' ')}`;
    case 'task.status_changed':
      return `moved it from ${statusWord(event.before.status)} to ${statusWord(event.after.status)}`;
    case 'task.deleted':
      return 'deleted it';
    case 'task.ready':
      return 'it became ready: every prerequisite is completed';
    case 'task.waiting_on_failed':
      return 'it now waits on a failed prerequisite';
    case 'task.failure_cleared':
      return 'no prerequisite is failed any more';
    case 'task.prerequisite_reopened':
      return `prerequisite #${event.after.prerequisite.id} was reopened`;
    case 'dependency.added':
      return event.after.task_id === taskId
        ? `made it depend on #${event.after.depends_on}`
        : `made #${event.after.task_id} depend on it`;
    case 'dependency.removed':
      return event.before.task_id === taskId
        ? `removed its dependency on #${event.before.depends_on}`
        : `removed the dependency of #${event.before.task_id} on it`;
    case 'commit.linked':
      return `linked commit ${event.after.hash.slice(0, 10)}${quoted(event.after.message.split('\n', 1)[0] ?? null)}`;
    case 'task.review_requested':
      return 'submitted it for review';
    case 'task.approved':
      return `approved it${quoted(event.after.note)}`;
    case 'task.rejected':
      return `sent it back from review${quoted(event.after.reason)}`;
    case 'task.clarified':
      return `clarified${quoted(event.after.text)}`;
    case 'task.gate_changed':
      return event.after.requires_approval ? 'required approval' : 'lifted the approval gate';
    case 'intervention.requested':
      return `asked${quoted(event.after.question)}`;
    case 'intervention.answered':
      return `answered${quoted(event.after.chosen_option ?? event.after.answer)}`;
    case 'intervention.cancelled':
      return 'withdrew the question';
    case 'task.claimed':
      return `claimed it${event.after.expires_at ? ' with a lease' : ''}`;
    case 'task.released':
      return `released it${quoted(event.after.reason)}`;
    case 'task.lease_expired':
      return `lease of ${event.before.holder} expired`;
    case 'task.paused':
      return `paused it${quoted(event.after.reason)}`;
    case 'task.resumed':
      return 'resumed it';
    case 'task.progress':
      return `progress ${event.after.progress}%${quoted(event.after.note)}`;
    case 'task.checkpoints_changed':
      return `updated the checkpoints (${event.after.progress}%)`;
    case 'context.saved':
      return 'saved its context';
    case 'handoff.prepared':
      return 'prepared a handoff';
    case 'artifact.stored':
      return `${event.before ? 'replaced' : 'stored'} artifact ${event.after.name}`;
    case 'run.started':
      return `started a ${event.after.language} run`;
    case 'run.finished':
      return `run ${event.after.status}${event.after.exit_code === null ? '' : ` (exit ${event.after.exit_code})`}`;
    default:
      return event.type.replace('.', ' ').replaceAll('_', ' ');
  }
}

/** Who did it, without the session suffix agents carry ("agent:claude#s1" reads "agent:claude"). */
export function actorName(actor: string): string {
  return actor.replace(/#.*$/, '');
}
