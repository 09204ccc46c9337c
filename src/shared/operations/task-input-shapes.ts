// The create and update inputs of tasks, derived from the task declaration: a field declared
// writable appears in them with its input schema, required or optional as declared.
import { z } from 'zod';
import {
  CREATE_FIELDS,
  TASK_FIELDS,
  UPDATE_FIELDS,
  type CreateField,
  type SchemasOf,
  type TaskFields,
  type UpdateField,
} from '../tasks/task-declaration.ts';

type InputOf<K extends keyof TaskFields> =
  SchemasOf<K> extends { input: infer S extends z.ZodType } ? S : never;

export type CreateShape = {
  [K in CreateField]: TaskFields[K] extends { create: 'required' }
    ? InputOf<K>
    : z.ZodOptional<InputOf<K>>;
};

export type UpdateShape = { [K in UpdateField]: z.ZodOptional<InputOf<K>> };

function inputOf(name: keyof TaskFields): z.ZodType {
  return (TASK_FIELDS[name].schemas as { input?: z.ZodType }).input!;
}

export function createShape(): CreateShape {
  return Object.fromEntries(
    CREATE_FIELDS.map((name) => {
      const schema = inputOf(name);
      const required = (TASK_FIELDS[name] as { create?: string }).create === 'required';
      return [name, required ? schema : schema.optional()];
    }),
  ) as CreateShape;
}

export function updateShape(): UpdateShape {
  return Object.fromEntries(
    UPDATE_FIELDS.map((name) => [name, inputOf(name).optional()]),
  ) as UpdateShape;
}
