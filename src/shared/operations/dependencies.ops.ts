// Dependency operations: the edges of the task DAG. A dependency that would close a cycle is
// refused with CYCLE and the cycle's path.
import { z } from 'zod';
import { TaskId, TaskSchema } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE } from './operation.ts';

const DependencyInput = z.strictObject({
  task_id: TaskId().describe('The task that waits'),
  depends_on: TaskId().describe('The prerequisite it waits for'),
});

export const addDependency = defineOperation({
  name: 'add_dependency',
  description:
    'Make task_id depend on depends_on (task_id cannot become ready until depends_on is completed). Refused with CYCLE if it would close a loop.',
  input: () => DependencyInput,
  output: () => z.object({ task: TaskSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['dep', 'add'],
    positional: ['task_id', 'depends_on'],
    render: { kind: 'message' },
  },
});

export const removeDependency = defineOperation({
  name: 'remove_dependency',
  description: 'Remove the dependency of task_id on depends_on.',
  input: () => DependencyInput,
  output: () => z.object({ task: TaskSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['dep', 'remove'],
    positional: ['task_id', 'depends_on'],
    render: { kind: 'message' },
  },
});

export const dependencyOperations = {
  add_dependency: addDependency,
  remove_dependency: removeDependency,
};
