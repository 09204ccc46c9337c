// The list's filters: a search box (text, or #id) and a status choice (any, open, ready, or one
// status). Sorting is on the column headers.
import { TASK_STATUSES } from '../../../shared/tasks/task-fields.ts';
import type { StatusFilter } from './list-view.ts';
import { useListOptions } from './list-options.ts';

export function ListControls() {
  const text = useListOptions((state) => state.options.text);
  const status = useListOptions((state) => state.options.status);
  const change = useListOptions((state) => state.change);
  return (
    <div className="list-controls" role="search">
      <input
        type="search"
        className="list-controls__search"
        aria-label="Filter tasks"
        placeholder="Filter by text or #id"
        value={text}
        onChange={(event) => change({ text: event.target.value })}
      />
      <label className="list-controls__status">
        <span>Status</span>
        <select
          aria-label="Filter by status"
          value={status}
          onChange={(event) => change({ status: event.target.value as StatusFilter })}
        >
          <option value="all">any</option>
          <option value="open">open (not done)</option>
          <option value="ready">ready</option>
          {TASK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
