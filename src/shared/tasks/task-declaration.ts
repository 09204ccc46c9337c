// The task's fields, declared once: each with how it is stored, what may be written (and when),
// whether the project document carries it, which views show it, and its schemas (built on
// first use). The zod schemas, the column mapping, the export document, the create and update
// inputs and the CLI views are all derived from this list; its order is the order callers see.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TaskRunSpecSchema, TaskVerifySpecSchema } from '../workflow/task-run-spec.ts';
import { DEFAULT_PRIORITY, PRIORITY_LABELS } from './task-fields.ts';
import * as input from './task-inputs.ts';

/** How a field is kept: a column of tasks (JSON, 0/1 for a flag, or x/y), a side table, or derived. */
export type Storage =
  'column' | 'json' | 'flag' | 'xy' | 'tags' | 'file_refs' | 'dependencies' | 'derived';

/** Where the CLI shows a field of one task: its summary lines, a text block, or a list block. */
export type DetailView = 'heading' | 'summary' | 'text' | 'list' | 'hidden';

export interface FieldMeta {
  storage: Storage;
  /** create: required, optional (with `initial` when left out), or not accepted. */
  create?: 'required' | 'optional';
  /** Accepted by update_task. */
  update?: boolean;
  /** The value a new task gets when create leaves the field out. */
  initial?: unknown;
  /** In the project document of export_project / import_project. */
  exported?: boolean;
  /** Part of the compact projection agents use for large lists. */
  compact?: boolean;
  detail: DetailView;
}

export interface FieldSchemas {
  /** The shape callers receive. */
  output: z.ZodType;
  /** What callers may write, when the field is writable. */
  input?: z.ZodType;
  /** The field in a project document, when stricter than `output`. */
  document?: z.ZodType;
}

export type Field<M extends FieldMeta, S extends FieldSchemas> = M & { readonly schemas: S };

/** A field: its facts now, its schemas when first read. */
function field<const M extends FieldMeta, S extends FieldSchemas>(
  meta: M,
  schemas: () => S,
): Field<M, S> {
  const built = lazy(schemas);
  return Object.defineProperty({ ...meta }, 'schemas', { get: built, enumerable: false }) as Field<
    M,
    S
  >;
}

const editable = { create: 'optional', update: true, exported: true } as const;
const nullable = { ...editable, initial: null } as const;
/** Set after creation: update_task and exports carry it, create_task does not take it. */
const runnable = { update: true, exported: true, initial: null } as const;
const system = { storage: 'column', exported: true, detail: 'summary' } as const;

