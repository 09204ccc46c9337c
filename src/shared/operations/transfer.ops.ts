// Export and import of a whole project as one JSON document, losslessly: importing an export
// into an empty database and exporting again gives the same document.
import { z } from 'zod';
import { TASK_STATUSES } from '../tasks/task-fields.ts';
import { CriterionSchema, PositionSchema, ProjectRef } from '../tasks/task.schema.ts';
import { CommitSchema } from './commits.ops.ts';
import { defineOperation, READ_ONLY, WRITE } from './operation.ts';
import { ProjectNameInput, ProjectSchema } from './projects.ops.ts';

export const PROJECT_DOCUMENT_FORMAT = 'orchestron.project';
export const PROJECT_DOCUMENT_VERSION = 1;

const DocumentTask = z.strictObject({
  id: z.int().positive(),
  parent_id: z.int().positive().nullable(),
  title: z.string().min(1).max(500),
  description: z.string(),
  details: z.string(),
  test_strategy: z.string(),
  acceptance_criteria: z.array(CriterionSchema),
  status: z.enum(TASK_STATUSES),
  priority: z.int().min(0).max(4),
  tags: z.array(z.string()),
  dependencies: z.array(z.int().positive()),
  file_refs: z.array(
    z.strictObject({
      path: z.string().min(1),
      line_start: z.int().positive().nullable(),
      line_end: z.int().positive().nullable(),
      note: z.string().nullable(),
    }),
  ),
  assignee: z.string().nullable(),
  code_language: z.string().nullable(),
  execution_environment: z.string().nullable(),
  complexity_score: z.number().nullable(),
  estimated_hours: z.number().nullable(),
  progress: z.int().min(0).max(100),
  version: z.int().positive(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  position: PositionSchema.nullable(),
});

export const ProjectDocumentSchema = z.strictObject({
  format: z.literal(PROJECT_DOCUMENT_FORMAT, {
    error: `not an Orchestron project export: "format" must be "${PROJECT_DOCUMENT_FORMAT}"`,
  }),
  version: z.literal(PROJECT_DOCUMENT_VERSION, {
    error: `this Orchestron reads project documents of version ${PROJECT_DOCUMENT_VERSION}`,
  }),
  project: z.strictObject({
    name: z.string().min(1),
    description: z.string(),
    root_path: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  tasks: z.array(DocumentTask),
  commits: z.array(CommitSchema.extend({ task_id: z.int().positive() }).strict()),
});

export type ProjectDocument = z.infer<typeof ProjectDocumentSchema>;
export type DocumentTask = z.infer<typeof DocumentTask>;

export const exportProject = defineOperation({
  name: 'export_project',
  description:
    'Export a whole project (tasks, dependencies, tags, file refs, commits) as one JSON document.',
  input: z.strictObject({ project_id: ProjectRef.optional() }),
  output: z.object({ document: ProjectDocumentSchema }),
  annotations: READ_ONLY,
  audience: 'human',
  cli: { command: ['export'] },
});

export const importProject = defineOperation({
  name: 'import_project',
  description:
    'Import a project document made by export_project as a new project. Task ids are kept when free, otherwise renumbered.',
  input: z.strictObject({
    document: ProjectDocumentSchema,
    name: ProjectNameInput.optional().describe("Project name to use instead of the document's"),
  }),
  output: z.object({
    project: ProjectSchema,
    task_count: z.int(),
    renumbered: z.boolean(),
    id_map: z.array(z.tuple([z.int(), z.int()])).describe('[old id, new id] pairs when renumbered'),
    message: z.string(),
  }),
  annotations: WRITE,
  audience: 'human',
  cli: { command: ['import'], positional: ['document'], readFile: ['document'] },
});

export const transferOperations = { export_project: exportProject, import_project: importProject };
