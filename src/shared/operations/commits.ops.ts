// Git commit links: traceability from a task to the commits that implement it.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { TaskId } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE } from './operation.ts';

export const CommitSchema = lazy(() =>
  z.object({
    hash: z.string(),
    message: z.string(),
    author: z.string().nullable(),
    linked_at: z.string(),
    linked_by: z.string(),
  }),
);

export type Commit = z.infer<ReturnType<typeof CommitSchema>>;

export const linkGitCommit = defineOperation({
  name: 'link_git_commit',
  description:
    'Link a git commit to a task for traceability. Linking the same commit again changes nothing.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      commit_hash: z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F]{7,64}$/, {
          error: 'commit_hash must be 7..64 hex digits, e.g. the output of `git rev-parse HEAD`',
        })
        .transform((hash) => hash.toLowerCase()),
      commit_message: z.string().max(TASK_LIMITS.description).default(''),
      author: z.string().trim().min(1).max(TASK_LIMITS.shortText).nullable().default(null),
    }),
  output: () => z.object({ commit: CommitSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['task', 'link-commit'],
    positional: ['task_id', 'commit_hash'],
    render: { kind: 'message' },
  },
});

export const commitOperations = { link_git_commit: linkGitCommit };
