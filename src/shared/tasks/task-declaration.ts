// The task's fields, declared once: each with the shape callers receive, what may be written
// (and when), how it is stored, whether the project document carries it, and which views show
// it. The zod schemas, the column mapping, the export document, the create and update inputs
// and the CLI views are all derived from this list; its order is the order callers see.
import { z } from 'zod';
import { DEFAULT_PRIORITY, PRIORITY_LABELS } from './task-fields.ts';
import * as input from './task-inputs.ts';

/** How a field is kept: a column of tasks (JSON-encoded, or as x/y columns), a side table, or derived. */
export type Storage = 'column' | 'json' | 'xy' | 'tags' | 'file_refs' | 'dependencies' | 'derived';

/** Where the CLI shows a field of one task: its summary lines, a text block, or a list block. */
export type DetailView = 'heading' | 'summary' | 'text' | 'list' | 'hidden';

export interface FieldDeclaration {
  output: z.ZodType;
  storage: Storage;
  /** The input schema when callers may write the field. */
  input?: z.ZodType;
  /** create: required, optional (with `initial` when left out), or not accepted. */
  create?: 'required' | 'optional';
  /** Accepted by update_task. */
  update?: boolean;
  /** The value a new task gets when create leaves the field out. */
  initial?: unknown;
  /** In the project document of export_project / import_project (with `document` as its schema). */
  exported?: boolean;
  document?: z.ZodType;
  /** Part of the compact projection agents use for large lists. */
  compact?: boolean;
  detail: DetailView;
}

const nullableText = z.string().nullable();
const nullableNumber = z.number().nullable();
const editableNullable = <S extends z.ZodType>(schema: S) =>
  ({
    input: schema.nullable(),
    create: 'optional',
    update: true,
    initial: null,
    exported: true,
  }) as const;

const system = <S extends z.ZodType>(output: S) =>
  ({ output, storage: 'column', exported: true, detail: 'summary' }) as const;

