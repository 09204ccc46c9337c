// A task's status as a coloured badge, and its derived flow markers (ready, waiting on failed).
import type { TaskStatus } from '../../../shared/tasks/task-fields.ts';

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <span className={`badge badge--${status}`}>{status.replace('_', ' ')}</span>;
}

export function FlowMarker({
  ready,
  waitingOnFailed,
}: {
  ready: boolean;
  waitingOnFailed: boolean;
}) {
  if (waitingOnFailed) {
    return (
      <span
        className="marker marker--waiting"
        title="A prerequisite (or one of its own) failed or was cancelled"
      >
        waiting on failed
      </span>
    );
  }
  if (ready) {
    return (
      <span className="marker marker--ready" title="Pending, and every dependency is completed">
        ready
      </span>
    );
  }
  return null;
}