export const TASK_FIELDS = {
  id: field({ storage: 'column', compact: true, detail: 'heading' }, () => ({ output: z.int() })),
  project_id: field({ storage: 'column', detail: 'summary' }, () => ({ output: z.int() })),
  parent_id: field({ storage: 'column', exported: true, detail: 'summary' }, () => ({
    output: z.int().nullable(),
  })),
  title: field(
    {
      storage: 'column',
      create: 'required',
      update: true,
      exported: true,
      compact: true,
      detail: 'heading',
    },
    () => ({ output: z.string(), input: input.TitleInput(), document: z.string().min(1).max(500) }),
  ),
  description: field({ storage: 'column', ...editable, initial: '', detail: 'text' }, () => ({
    output: z.string(),
    input: input.DescriptionInput(),
  })),
  details: field({ storage: 'column', ...editable, initial: '', detail: 'text' }, () => ({
    output: z.string(),
    input: input.DetailsInput(),
  })),
  test_strategy: field({ storage: 'column', ...editable, initial: '', detail: 'text' }, () => ({
    output: z.string(),
    input: input.TestStrategyInput(),
  })),
  acceptance_criteria: field({ storage: 'json', ...editable, initial: [], detail: 'list' }, () => ({
    output: z.array(input.CriterionSchema()),
    input: input.CriteriaInput(),
  })),
  status: field(
    { storage: 'column', initial: 'pending', exported: true, compact: true, detail: 'summary' },
    () => ({ output: input.TaskStatusSchema() }),
  ),
  priority: field(
    { storage: 'column', ...editable, initial: DEFAULT_PRIORITY, compact: true, detail: 'summary' },
    () => ({ output: z.int(), input: input.PriorityInput(), document: z.int().min(0).max(4) }),
  ),
  priority_label: field({ storage: 'derived', detail: 'hidden' }, () => ({
    output: z.enum(PRIORITY_LABELS),
  })),
  tags: field({ storage: 'tags', ...editable, initial: [], detail: 'summary' }, () => ({
    output: z.array(z.string()),
    input: input.TagsInput(),
  })),
  dependencies: field(
    {
      storage: 'dependencies',
      create: 'optional',
      initial: [],
      exported: true,
      compact: true,
      detail: 'summary',
    },
    () => ({
      output: z.array(z.int()),
      input: input.DependencyIdsInput().describe('Ids of tasks this task depends on'),
      document: z.array(z.int().positive()),
    }),
  ),
  file_refs: field({ storage: 'file_refs', ...editable, initial: [], detail: 'list' }, () => ({
    output: z.array(input.FileRefOutput()),
    input: input.FileRefsInput(),
    document: z.array(input.FileRefDocument()),
  })),
  assignee: field({ storage: 'column', ...nullable, detail: 'summary' }, () => ({
    output: z.string().nullable(),
    input: input.ShortTextInput('assignee').nullable(),
  })),
  code_language: field({ storage: 'column', ...nullable, detail: 'summary' }, () => ({
    output: z.string().nullable(),
    input: input.ShortTextInput('code_language').nullable(),
  })),
  execution_environment: field({ storage: 'column', ...nullable, detail: 'summary' }, () => ({
    output: z.string().nullable(),
    input: input.ShortTextInput('execution_environment').nullable(),
  })),
  complexity_score: field({ storage: 'column', ...nullable, detail: 'summary' }, () => ({
    output: z.number().nullable(),
    input: input.ComplexityInput().nullable(),
  })),
  estimated_hours: field({ storage: 'column', ...nullable, detail: 'summary' }, () => ({
    output: z.number().nullable(),
    input: input.HoursInput().nullable(),
  })),
  progress: field(
    { storage: 'column', update: true, initial: 0, exported: true, detail: 'summary' },
    () => ({ output: z.int(), input: input.ProgressInput(), document: z.int().min(0).max(100) }),
  ),
  requires_approval: field(
    { storage: 'flag', ...editable, initial: false, detail: 'summary' },
    () => ({
      output: z.boolean().describe("an agent's completion waits for a person's approval"),
      input: z
        .boolean({ error: 'requires_approval must be true or false' })
        .describe("Whether an agent's completion must wait for a person's approval"),
      // documents exported before gates existed carry no such field: no gate
      document: z.boolean().optional(),
    }),
  ),
  // what the workflow executor runs for the task, and what must hold for it to count as done;
  // set with update_task (or import_workflow), not create_task, which stays small for agents
  run_spec: field({ storage: 'json', ...runnable, detail: 'summary' }, () => ({
    output: TaskRunSpecSchema().nullable(),
    input: TaskRunSpecSchema().nullable(),
    // documents exported before the executor existed carry no run spec
    document: TaskRunSpecSchema().nullable().optional(),
  })),
  verify_spec: field({ storage: 'json', ...runnable, detail: 'summary' }, () => ({
    output: TaskVerifySpecSchema().nullable(),
    input: TaskVerifySpecSchema().nullable(),
    document: TaskVerifySpecSchema().nullable().optional(),
  })),
  version: field(system, () => ({ output: z.int(), document: z.int().positive() })),
  created_by: field(system, () => ({ output: z.string() })),
  created_at: field(system, () => ({ output: z.string() })),
  updated_at: field(system, () => ({ output: z.string() })),
  started_at: field(system, () => ({ output: z.string().nullable() })),
  completed_at: field(system, () => ({ output: z.string().nullable() })),
  // read-only: set by claims and pauses, never by create, update or import
  lease_holder: field({ storage: 'column', compact: true, detail: 'summary' }, () => ({
    output: z.string().nullable().describe('Who has claimed the task; null when nobody has'),
  })),
  lease_expires_at: field({ storage: 'column', detail: 'summary' }, () => ({
    output: z
      .string()
      .nullable()
      .describe("When the holder's lease lapses unless its activity renews it"),
  })),
  // a pause is the person's standing instruction, so it travels in exports (a lease does not:
  // it is a live claim); documents exported before pauses existed carry none
  paused_at: field({ storage: 'column', exported: true, detail: 'hidden' }, () => ({
    output: z.string().nullable(),
    document: z.string().nullable().optional(),
  })),
  paused_by: field({ storage: 'column', exported: true, detail: 'hidden' }, () => ({
    output: z.string().nullable(),
    document: z.string().nullable().optional(),
  })),
  paused_reason: field({ storage: 'column', exported: true, detail: 'summary' }, () => ({
    output: z.string().nullable().describe('Why a person paused the task; agents leave it alone'),
    document: z.string().nullable().optional(),
  })),
  position: field({ storage: 'xy', ...nullable, detail: 'summary' }, () => ({
    output: input.PositionSchema().nullable(),
    input: input.PositionSchema().nullable(),
  })),
  ready: field({ storage: 'derived', detail: 'hidden' }, () => ({
    output: z.boolean().describe('pending with every dependency completed'),
  })),
  waiting_on_failed: field({ storage: 'derived', detail: 'hidden' }, () => ({
    output: z.boolean().describe('a prerequisite (or one of its own) failed or was cancelled'),
  })),
};

