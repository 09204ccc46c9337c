// PRD intake: a product requirements document read into a preview (features, user stories,
// requirements, acceptance criteria, proposed tasks with dependencies, warnings) that nothing
// stores, and the import that turns a preview (or a document) into tasks in one transaction.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { PRIORITY_LABELS, TASK_LIMITS } from '../tasks/task-fields.ts';
import { PriorityInput, ProjectRef, TitleInput } from '../tasks/task-inputs.ts';
import { defineOperation, READ_ONLY, WRITE } from './operation.ts';

export const PRD_LIMITS = {
  /** Characters one parse reads: a 2,000-line PRD is ~150 KB; this leaves room for the largest. */
  content: 2_000_000,
  /** Proposed tasks one preview may carry and one import may create. */
  tasks: 2_000,
  /** Features, stories, requirements or criteria one preview may carry. */
  items: 20_000,
} as const;

const Lines = lazy(() =>
  z
    .strictObject({ start: z.int().positive(), end: z.int().positive() })
    .refine((lines) => lines.end >= lines.start, { error: 'a line range ends before it starts' })
    .describe('1-based first and last line in the PRD'),
);
const Confidence = lazy(() => z.number().min(0).max(1).describe('0..1: how sure the parser is'));
const ItemId = lazy(() =>
  z.string().regex(/^[A-Z]\d{1,6}$/, { error: 'a preview id is a letter and a number, e.g. "T3"' }),
);
const Text = (max: number) => z.string().max(max);

const FeatureSchema = lazy(() =>
  z.strictObject({
    id: ItemId(),
    title: Text(TASK_LIMITS.title),
    description: Text(TASK_LIMITS.description),
    lines: Lines(),
    task_ids: z.array(ItemId()).describe('Proposed tasks that implement the feature'),
    confidence: Confidence(),
  }),
);

const StorySchema = lazy(() =>
  z.strictObject({
    id: ItemId(),
    text: Text(TASK_LIMITS.criterionLength),
    role: Text(TASK_LIMITS.criterionLength),
    want: Text(TASK_LIMITS.criterionLength),
    benefit: Text(TASK_LIMITS.criterionLength).nullable(),
    lines: Lines(),
    task_id: ItemId().nullable(),
    confidence: Confidence(),
  }),
);

const RequirementSchema = lazy(() =>
  z.strictObject({
    id: ItemId(),
    text: Text(TASK_LIMITS.criterionLength),
    kind: z.enum(['functional', 'non_functional', 'constraint', 'done']),
    lines: Lines(),
    feature_id: ItemId().nullable(),
    task_id: ItemId().nullable(),
  }),
);

const CriterionSchema = lazy(() =>
  z.strictObject({
    id: ItemId(),
    text: Text(TASK_LIMITS.criterionLength).min(1),
    lines: Lines(),
    task_id: ItemId().nullable().describe('The proposed task it is attached to'),
  }),
);

const DependencySchema = lazy(() =>
  z.strictObject({
    on: ItemId().describe('The proposed task that must be done first'),
    reason: z.enum(['stated', 'phase_order', 'step_order', 'mention']),
    evidence: Text(500).describe('The words or order it was read from'),
    line: z.int().positive().nullable(),
  }),
);

export const ProposedTaskSchema = lazy(() =>
  z.strictObject({
    id: ItemId(),
    title: Text(TASK_LIMITS.title).min(1),
    description: Text(TASK_LIMITS.description),
    priority: z.enum(PRIORITY_LABELS),
    source: z.enum(['feature', 'phase', 'phase_item', 'step', 'future']),
    feature_id: ItemId().nullable(),
    dependencies: z.array(DependencySchema()).max(TASK_LIMITS.dependencies),
    acceptance_criteria: z
      .array(ItemId())
      .max(TASK_LIMITS.acceptanceCriteria)
      .describe('Ids of the criteria attached to it'),
    lines: Lines(),
    confidence: Confidence(),
    selected: z.boolean().describe('Confidence at or above the threshold: imported by default'),
  }),
);

const WarningSchema = lazy(() =>
  z.strictObject({ line: z.int().positive().nullable(), message: Text(2_000) }),
);

