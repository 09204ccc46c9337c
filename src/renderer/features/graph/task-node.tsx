// A task on the canvas: title, status colour, priority, who holds it (agent with its lease, or
// assignee), progress, complexity when known, and badges for an open question or a review.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import type { TaskNode as TaskNodeType } from './graph-nodes.ts';
import { useGraphModel } from './use-graph.ts';

/** "4m" or "expired": how long an agent's lease has left, as of the last render. */
function leaseLeft(expiresAt: string | null): string {
  if (!expiresAt) return '';
  const minutes = Math.round((Date.parse(expiresAt) - Date.now()) / 60_000);
  return minutes <= 0 ? 'lease expired' : `lease ${minutes}m`;
}

function Holder({ task }: { task: Task }) {
  if (task.lease_holder)
    return (
      <span className="task-node__holder" title={`Claimed by agent ${task.lease_holder}`}>
        ⚙ {task.lease_holder} · {leaseLeft(task.lease_expires_at)}
      </span>
    );
  if (task.assignee)
    return (
      <span className="task-node__holder" title="Assignee">
        @{task.assignee}
      </span>
    );
  return null;
}

function TaskNodeView({ id, data, selected }: NodeProps<TaskNodeType>) {
  const model = useGraphModel();
  const { task } = data;
  const classes = [
    'task-node',
    `task-node--${task.status}`,
    selected ? 'task-node--selected' : '',
    data.critical ? 'task-node--critical' : '',
    data.readyMark ? 'task-node--ready' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-task-id={id}>
      <Handle type="target" position={Position.Left} aria-label="Depends on (drop here)" />
      <div className="task-node__top">
        <span className="task-node__id">#{task.id}</span>
        <span className={`badge badge--${task.status}`}>{task.status.replace('_', ' ')}</span>
        <span className={`task-node__priority task-node__priority--${task.priority_label}`}>
          {task.priority_label}
        </span>
        {data.questions > 0 && (
          <span
            className="task-node__flag task-node__flag--question"
            title="An open question waits for an answer"
          >
            ? {data.questions}
          </span>
        )}
        {task.status === 'review' && (
          <span
            className="task-node__flag task-node__flag--review"
            title="Waits for a person's review"
          >
            review
          </span>
        )}
      </div>
      <div className="task-node__title" title={task.title}>
        {task.title}
      </div>
      <div className="task-node__meta">
        <Holder task={task} />
        {task.complexity_score !== null && (
          <span className="task-node__complexity" title="Complexity score">
            ◆ {task.complexity_score}
          </span>
        )}
        {data.readyMark && <span className="task-node__ready">ready</span>}
        {data.hasSubtasks && (
          <button
            type="button"
            className="task-node__fold nodrag"
            aria-expanded={!data.collapsed}
            aria-label={
              data.collapsed ? `Show the subtasks of #${id}` : `Fold the subtasks of #${id}`
            }
            onClick={() => model.store.getState().toggleCollapsed(task.id)}
          >
            {data.collapsed ? `▸ ${data.folded} subtasks` : '▾ subtasks'}
          </button>
        )}
      </div>
      <div
        className="task-node__progress"
        role="progressbar"
        aria-valuenow={task.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label="Progress"
      >
        <span style={{ width: `${task.progress}%` }} />
      </div>
      <Handle
        type="source"
        position={Position.Right}
        aria-label="Prerequisite of (drag from here)"
      />
    </div>
  );
}

export const TaskNode = memo(TaskNodeView);