export type TaskFields = typeof TASK_FIELDS;
export type TaskFieldName = keyof TaskFields;
/** The schemas of one field. */
export type SchemasOf<K extends TaskFieldName> = TaskFields[K]['schemas'];
export type OutputOf<K extends TaskFieldName> = SchemasOf<K>['output'];

type FieldsWhere<Condition> = {
  [K in TaskFieldName]: TaskFields[K] extends Condition ? K : never;
}[TaskFieldName];

/** Fields kept in the tasks table itself. */
export type ColumnField = FieldsWhere<{ storage: 'column' | 'json' | 'flag' | 'xy' }>;
export type CreateField = FieldsWhere<{ create: 'required' | 'optional' }>;
export type UpdateField = FieldsWhere<{ update: true }>;
export type ExportedField = FieldsWhere<{ exported: true }>;
export type CompactField = FieldsWhere<{ compact: true }>;

export const FIELD_NAMES = Object.keys(TASK_FIELDS) as TaskFieldName[];

function namesWhere<K extends TaskFieldName>(test: (field: FieldMeta) => boolean): readonly K[] {
  return FIELD_NAMES.filter((name) => test(TASK_FIELDS[name])) as K[];
}

export const COLUMN_FIELDS = namesWhere<ColumnField>((f) =>
  ['column', 'json', 'flag', 'xy'].includes(f.storage),
);
export const CREATE_FIELDS = namesWhere<CreateField>((f) => f.create !== undefined);
export const UPDATE_FIELDS = namesWhere<UpdateField>((f) => f.update === true);
export const EXPORTED_FIELDS = namesWhere<ExportedField>((f) => f.exported === true);
export const COMPACT_FIELDS = namesWhere<CompactField>((f) => f.compact === true);

/** The fields of one detail view, in declaration order. */
export function fieldsInView(view: DetailView): TaskFieldName[] {
  return FIELD_NAMES.filter((name) => TASK_FIELDS[name].detail === view);
}

/** The initial value of a created task's field when the caller left it out. */
export function initialValue<K extends TaskFieldName>(name: K): unknown {
  const value = (TASK_FIELDS[name] as FieldMeta).initial;
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}