export const PrdPreviewSchema = lazy(() =>
  z.strictObject({
    title: Text(TASK_LIMITS.title),
    digest: z
      .string()
      .regex(/^[0-9a-f]{12}$/, { error: 'digest is the 12 hex digits parse_prd gave' })
      .describe(
        "The PRD text's digest: its tasks are tagged prd-<digest>, so a second import is noticed",
      ),
    format: z.enum(['markdown', 'taskmaster', 'plain']),
    project_id: ProjectRef().nullable(),
    confidence_threshold: z.number().min(0).max(1),
    features: z.array(FeatureSchema()).max(PRD_LIMITS.items),
    user_stories: z.array(StorySchema()).max(PRD_LIMITS.items),
    requirements: z.array(RequirementSchema()).max(PRD_LIMITS.items),
    acceptance_criteria: z.array(CriterionSchema()).max(PRD_LIMITS.items),
    tasks: z.array(ProposedTaskSchema()).max(PRD_LIMITS.tasks, {
      error: `a preview may propose at most ${PRD_LIMITS.tasks} tasks; split the PRD`,
    }),
    warnings: z.array(WarningSchema()).max(PRD_LIMITS.items),
  }),
);

export type PrdPreview = z.infer<ReturnType<typeof PrdPreviewSchema>>;
export type ProposedTask = PrdPreview['tasks'][number];
export type PrdWarning = PrdPreview['warnings'][number];

const Content = lazy(() =>
  z
    .string()
    .max(PRD_LIMITS.content, {
      error: `the PRD is longer than ${PRD_LIMITS.content} characters; split it into several documents`,
    })
    .describe('The PRD text: Markdown, plain text, or a Task Master <context>/<PRD> file'),
);

const parseOptions = () => ({
  generate_tasks: z.boolean().default(true).describe('Propose tasks'),
  analyze_dependencies: z.boolean().default(true).describe('Propose dependencies between tasks'),
  extract_user_stories: z.boolean().default(true),
  parse_acceptance_criteria: z.boolean().default(true),
  confidence_threshold: z
    .number()
    .min(0, { error: 'confidence_threshold must be 0..1' })
    .max(1, { error: 'confidence_threshold must be 0..1' })
    .default(0.5)
    .describe('Tasks at or above it are selected for import'),
});

const PreviewOutput = lazy(() =>
  PrdPreviewSchema().extend({
    summary: z.string().describe('The preview in a few readable lines'),
  }),
);

export const parsePrd = defineOperation({
  name: 'parse_prd',
  description:
    'Read a product requirements document (Markdown or plain text, any language) into a preview of features, user stories, requirements, acceptance criteria and proposed tasks with priorities, dependencies, source lines and confidence; nothing is stored until import_prd.',
  input: () =>
    z.strictObject({
      content: Content(),
      project_id: ProjectRef().optional().describe('Project the tasks are meant for'),
      ...parseOptions(),
    }),
  output: () => PreviewOutput(),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['prd', 'parse'],
    positional: ['content'],
    readText: ['content'],
    render: { kind: 'text', field: 'summary' },
  },
});

const EditSchema = lazy(() =>
  z.strictObject({
    id: ItemId().describe('A proposed task of the preview'),
    title: TitleInput().optional(),
    priority: PriorityInput().optional(),
  }),
);

export const importPrd = defineOperation({
  name: 'import_prd',
  description:
    "Create tasks with their dependencies and acceptance criteria from a PRD preview (as parse_prd returned it, optionally edited) or from a PRD's text, all in one transaction; keep picks which proposed tasks to create (default: the selected ones).",
  input: () =>
    z.strictObject({
      preview: PrdPreviewSchema()
        .extend({ summary: z.string().optional() })
        .optional()
        .describe('A preview from parse_prd, as returned or edited'),
      content: Content().optional().describe('A PRD to parse and import in one step'),
      project_id: ProjectRef().optional(),
      keep: z
        .array(ItemId())
        .max(PRD_LIMITS.tasks)
        .optional()
        .describe('Ids of the proposed tasks to create; default: those selected'),
      edits: z
        .array(EditSchema())
        .max(PRD_LIMITS.tasks)
        .optional()
        .describe('New titles or priorities for proposed tasks'),
      confidence_threshold: z.number().min(0).max(1).optional().describe('With content only'),
      again: z
        .boolean()
        .default(false)
        .describe('Import a PRD whose tasks are already in the project once more'),
    }),
  output: () =>
    z.object({
      project_id: z.int(),
      tasks: z.array(z.object({ preview_id: z.string(), task_id: z.int(), title: z.string() })),
      dependencies: z.int().describe('Dependencies created'),
      dropped_dependencies: z
        .array(z.object({ task: z.string(), on: z.string() }))
        .describe('Dependencies on proposed tasks that were not kept'),
      warnings: z.array(z.string()),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['prd', 'import'],
    positional: ['content'],
    readText: ['content'],
    render: { kind: 'message' },
  },
});

export const prdOperations = {
  parse_prd: parsePrd,
  import_prd: importPrd,
};
