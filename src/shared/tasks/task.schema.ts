// The shapes tasks take when they leave the core (full, compact, references), derived from the
// task declaration, and the input pieces operations reuse.
import { z } from 'zod';
import {
  COMPACT_FIELDS,
  FIELD_NAMES,
  TASK_FIELDS,
  type CompactField,
  type TaskFields,
} from './task-declaration.ts';
import { TaskStatusSchema } from './task-inputs.ts';

export * from './task-inputs.ts';

type Outputs<K extends keyof TaskFields> = { [F in K]: TaskFields[F]['output'] };

function outputs<K extends keyof TaskFields>(names: readonly K[]): Outputs<K> {
  return Object.fromEntries(names.map((name) => [name, TASK_FIELDS[name].output])) as Outputs<K>;
}

export const TaskSchema = z.object(outputs(FIELD_NAMES));

export const CompactTaskSchema = z.object(outputs<CompactField>(COMPACT_FIELDS));

export const TaskRefSchema = z.object({
  id: z.int(),
  title: z.string(),
  status: TaskStatusSchema,
});

export type Task = z.infer<typeof TaskSchema>;
export type CompactTask = z.infer<typeof CompactTaskSchema>;
export type TaskRef = z.infer<typeof TaskRefSchema>;
export type FileRef = Task['file_refs'][number];
export type Criterion = Task['acceptance_criteria'][number];