export const TASK_FIELDS = {
  id: { output: z.int(), storage: 'column', compact: true, detail: 'heading' },
  project_id: { output: z.int(), storage: 'column', detail: 'summary' },
  parent_id: {
    output: z.int().nullable(),
    storage: 'column',
    exported: true,
    document: z.int().positive().nullable(),
    detail: 'summary',
  },
  title: {
    output: z.string(),
    storage: 'column',
    input: input.TitleInput,
    create: 'required',
    update: true,
    exported: true,
    document: z.string().min(1).max(500),
    compact: true,
    detail: 'heading',
  },
  description: {
    output: z.string(),
    storage: 'column',
    input: input.DescriptionInput,
    create: 'optional',
    update: true,
    initial: '',
    exported: true,
    detail: 'text',
  },
  details: {
    output: z.string(),
    storage: 'column',
    input: input.DetailsInput,
    create: 'optional',
    update: true,
    initial: '',
    exported: true,
    detail: 'text',
  },
  test_strategy: {
    output: z.string(),
    storage: 'column',
    input: input.TestStrategyInput,
    create: 'optional',
    update: true,
    initial: '',
    exported: true,
    detail: 'text',
  },
  acceptance_criteria: {
    output: z.array(input.CriterionSchema),
    storage: 'json',
    input: input.CriteriaInput,
    create: 'optional',
    update: true,
    initial: [],
    exported: true,
    detail: 'list',
  },
  status: {
    output: input.TaskStatusSchema,
    storage: 'column',
    initial: 'pending',
    exported: true,
    compact: true,
    detail: 'summary',
  },
  priority: {
    output: z.int(),
    storage: 'column',
    input: input.PriorityInput,
    create: 'optional',
    update: true,
    initial: DEFAULT_PRIORITY,
    exported: true,
    document: z.int().min(0).max(4),
    compact: true,
    detail: 'summary',
  },
  priority_label: { output: z.enum(PRIORITY_LABELS), storage: 'derived', detail: 'hidden' },
  tags: {
    output: z.array(z.string()),
    storage: 'tags',
    input: input.TagsInput,
    create: 'optional',
    update: true,
    initial: [],
    exported: true,
    detail: 'summary',
  },
  dependencies: {
    output: z.array(z.int()),
    storage: 'dependencies',
    input: input.DependencyIdsInput.describe('Ids of tasks this task depends on'),
    create: 'optional',
    initial: [],
    exported: true,
    document: z.array(z.int().positive()),
    compact: true,
    detail: 'summary',
  },
  file_refs: {
    output: z.array(input.FileRefOutput),
    storage: 'file_refs',
    input: input.FileRefsInput,
    create: 'optional',
    update: true,
    initial: [],
    exported: true,
    document: z.array(input.FileRefDocument),
    detail: 'list',
  },
  assignee: {
    output: nullableText,
    storage: 'column',
    ...editableNullable(input.ShortTextInput('assignee')),
    detail: 'summary',
  },
  code_language: {
    output: nullableText,
    storage: 'column',
    ...editableNullable(input.ShortTextInput('code_language')),
    detail: 'summary',
  },
  execution_environment: {
    output: nullableText,
    storage: 'column',
    ...editableNullable(input.ShortTextInput('execution_environment')),
    detail: 'summary',
  },
  complexity_score: {
    output: nullableNumber,
    storage: 'column',
    ...editableNullable(input.ComplexityInput),
    detail: 'summary',
  },
  estimated_hours: {
    output: nullableNumber,
    storage: 'column',
    ...editableNullable(input.HoursInput),
    detail: 'summary',
  },
  progress: {
    output: z.int(),
    storage: 'column',
    input: input.ProgressInput,
    update: true,
    initial: 0,
    exported: true,
    document: z.int().min(0).max(100),
    detail: 'summary',
  },
  version: { ...system(z.int()), document: z.int().positive() },
  created_by: system(z.string()),
  created_at: system(z.string()),
  updated_at: system(z.string()),
  started_at: system(z.string().nullable()),
  completed_at: system(z.string().nullable()),
  position: {
    output: input.PositionSchema.nullable(),
    storage: 'xy',
    ...editableNullable(input.PositionSchema),
    detail: 'summary',
  },
  ready: {
    output: z.boolean().describe('pending with every dependency completed'),
    storage: 'derived',
    detail: 'hidden',
  },
  waiting_on_failed: {
    output: z.boolean().describe('a prerequisite (or one of its own) failed or was cancelled'),
    storage: 'derived',
    detail: 'hidden',
  },
} as const satisfies Record<string, FieldDeclaration>;

export type TaskFields = typeof TASK_FIELDS;
export type TaskFieldName = keyof TaskFields;

type FieldsWhere<Condition> = {
  [K in TaskFieldName]: TaskFields[K] extends Condition ? K : never;
}[TaskFieldName];

/** Fields kept in the tasks table itself. */
export type ColumnField = FieldsWhere<{ storage: 'column' | 'json' | 'xy' }>;
export type CreateField = FieldsWhere<{ create: 'required' | 'optional' }>;
export type UpdateField = FieldsWhere<{ update: true }>;
export type ExportedField = FieldsWhere<{ exported: true }>;
export type CompactField = FieldsWhere<{ compact: true }>;

export const FIELD_NAMES = Object.keys(TASK_FIELDS) as TaskFieldName[];

function namesWhere<K extends TaskFieldName>(
  test: (field: FieldDeclaration) => boolean,
): readonly K[] {
  return FIELD_NAMES.filter((name) => test(TASK_FIELDS[name])) as K[];
}

export const COLUMN_FIELDS = namesWhere<ColumnField>((f) =>
  ['column', 'json', 'xy'].includes(f.storage),
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
  const field: FieldDeclaration = TASK_FIELDS[name];
  const value = field.initial;
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}
