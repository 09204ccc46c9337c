// Project operations: a project groups the tasks about one code base, and may be bound to that
// code base's folder so that work started inside it lands in it, the way git finds its repository.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { ProjectRef, textInput } from '../tasks/task-inputs.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY, WRITE } from './operation.ts';

export const ProjectSchema = lazy(() =>
  z.object({
    id: z.int(),
    name: z.string(),
    description: z.string(),
    root_path: z.string().nullable().describe('The folder of the code base the project is about'),
    requires_approval: z
      .boolean()
      .describe("Every agent's completion in this project waits for a person's approval"),
    created_at: z.string(),
    updated_at: z.string(),
  }),
);

export type Project = z.infer<ReturnType<typeof ProjectSchema>>;

export const ProjectNameInput = lazy(() =>
  textInput('name', Number.MAX_SAFE_INTEGER)
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(TASK_LIMITS.shortText, {
      error: `name must be at most ${TASK_LIMITS.shortText} characters`,
    })
    .regex(/\D/, {
      error: 'a project name must not be only digits (digits are read as a project id)',
    }),
);

/** An absolute folder path; shells resolve relative ones against their working directory. */
export const FolderInput = lazy(() =>
  textInput('root_path', TASK_LIMITS.pathLength)
    .trim()
    .min(1, { error: 'root_path must not be empty' })
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, {
      error: 'root_path must be an absolute folder path, e.g. /home/ann/shop',
    }),
);

const ProjectDescription = lazy(() => textInput('description', TASK_LIMITS.description, true));

/** Why a call without project_id lands in the project it does. */
export const ProjectReasonSchema = lazy(() =>
  z.enum(['folder', 'environment', 'current', 'default']),
);

export const createProject = defineOperation({
  name: 'create_project',
  description: 'Create a project: a named set of tasks about one code base. Names are unique.',
  input: () =>
    z.strictObject({
      name: ProjectNameInput(),
      description: ProjectDescription().default(''),
      root_path: FolderInput().nullable().default(null),
    }),
  output: () => z.object({ project: ProjectSchema(), message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['project', 'create'], positional: ['name'], render: { kind: 'message' } },
});

export const initProject = defineOperation({
  name: 'init_project',
  description:
    'Bind a folder (a code base) to a project: the one named, if it has no folder yet, or a new one named after the folder. Work started inside the folder then lands in that project. Running it again changes nothing.',
  input: () =>
    z.strictObject({
      root_path: FolderInput(),
      name: ProjectNameInput()
        .optional()
        .describe("The project's name; the folder's name when omitted"),
      description: ProjectDescription().default(''),
    }),
  output: () => z.object({ project: ProjectSchema(), created: z.boolean(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: {
    command: ['init'],
    positional: ['root_path'],
    folder: 'root_path',
    render: { kind: 'message' },
  },
});

export const updateProject = defineOperation({
  name: 'update_project',
  description:
    "Rename a project, change its description, bind it to a folder (null unbinds), or make agents' completions in it wait for a person's approval.",
  input: () =>
    z.strictObject({
      project_id: ProjectRef(),
      name: ProjectNameInput().optional(),
      description: ProjectDescription().optional(),
      root_path: FolderInput().nullable().optional(),
      requires_approval: z
        .boolean({ error: 'requires_approval must be true or false' })
        .optional()
        .describe("Whether every agent's completion in it waits for a person's approval"),
    }),
  output: () =>
    z.object({ project: ProjectSchema(), changed: z.array(z.string()), message: z.string() }),
  annotations: WRITE,
  audience: 'human',
  cli: {
    command: ['project', 'update'],
    positional: ['project_id'],
    folder: 'root_path',
    render: { kind: 'message' },
  },
});

export const useProject = defineOperation({
  name: 'use_project',
  description:
    'Make a project the current one: calls that name no project and are not made inside a bound folder act on it.',
  input: () => z.strictObject({ project_id: ProjectRef() }),
  output: () => z.object({ project: ProjectSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['project', 'use'], positional: ['project_id'], render: { kind: 'message' } },
});

export const getCurrentProject = defineOperation({
  name: 'get_current_project',
  description:
    'Which project a call without project_id acts on, and why: the folder it was made in, ORCHESTRON_PROJECT, the current project, or the default.',
  input: () => z.strictObject({}),
  output: () =>
    z.object({
      project: ProjectSchema(),
      reason: ProjectReasonSchema(),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['project', 'show'], aliases: [['project']], render: { kind: 'message' } },
});

export const listProjects = defineOperation({
  name: 'list_projects',
  description: 'List all projects with their task counts.',
  input: () => z.strictObject({}),
  output: () =>
    z.object({
      projects: z.array(ProjectSchema().extend({ task_count: z.int() })),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['project', 'list'],
    render: {
      kind: 'list',
      field: 'projects',
      columns: ['id', 'name', 'description', 'task_count', 'root_path'],
    },
  },
});

export const projectOperations = {
  create_project: createProject,
  init_project: initProject,
  update_project: updateProject,
  use_project: useProject,
  get_current_project: getCurrentProject,
  list_projects: listProjects,
};
