// zod schemas of the values callers send about tasks, with the limits and messages that say
// how to fix a bad value. Single-line texts refuse control characters; long texts allow tabs
// and line breaks only.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { findControlCharacter } from '../text/unicode-checks.ts';
import { PRIORITY_LABELS, TASK_LIMITS, TASK_STATUSES, type TaskStatus } from './task-fields.ts';

export const TaskId = lazy(() =>
  z
    .int({ error: 'a task id must be a whole number, e.g. 12' })
    .positive({ error: 'a task id is a positive whole number, e.g. 12' }),
);

export const TaskStatusSchema = lazy(() =>
  z.enum(TASK_STATUSES, {
    error: `status must be one of ${TASK_STATUSES.join(', ')}`,
  }),
);

/** Task Master's words (and hyphenated spellings) for our statuses. */
export const STATUS_ALIASES: Readonly<Record<string, TaskStatus>> = {
  done: 'completed',
  complete: 'completed',
  'in-progress': 'in_progress',
  'needs-input': 'needs_input',
  todo: 'pending',
  deferred: 'blocked',
  canceled: 'cancelled',
};

const STATUS_WORDS = [...TASK_STATUSES, ...Object.keys(STATUS_ALIASES)] as [string, ...string[]];

/** A status as callers may write it: ours, or an alias such as done or in-progress. */
export const TaskStatusInput = lazy(() =>
  z
    .enum(STATUS_WORDS, {
      error: `status must be one of ${TASK_STATUSES.join(', ')} (or done, in-progress, todo, deferred)`,
    })
    .transform((word): TaskStatus => STATUS_ALIASES[word] ?? (word as TaskStatus))
    // schemas list our statuses only; the aliases are for people and agents used to other tools
    .meta({ enum: [...TASK_STATUSES] }),
);

function controlMessage(field: string, multiline: boolean): string {
  return multiline
    ? `${field} may not contain control characters other than tabs and line breaks; remove them`
    : `${field} must be one line of text without control characters (tabs, line breaks, NUL); remove them`;
}

/** A text of at most `max` characters without control characters (tabs and breaks if multiline). */
export function textInput(field: string, max: number, multiline = false) {
  return z
    .string()
    .max(max, { error: `${field} must be at most ${max} characters; shorten it` })
    .refine((text) => findControlCharacter(text, { multiline }) === null, {
      error: controlMessage(field, multiline),
    });
}

const PRIORITY_HELP = `priority must be 0..4 or one of ${PRIORITY_LABELS.join(', ')} (0 = low, 4 = urgent)`;

export const PriorityInput = lazy(() =>
  z
    .union(
      [
        z
          .int({ error: PRIORITY_HELP })
          .min(0, { error: PRIORITY_HELP })
          .max(4, { error: PRIORITY_HELP }),
        z.enum(PRIORITY_LABELS),
      ],
      { error: PRIORITY_HELP },
    )
    .transform((value) => (typeof value === 'number' ? value : PRIORITY_LABELS.indexOf(value)))
    .describe('0..4 or low|medium|high|critical|urgent'),
);

export const ProjectRef = lazy(() =>
  z
    .union([z.int().positive(), textInput('project', TASK_LIMITS.shortText).trim().min(1)], {
      error: 'project_id must be a project id (number) or a project name',
    })
    .describe("Project id or name; default: your folder's project"),
);

export const TitleInput = lazy(() =>
  textInput('title', Number.MAX_SAFE_INTEGER)
    .trim()
    .min(1, { error: 'title must not be empty; give the task a short name' })
    .max(TASK_LIMITS.title, {
      error: `title must be at most ${TASK_LIMITS.title} characters; move the rest into description`,
    }),
);

export const DescriptionInput = lazy(() => textInput('description', TASK_LIMITS.description, true));
export const DetailsInput = lazy(() => textInput('details', TASK_LIMITS.details, true));
export const TestStrategyInput = lazy(() =>
  textInput('test_strategy', TASK_LIMITS.testStrategy, true),
);
export const ShortTextInput = (field: string) =>
  textInput(field, Number.MAX_SAFE_INTEGER)
    .trim()
    .min(1, { error: `${field} must not be empty; pass null to clear it` })
    .max(TASK_LIMITS.shortText, {
      error: `${field} must be 1..${TASK_LIMITS.shortText} characters`,
    });

