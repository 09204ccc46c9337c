// Project operations: a project groups the tasks about one code base.
import { z } from 'zod';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { defineOperation, READ_ONLY, WRITE } from './operation.ts';

export const ProjectSchema = z.object({
  id: z.int(),
  name: z.string(),
  description: z.string(),
  root_path: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export type Project = z.infer<typeof ProjectSchema>;

export const ProjectNameInput = z
  .string()
  .trim()
  .min(1, { error: 'name must not be empty' })
  .max(TASK_LIMITS.shortText, { error: `name must be at most ${TASK_LIMITS.shortText} characters` })
  .regex(/\D/, {
    error: 'a project name must not be only digits (digits are read as a project id)',
  });

export const createProject = defineOperation({
  name: 'create_project',
  description: 'Create a project: a named set of tasks about one code base. Names are unique.',
  input: z.strictObject({
    name: ProjectNameInput,
    description: z.string().max(TASK_LIMITS.description).default(''),
    root_path: z.string().trim().min(1).max(TASK_LIMITS.pathLength).nullable().default(null),
  }),
  output: z.object({ project: ProjectSchema, message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['project', 'create'], positional: ['name'] },
});

export const listProjects = defineOperation({
  name: 'list_projects',
  description: 'List all projects with their task counts.',
  input: z.strictObject({}),
  output: z.object({
    projects: z.array(ProjectSchema.extend({ task_count: z.int() })),
  }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['project', 'list'] },
});

export const projectOperations = { create_project: createProject, list_projects: listProjects };
