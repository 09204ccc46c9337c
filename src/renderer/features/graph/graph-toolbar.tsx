// The bar above the canvas: new task, dependency, layout, undo/redo, highlights and filters.
import { useMemo } from 'react';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/tasks/task-fields.ts';
import { describeEdit } from './graph-edits.ts';
import { filterChoices, hasFilters, NO_FILTERS } from './graph-filters.ts';
import { useGraph, useGraphModel, useGraphShallow } from './use-graph.ts';

function Select({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: string | null;
  choices: string[];
  onChange: (value: string | null) => void;
}) {
  return (
    <label className="graph-filter">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">any</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}

function StatusFilter() {
  const model = useGraphModel();
  const statuses = useGraph((state) => state.filters.statuses);
  const toggle = (status: TaskStatus) => {
    const next = statuses.includes(status)
      ? statuses.filter((s) => s !== status)
      : [...statuses, status];
    model.store.getState().setFilters({ statuses: next });
  };
  return (
    <fieldset className="graph-statuses">
      <legend>Status</legend>
      {TASK_STATUSES.map((status) => (
        <label key={status} className={`graph-status badge badge--${status}`}>
          <input
            type="checkbox"
            checked={statuses.includes(status)}
            onChange={() => toggle(status)}
          />
          {status.replace('_', ' ')}
        </label>
      ))}
    </fieldset>
  );
}

export function GraphToolbar({ onNewTask }: { onNewTask: () => void }) {
  const model = useGraphModel();
  const tasks = useGraph((state) => state.data.tasks);
  const choices = useMemo(() => filterChoices(tasks), [tasks]);
  const s = useGraphShallow((state) => ({
    filters: state.filters,
    highlight: state.highlight,
    layingOut: state.layingOut,
    busy: state.historyBusy,
    undo: state.history.past.at(-1),
    redo: state.history.future.at(-1),
    oneSelected: state.selected.size === 1,
  }));
  const store = model.store.getState;
  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph">
      <div className="graph-toolbar__row">
        <button type="button" onClick={onNewTask} aria-keyshortcuts="N">
          New task
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={!s.oneSelected}
          onClick={() => store().openPalette('depend')}
          aria-keyshortcuts="D"
          title="Make the selected task depend on another (D)"
        >
          Add dependency…
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={s.layingOut}
          onClick={() => void model.editor.autoLayout({ record: true })}
          aria-keyshortcuts="L"
        >
          {s.layingOut ? 'Laying out…' : 'Auto-layout'}
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={!s.undo || s.busy}
          onClick={() => void model.undo()}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={s.undo ? `Undo ${describeEdit(s.undo)}` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={!s.redo || s.busy}
          onClick={() => void model.redo()}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          title={s.redo ? `Redo ${describeEdit(s.redo)}` : 'Nothing to redo'}
        >
          Redo
        </button>
        <button
          type="button"
          className="button--quiet"
          onClick={() => store().openPalette('focus')}
          aria-keyshortcuts="Control+K Meta+K"
        >
          Find task… <kbd>Ctrl K</kbd>
        </button>
        <label className="graph-toggle">
          <input
            type="checkbox"
            checked={s.highlight.critical}
            onChange={() => store().toggleHighlight('critical')}
          />
          critical path
        </label>
        <label className="graph-toggle">
          <input
            type="checkbox"
            checked={s.highlight.ready}
            onChange={() => store().toggleHighlight('ready')}
          />
          ready
        </label>
      </div>
      <div className="graph-toolbar__row">
        <StatusFilter />
        <Select
          label="Tag"
          value={s.filters.tag}
          choices={choices.tags}
          onChange={(tag) => store().setFilters({ tag })}
        />
        <Select
          label="Assignee"
          value={s.filters.assignee}
          choices={choices.assignees}
          onChange={(assignee) => store().setFilters({ assignee })}
        />
        <Select
          label="Agent"
          value={s.filters.agent}
          choices={choices.agents}
          onChange={(agent) => store().setFilters({ agent })}
        />
        {hasFilters(s.filters) && (
          <button
            type="button"
            className="button--quiet"
            onClick={() => store().setFilters(NO_FILTERS)}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
