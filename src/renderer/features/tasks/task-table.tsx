// The table of loaded tasks, in id order as list_tasks returns them. Rows are keyed by id and
// memoised, so an event re-renders (and React patches) only the row it changed.
import { TaskRow } from './task-row.tsx';
import { useTaskList } from './use-task-list.ts';

export function TaskTable() {
  const tasks = useTaskList((state) => state.tasks);
  if (tasks.length === 0) return null;
  return (
    <div className="table-frame">
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col" className="cell-id">
              ID
            </th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Depends on</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
