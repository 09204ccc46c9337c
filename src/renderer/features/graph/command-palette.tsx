// Ctrl/Cmd+K: type part of a title or an id, pick a task with the arrows and Enter. In "focus"
// mode the canvas centres and selects it; in "depend" mode the selected task comes to depend on it.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { searchTasks } from './graph-filters.ts';
import { useGraph, useGraphModel } from './use-graph.ts';

export function CommandPalette({ onFocusTask }: { onFocusTask: (id: number) => void }) {
  const model = useGraphModel();
  const mode = useGraph((state) => state.palette);
  const tasks = useGraph((state) => state.data.tasks);
  const selected = useGraph((state) => state.selected);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => searchTasks(tasks.values(), query), [tasks, query]);
  if (!mode) return null;
  const from = [...selected][0];
  const close = () => {
    setQuery('');
    setActive(0);
    model.store.getState().openPalette(null);
  };
  const choose = (task: Task | undefined) => {
    if (!task) return;
    close();
    if (mode === 'focus') onFocusTask(task.id);
    else if (from !== undefined) void model.editor.connect(task.id, from);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, found.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') choose(found[active]);
    else return;
    event.preventDefault();
  };
  const title = mode === 'focus' ? 'Find a task' : `#${from} depends on…`;
  return (
    <ModalDialog onClose={close} label={title}>
      <div className="palette">
        <input
          autoFocus
          className="palette__input"
          placeholder={
            mode === 'focus' ? 'Find a task by title or #id' : 'The prerequisite, by title or #id'
          }
          value={query}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-results"
          aria-activedescendant={found[active] ? `palette-${found[active].id}` : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette__results" id="palette-results" role="listbox" aria-label={title}>
          {found.map((task, index) => (
            <li
              key={task.id}
              id={`palette-${task.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'palette__item palette__item--active' : 'palette__item'}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(task)}
            >
              <span className="task-node__id">#{task.id}</span> {task.title}
              <span className={`badge badge--${task.status}`}>{task.status.replace('_', ' ')}</span>
            </li>
          ))}
          {found.length === 0 && <li className="palette__empty">No task matches.</li>}
        </ul>
      </div>
    </ModalDialog>
  );
}
