// The task table, virtualised: only the rows in view (plus a few) are in the page, so a project
// of thousands scrolls smoothly. Rows are keyed by task id and memoised, so an event re-renders
// only the row it changed. Column headers sort; the arrow keys move the selection, which opens
// the task in the inspector.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useSelection } from '../../stores/selection.ts';
import { useListOptions } from './list-options.ts';
import { movedIndex, toggledSort, visibleRows, type SortKey } from './list-view.ts';
import { TaskRow } from './task-row.tsx';
import { useTaskList } from './use-task-list.ts';

/** Every row is this tall (CSS keeps it so): a title line and a summary line. */
export const ROW_HEIGHT = 52;
/** The sticky header's height (CSS keeps it so): rows start below it in the scroll frame. */
const HEADER_HEIGHT = 36;
/** Rows rendered beyond the visible ones, so a quick scroll shows no blank band. */
const OVERSCAN = 10;

const COLUMNS: { key: SortKey | null; label: string; className: string }[] = [
  { key: 'id', label: 'ID', className: 'cell-id' },
  { key: 'title', label: 'Title', className: 'cell-title' },
  { key: 'status', label: 'Status', className: 'cell-status' },
  { key: 'priority', label: 'Priority', className: 'cell-priority' },
  { key: null, label: 'Assignee', className: 'cell-assignee' },
  { key: null, label: 'Depends on', className: 'cell-dependencies' },
];

function SortHeader({ column }: { column: (typeof COLUMNS)[number] }) {
  const options = useListOptions((state) => state.options);
  const change = useListOptions((state) => state.change);
  if (!column.key)
    return (
      <th scope="col" className={column.className}>
        {column.label}
      </th>
    );
  const key = column.key;
  const active = options.sort === key;
  const sort = active ? (options.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" className={column.className} aria-sort={sort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => change(toggledSort(options, key))}
      >
        {column.label}
        <span aria-hidden="true">{active ? (options.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </th>
  );
}

export function TaskTable() {
  const tasks = useTaskList((state) => state.tasks);
  const options = useListOptions((state) => state.options);
  const selected = useSelection((state) => state.selectedTaskId);
  const select = useSelection((state) => state.select);
  const rows = useMemo(() => visibleRows(tasks, options), [tasks, options]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // oxlint-disable-next-line react/incompatible-library -- TanStack Virtual's instance is mutable by design; this component re-renders from its onChange, not from memoised reads of it
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const selectedIndex = useMemo(
    () => (selected === null ? -1 : rows.findIndex((task) => task.id === selected)),
    [rows, selected],
  );
  // keep the selected row in view when it changes (from the graph, a link or the keyboard)
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  const onSelect = useCallback((taskId: number) => select(taskId), [select]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const next = movedIndex(event.key, selectedIndex, rows.length);
    if (next === null) return;
    event.preventDefault();
    select(rows[next]!.id);
  };
  if (tasks.length === 0) return null;
  return (
    <div
      className="table-frame"
      ref={scrollRef}
      tabIndex={0}
      aria-label="Tasks: arrow keys choose one to inspect"
      aria-activedescendant={
        selected !== null && selectedIndex >= 0 ? `task-row-${selected}` : undefined
      }
      onKeyDown={onKeyDown}
    >
      <table className="task-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.label} column={column} />
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const task = rows[item.index]!;
            return (
              <TaskRow
                key={task.id}
                task={task}
                top={item.start - HEADER_HEIGHT}
                position={item.index + 1}
                selected={task.id === selected}
                onSelect={onSelect}
              />
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted no-match">No task matches the filter.</p>}
    </div>
  );
}
