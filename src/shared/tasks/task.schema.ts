// The shapes tasks take when they leave the core (full, compact, references), derived from the
// task declaration, and the input pieces operations reuse.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import {
  COMPACT_FIELDS,
  FIELD_NAMES,
  TASK_FIELDS,
  type CompactField,
  type OutputOf,
  type TaskFieldName,
} from './task-declaration.ts';
import { TaskStatusSchema } from './task-inputs.ts';

export * from './task-inputs.ts';

type Outputs<K extends TaskFieldName> = { [F in K]: OutputOf<F> };

function outputs<K extends TaskFieldName>(names: readonly K[]): Outputs<K> {
  return Object.fromEntries(
    names.map((name) => [name, TASK_FIELDS[name].schemas.output]),
  ) as Outputs<K>;
}

export const TaskSchema = lazy(() => z.object(outputs(FIELD_NAMES)));

export const CompactTaskSchema = lazy(() => z.object(outputs<CompactField>(COMPACT_FIELDS)));

export const TaskRefSchema = lazy(() =>
  z.object({ id: z.int(), title: z.string(), status: TaskStatusSchema() }),
);

export type Task = z.infer<ReturnType<typeof TaskSchema>>;
export type CompactTask = z.infer<ReturnType<typeof CompactTaskSchema>>;
export type TaskRef = z.infer<ReturnType<typeof TaskRefSchema>>;
export type FileRef = Task['file_refs'][number];
export type Criterion = Task['acceptance_criteria'][number];

/** A status move with what it caused: dependents now ready or waiting on a failure, warnings. */
export const StatusChangeSchema = lazy(() =>
  z.object({
    task: TaskSchema(),
    message: z.string(),
    became_ready: z.array(TaskRefSchema()),
    now_waiting_on_failed: z.array(TaskRefSchema()),
    warnings: z
      .array(z.string())
      .describe('Things the change did not stop but you should know, e.g. reopened work'),
  }),
);
