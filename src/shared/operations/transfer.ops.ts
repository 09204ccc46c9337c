// Export and import of a whole project as one JSON document, losslessly: importing an export
// into an empty database and exporting again gives the same document.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import {
  EXPORTED_FIELDS,
  TASK_FIELDS,
  type ExportedField,
  type OutputOf,
  type SchemasOf,
} from '../tasks/task-declaration.ts';
import { ProjectRef } from '../tasks/task.schema.ts';
import { CommitSchema } from './commits.ops.ts';
import { AppError, placeholder } from '../errors.ts';
import { defineOperation, READ_ONLY, WRITE } from './operation.ts';
import { CHECKPOINT_NAME_LENGTH } from './progress.ops.ts';
import { ProjectNameInput, ProjectSchema } from './projects.ops.ts';
import { importTaskmaster, isTaskMasterDocument } from './taskmaster.ops.ts';

export const PROJECT_DOCUMENT_FORMAT = 'orchestron.project';
export const PROJECT_DOCUMENT_VERSION = 1;

/**
 * Ids an import may keep: far below what numbers hold exactly, so that the ids the store hands
 * out after the largest imported one stay exact too.
 */
export const MAX_IMPORTED_ID = 2 ** 31 - 1;

const DocumentTaskId = lazy(() =>
  z
    .int()
    .positive()
    .max(MAX_IMPORTED_ID, { error: `task ids in a document must be at most ${MAX_IMPORTED_ID}` }),
);

type DocumentShape = {
  [K in ExportedField]: SchemasOf<K> extends { document: infer D extends z.ZodType }
    ? D
    : OutputOf<K>;
};

function documentShape(): DocumentShape {
  return Object.fromEntries(
    EXPORTED_FIELDS.map((name) => {
      const field = TASK_FIELDS[name].schemas as { document?: z.ZodType; output: z.ZodType };
      return [name, field.document ?? field.output];
    }),
  ) as DocumentShape;
}

function buildDocumentSchema() {
  const task = z.strictObject({
    id: DocumentTaskId(),
    ...documentShape(),
    parent_id: DocumentTaskId().nullable(),
    dependencies: z.array(DocumentTaskId()),
  });
  const document = z.strictObject({
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
      // documents exported before gates existed carry no such field: no gate
      requires_approval: z.boolean().optional(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
    tasks: z.array(task),
    commits: z.array(CommitSchema().extend({ task_id: DocumentTaskId() }).strict()),
    // documents exported before checkpoints existed carry none
    checkpoints: z
      .array(
        z.strictObject({
          task_id: DocumentTaskId(),
          position: z.int().positive(),
          name: z.string().min(1).max(CHECKPOINT_NAME_LENGTH),
          done: z.boolean(),
          done_at: z.string().nullable(),
        }),
      )
      .optional()
      .describe("The tasks' named steps, by task and position"),
  });
  return document.describe(
    'A whole project: its tasks with their dependencies, subtasks, tags, file refs, approval gates, pauses and checkpoints, and the commits linked to them. Leases, artifacts, saved contexts and handoffs, questions, clarifications, notifications and the event history are not part of it.',
  );
}

let documentSchema: ReturnType<typeof buildDocumentSchema> | undefined;

/** The project document's schema, built on first use. */
export function projectDocumentSchema() {
  return (documentSchema ??= buildDocumentSchema());
}

export type ProjectDocument = z.infer<ReturnType<typeof buildDocumentSchema>>;
export type DocumentTask = ProjectDocument['tasks'][number];

export const exportProject = defineOperation({
  name: 'export_project',
  description:
    'Export a whole project (tasks, dependencies, tags, file refs, gates, pauses, checkpoints, commits) as one JSON document; leases, artifacts and saved contexts stay out.',
  input: () => z.strictObject({ project_id: ProjectRef().optional() }),
  output: () => z.object({ document: projectDocumentSchema() }),
  annotations: READ_ONLY,
  audience: 'human',
  cli: { command: ['export'], render: { kind: 'document', field: 'document' } },
});

export const importProject = defineOperation({
  name: 'import_project',
  description:
    'Import a project document made by export_project as a new project. Task ids are kept when free, otherwise renumbered.',
  input: () =>
    z.strictObject({
      document: projectDocumentSchema(),
      name: ProjectNameInput().optional().describe("Project name to use instead of the document's"),
    }),
  output: () =>
    z.object({
      project: ProjectSchema(),
      task_count: z.int(),
      renumbered: z.boolean(),
      id_map: z
        .array(z.tuple([z.int(), z.int()]))
        .describe('[old id, new id] pairs when renumbered'),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'human',
  cli: {
    command: ['import'],
    positional: ['document'],
    readFile: ['document'],
    divert: {
      operation: () => importTaskmaster,
      when: (input) => isTaskMasterDocument(input['document']),
      convert: taskMasterInput,
    },
    render: { kind: 'fields' },
  },
});

/**
 * `orchestron import` given a Task Master tasks.json: its text goes to import_taskmaster, which
 * imports into the current project, so a new project's name has no place there.
 */
function taskMasterInput(input: Record<string, unknown>): Record<string, unknown> {
  const { document, name, ...rest } = input;
  if (name !== undefined) {
    throw new AppError(
      'VALIDATION',
      'A Task Master file is imported into an existing project (the one in effect here, or the one project_id names), so a new project name does not apply; create the project first.',
      { name },
      [
        {
          action: 'import into a project by name',
          operation: 'import_taskmaster',
          input: { project_id: placeholder('project'), content: placeholder('tasks.json') },
        },
      ],
    );
  }
  return { ...rest, content: JSON.stringify(document) };
}

export const transferOperations = { export_project: exportProject, import_project: importProject };
