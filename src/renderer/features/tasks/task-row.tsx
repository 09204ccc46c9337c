// One task as a row of the virtualised table, placed at its offset: id, title (with the first
// line of its description), status and markers, priority, assignee and the ids it depends on.
import { memo } from 'react';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { FlowMarker, StatusBadge } from './status-badge.tsx';

/** Beyond this many, dependencies are summarised as "+N" to keep rows one line high. */
const SHOWN_DEPENDENCIES = 4;

function Dependencies({ ids }: { ids: readonly number[] }) {
  if (ids.length === 0) return <span className="muted">—</span>;
  const shown = ids.slice(0, SHOWN_DEPENDENCIES);
  const hidden = ids.length - shown.length;
  return (
    <span className="dependencies" title={ids.map((id) => `#${id}`).join(', ')}>
      {shown.map((id) => (
        <span key={id} className="dependency">
          #{id}
        </span>
      ))}
      {hidden > 0 && <span className="muted">+{hidden}</span>}
    </span>
  );
}

interface TaskRowProps {
  task: Task;
  /** Offset from the top of the table body, in pixels. */
  top: number;
  /** 1-based row number among the rows shown, for assistive technology. */
  position: number;
  selected: boolean;
  onSelect: (taskId: number) => void;
}

function TaskRowView({ task, top, position, selected, onSelect }: TaskRowProps) {
  const summary = task.description.split('\n', 1)[0];
  return (
    <tr
      data-task-id={task.id}
      id={`task-row-${task.id}`}
      className={`task-row task-row--${task.status}${selected ? ' task-row--selected' : ''}`}
      aria-rowindex={position + 1}
      aria-selected={selected}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(task.id)}
    >
      <td className="cell-id">#{task.id}</td>
      <td className="cell-title">
        <span className="task-title">{task.title}</span>
        {task.parent_id !== null && (
          <span className="muted subtask-of"> subtask of #{task.parent_id}</span>
        )}
        {summary && <span className="task-summary">{summary}</span>}
      </td>
      <td className="cell-status">
        <StatusBadge status={task.status} />
        <FlowMarker ready={task.ready} waitingOnFailed={task.waiting_on_failed} />
      </td>
      <td className="cell-priority">
        <span className={`priority priority--${task.priority_label}`}>{task.priority_label}</span>
      </td>
      <td className="cell-assignee">
        {task.lease_holder ?? task.assignee ?? <span className="muted">—</span>}
      </td>
      <td className="cell-dependencies">
        <Dependencies ids={task.dependencies} />
      </td>
    </tr>
  );
}

export const TaskRow = memo(TaskRowView);
