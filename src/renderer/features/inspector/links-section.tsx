// The tasks around this one: prerequisites (add and remove; a cycle is refused with the server's
// message naming it), dependents and subtasks (add one by title). Each is a button that selects
// it, so the inspector moves along the graph by keyboard as well.
import { useId, useState } from 'react';
import type { TaskRef } from '../../../shared/tasks/task.schema.ts';
import { useClient } from '../../client/client-context.tsx';
import { useSelection } from '../../stores/selection.ts';
import { StatusBadge } from '../tasks/status-badge.tsx';
import { FieldError } from './editable-field.tsx';
import { AddInput } from './list-field.tsx';
import { attempt, useInspectorModel } from './inspector-context.ts';

function TaskLink({ task, onRemove }: { task: TaskRef; onRemove?: () => void }) {
  const select = useSelection((state) => state.select);
  return (
    <li className="task-link" data-task-id={task.id}>
      <button type="button" className="task-link__open" onClick={() => select(task.id)}>
        <span className="task-link__id">#{task.id}</span> {task.title}
      </button>
      <StatusBadge status={task.status} />
      {onRemove && (
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove the dependency on #${task.id}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </li>
  );
}

/** A one-line form that adds something and shows the server's refusal under itself. */
function AddForm({
  label,
  placeholder,
  onAdd,
}: {
  label: string;
  placeholder: string;
  onAdd: (text: string) => Promise<string | null>;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const message = await onAdd(text);
    setError(message);
    if (!message) setText('');
  };
  return (
    <>
      <div className="inline-form">
        <AddInput
          id={id}
          label={label}
          placeholder={placeholder}
          value={text}
          error={error}
          onChange={setText}
          onAdd={() => void submit()}
        />
        <button type="button" className="button--quiet" onClick={() => void submit()}>
          Add
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}

function List({
  tasks,
  more,
  onRemove,
}: {
  tasks: readonly TaskRef[];
  more: number;
  onRemove?: (id: number) => void;
}) {
  if (tasks.length === 0) return <p className="muted">None.</p>;
  return (
    <>
      <ul className="task-links">
        {tasks.map((task) => (
          <TaskLink key={task.id} task={task} onRemove={onRemove && (() => onRemove(task.id))} />
        ))}
      </ul>
      {more > 0 && <p className="muted">and {more} more</p>}
    </>
  );
}

export interface LinksProps {
  taskId: number;
  projectId: number;
  dependencies: readonly TaskRef[];
  dependents: readonly TaskRef[];
  subtasks: readonly TaskRef[];
  counts: { dependencies: number; dependents: number; subtasks: number };
}

export function LinksSection(props: LinksProps) {
  const client = useClient();
  const model = useInspectorModel();
  const { taskId, counts } = props;
  const [removeError, setRemoveError] = useState<string | null>(null);
  const addDependency = async (text: string) => {
    const dependsOn = Number(text.trim().replace(/^#/, ''));
    const failure = await attempt(model, () =>
      // a text that is no id goes as it is, so the server's message says what it expects
      client.call('add_dependency', {
        task_id: taskId,
        depends_on: Number.isInteger(dependsOn) && text.trim() !== '' ? dependsOn : (text as never),
      }),
    );
    return failure?.message ?? null;
  };
  const removeDependency = async (dependsOn: number) => {
    const failure = await attempt(model, () =>
      client.call('remove_dependency', { task_id: taskId, depends_on: dependsOn }),
    );
    setRemoveError(failure?.message ?? null);
  };
  const addSubtask = async (title: string) => {
    const failure = await attempt(model, () =>
      client.call('create_task', { project_id: props.projectId, parent_id: taskId, title }),
    );
    return failure?.message ?? null;
  };
  return (
    <section className="inspector-section" aria-label="Related tasks">
      <h3>Prerequisites</h3>
      <List
        tasks={props.dependencies}
        more={counts.dependencies - props.dependencies.length}
        onRemove={(id) => void removeDependency(id)}
      />
      <FieldError id={`links-${taskId}-remove`} message={removeError} />
      <AddForm
        label="Add a prerequisite by id"
        placeholder="#id it depends on"
        onAdd={addDependency}
      />
      <h3>Dependents</h3>
      <List tasks={props.dependents} more={counts.dependents - props.dependents.length} />
      <h3>Subtasks</h3>
      <List tasks={props.subtasks} more={counts.subtasks - props.subtasks.length} />
      <AddForm label="New subtask title" placeholder="Add a subtask" onAdd={addSubtask} />
    </section>
  );
}
