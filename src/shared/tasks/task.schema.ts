// zod schemas of tasks as they cross every boundary: the input pieces reused by operations,
// and the shapes returned to callers (full and compact).
import { z } from 'zod';
import { PRIORITY_LABELS, TASK_LIMITS, TASK_STATUSES } from './task-fields.ts';

export const TaskId = z
  .int({ error: 'a task id must be a whole number, e.g. 12' })
  .positive({ error: 'a task id is a positive whole number, e.g. 12' });

export const TaskStatusSchema = z.enum(TASK_STATUSES, {
  error: `status must be one of ${TASK_STATUSES.join(', ')}`,
});

const PRIORITY_HELP = `priority must be 0..4 or one of ${PRIORITY_LABELS.join(', ')} (0 = low, 4 = urgent)`;

export const PriorityInput = z
  .union(
    [
      z
        .int({ error: PRIORITY_HELP })
        .min(0, { error: PRIORITY_HELP })
        .max(4, { error: PRIORITY_HELP }),
      z.enum(PRIORITY_LABELS),
    ],
    {
      error: PRIORITY_HELP,
    },
  )
  .transform((value) => (typeof value === 'number' ? value : PRIORITY_LABELS.indexOf(value)))
  .describe('0..4 or low|medium|high|critical|urgent');

export const ProjectRef = z
  .union([z.int().positive(), z.string().trim().min(1).max(TASK_LIMITS.shortText)], {
    error: 'project_id must be a project id (number) or a project name',
  })
  .describe('Project id or name; the default project when omitted');

const text = (field: string, max: number) =>
  z.string().max(max, { error: `${field} must be at most ${max} characters; shorten it` });

export const TitleInput = z
  .string()
  .trim()
  .min(1, { error: 'title must not be empty; give the task a short name' })
  .max(TASK_LIMITS.title, {
    error: `title must be at most ${TASK_LIMITS.title} characters; move the rest into description`,
  });

export const DescriptionInput = text('description', TASK_LIMITS.description);
export const DetailsInput = text('details', TASK_LIMITS.details);
export const TestStrategyInput = text('test_strategy', TASK_LIMITS.testStrategy);
export const ShortTextInput = (field: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(TASK_LIMITS.shortText, {
      error: `${field} must be 1..${TASK_LIMITS.shortText} characters`,
    });

export const TagInput = z
  .string()
  .trim()
  .min(1, { error: 'a tag must not be empty' })
  .max(TASK_LIMITS.tagLength, {
    error: `each tag must be at most ${TASK_LIMITS.tagLength} characters`,
  })
  .regex(/^[^\s,]+$/, {
    error: 'a tag may not contain spaces or commas; use e.g. "backend" or "ui-v2"',
  });

export const TagsInput = z
  .array(TagInput)
  .max(TASK_LIMITS.tags, { error: `a task may have at most ${TASK_LIMITS.tags} tags` })
  .transform((tags) => [...new Set(tags)]);

export const CriterionSchema = z.strictObject({
  text: z.string().trim().min(1).max(TASK_LIMITS.criterionLength),
  done: z.boolean(),
});

export const CriteriaInput = z
  .array(
    z.union(
      [
        z.string().trim().min(1).max(TASK_LIMITS.criterionLength),
        z.strictObject({
          text: z.string().trim().min(1).max(TASK_LIMITS.criterionLength),
          done: z.boolean().default(false),
        }),
      ],
      {
        error: `each acceptance criterion is a text of 1..${TASK_LIMITS.criterionLength} characters or { text, done }`,
      },
    ),
  )
  .max(TASK_LIMITS.acceptanceCriteria, {
    error: `a task may have at most ${TASK_LIMITS.acceptanceCriteria} acceptance criteria`,
  })
  .transform((items) =>
    items.map((item) => (typeof item === 'string' ? { text: item, done: false } : item)),
  )
  .describe('Ordered acceptance criteria: texts, or { text, done }');

export const FileRefSchema = z
  .strictObject({
    path: z.string().trim().min(1).max(TASK_LIMITS.pathLength),
    line_start: z.int().positive().nullable().default(null),
    line_end: z.int().positive().nullable().default(null),
    note: z.string().max(TASK_LIMITS.noteLength).nullable().default(null),
  })
  .refine(
    (ref) => ref.line_end === null || (ref.line_start !== null && ref.line_end >= ref.line_start),
    {
      error:
        'a file reference needs line_start <= line_end (and line_start when line_end is given)',
    },
  );

export const FileRefsInput = z.array(FileRefSchema).max(TASK_LIMITS.fileRefs, {
  error: `a task may have at most ${TASK_LIMITS.fileRefs} file references`,
});

export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });

export const DependencyIdsInput = z
  .array(TaskId)
  .max(TASK_LIMITS.dependencies, {
    error: `a task may depend on at most ${TASK_LIMITS.dependencies} tasks`,
  })
  .transform((ids) => [...new Set(ids)]);

export const HoursInput = z.number().positive().max(10_000).describe('Estimated hours of work');
export const ComplexityInput = z.number().min(1).max(10).describe('Complexity score 1..10');
export const ProgressInput = z.int().min(0).max(100).describe('Percent done, 0..100');

export const TaskRefSchema = z.object({
  id: z.int(),
  title: z.string(),
  status: TaskStatusSchema,
});

export const CompactTaskSchema = z.object({
  id: z.int(),
  title: z.string(),
  status: TaskStatusSchema,
  priority: z.int(),
  dependencies: z.array(z.int()),
});

export const TaskSchema = z.object({
  id: z.int(),
  project_id: z.int(),
  parent_id: z.int().nullable(),
  title: z.string(),
  description: z.string(),
  details: z.string(),
  test_strategy: z.string(),
  acceptance_criteria: z.array(CriterionSchema),
  status: TaskStatusSchema,
  priority: z.int(),
  priority_label: z.enum(PRIORITY_LABELS),
  tags: z.array(z.string()),
  dependencies: z.array(z.int()),
  file_refs: z.array(
    z.object({
      path: z.string(),
      line_start: z.int().nullable(),
      line_end: z.int().nullable(),
      note: z.string().nullable(),
    }),
  ),
  assignee: z.string().nullable(),
  code_language: z.string().nullable(),
  execution_environment: z.string().nullable(),
  complexity_score: z.number().nullable(),
  estimated_hours: z.number().nullable(),
  progress: z.int(),
  version: z.int(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  position: PositionSchema.nullable(),
  ready: z.boolean().describe('pending with every dependency completed'),
  waiting_on_failed: z
    .boolean()
    .describe('a prerequisite (or one of its own) failed or was cancelled'),
});

export type Task = z.infer<typeof TaskSchema>;
export type CompactTask = z.infer<typeof CompactTaskSchema>;
export type TaskRef = z.infer<typeof TaskRefSchema>;
export type FileRef = Task['file_refs'][number];
export type Criterion = z.infer<typeof CriterionSchema>;
