// The table of loaded tasks, in id order as list_tasks returns them.
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { TaskRow } from './task-row.tsx';

export function TaskTable({ tasks }: { tasks: readonly Task[] }) {
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