export const TagInput = lazy(() =>
  textInput('a tag', Number.MAX_SAFE_INTEGER)
    .trim()
    .min(1, { error: 'a tag must not be empty' })
    .max(TASK_LIMITS.tagLength, {
      error: `each tag must be at most ${TASK_LIMITS.tagLength} characters`,
    })
    .regex(/^[^\s,]+$/, {
      error: 'a tag may not contain spaces or commas; use e.g. "backend" or "ui-v2"',
    }),
);

/** Tags keep the spelling first given; "UI" and "ui" are the same tag. */
export const TagsInput = lazy(() =>
  z
    .array(TagInput())
    .max(TASK_LIMITS.tags, { error: `a task may have at most ${TASK_LIMITS.tags} tags` })
    .transform((tags) => {
      const seen = new Set<string>();
      return tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
    }),
);

const CriterionText = lazy(() =>
  textInput('an acceptance criterion', TASK_LIMITS.criterionLength)
    .trim()
    .min(1, { error: 'an acceptance criterion must not be empty' }),
);

export const CriterionSchema = lazy(() =>
  z.strictObject({ text: CriterionText(), done: z.boolean() }),
);

export const CriteriaInput = lazy(() =>
  z
    .array(
      z.union(
        [
          CriterionText(),
          z.strictObject({ text: CriterionText(), done: z.boolean().default(false) }),
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
    .describe('In order: texts, or { text, done }'),
);

const LineNumber = lazy(() => z.int().positive().max(10_000_000));

export const FileRefSchema = lazy(() =>
  z
    .strictObject({
      path: textInput('a file path', Number.MAX_SAFE_INTEGER)
        .trim()
        .min(1, { error: 'a file path must not be empty' })
        .max(TASK_LIMITS.pathLength, {
          error: `a file path must be at most ${TASK_LIMITS.pathLength} characters`,
        }),
      line_start: LineNumber().nullable().default(null),
      line_end: LineNumber().nullable().default(null),
      note: textInput('a file note', TASK_LIMITS.noteLength, true).nullable().default(null),
    })
    .refine(
      (ref) => ref.line_end === null || (ref.line_start !== null && ref.line_end >= ref.line_start),
      {
        error:
          'a file reference needs line_start <= line_end (and line_start when line_end is given)',
      },
    ),
);

export const FileRefsInput = lazy(() =>
  z.array(FileRefSchema()).max(TASK_LIMITS.fileRefs, {
    error: `a task may have at most ${TASK_LIMITS.fileRefs} file references`,
  }),
);

export const FileRefOutput = lazy(() =>
  z.object({
    path: z.string(),
    line_start: z.int().nullable(),
    line_end: z.int().nullable(),
    note: z.string().nullable(),
  }),
);

export const FileRefDocument = lazy(() =>
  z.strictObject({
    path: z.string().min(1),
    line_start: z.int().positive().nullable(),
    line_end: z.int().positive().nullable(),
    note: z.string().nullable(),
  }),
);

const Coordinate = lazy(() => z.number().min(-1e9).max(1e9));
export const PositionSchema = lazy(() => z.strictObject({ x: Coordinate(), y: Coordinate() }));

export const DependencyIdsInput = lazy(() =>
  z
    .array(TaskId())
    .max(TASK_LIMITS.dependencies, {
      error: `a task may depend on at most ${TASK_LIMITS.dependencies} tasks`,
    })
    .transform((ids) => [...new Set(ids)]),
);

export const HoursInput = lazy(() =>
  z.number().positive().max(10_000).describe('Estimated hours of work'),
);
export const ComplexityInput = lazy(() =>
  z.number().min(1).max(10).describe('Complexity score 1..10'),
);
export const ProgressInput = lazy(() => z.int().min(0).max(100).describe('Percent done, 0..100'));
