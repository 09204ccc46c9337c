// Artifacts (seed 000): long outputs an agent parks outside its context window, kept as files
// beside the database, listed by get_task and read back a page at a time.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TaskId } from '../tasks/task.schema.ts';
import { artifactNameProblem } from './artifact-name.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY } from './operation.ts';

/** Large enough for logs and reports, small enough to hold in memory while storing. */
export const ARTIFACT_LIMIT_BYTES = 10 * 1024 * 1024;
/** One page of get_artifact: a comfortable response for an agent's context window. */
export const ARTIFACT_PAGE_BYTES = 64 * 1024;
/** Base64 of the largest artifact, with room to spare: longer input is refused before decoding. */
const CONTENT_LENGTH = Math.ceil((ARTIFACT_LIMIT_BYTES * 4) / 3) + 1024;

export const ArtifactSummarySchema = lazy(() =>
  z.object({ name: z.string(), size: z.int(), media_type: z.string(), created_at: z.string() }),
);

export const ArtifactSchema = lazy(() =>
  z.object({
    task_id: z.int(),
    name: z.string(),
    size: z.int().describe('Bytes'),
    sha256: z.string(),
    media_type: z.string(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
);

export type Artifact = z.infer<ReturnType<typeof ArtifactSchema>>;
export type ArtifactSummary = z.infer<ReturnType<typeof ArtifactSummarySchema>>;

const ArtifactName = lazy(() =>
  z
    .string()
    .superRefine((name, context) => {
      const problem = artifactNameProblem(name);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('A file name such as report.md: no slashes or "..", at most 200 characters'),
);

const MediaType = lazy(() =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/, {
      error: 'media_type must look like text/markdown or application/json',
    }),
);

const Encoding = lazy(() => z.enum(['utf8', 'base64'], { error: 'encoding is utf8 or base64' }));

export const storeArtifact = defineOperation({
  name: 'store_artifact',
  description:
    'Store a long output (report, log, diff, data) on a task as a named artifact, up to 10 MB, instead of keeping it in your context; the same name replaces it.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      name: ArtifactName(),
      content: z.string().max(CONTENT_LENGTH, {
        error: `content must be at most ${ARTIFACT_LIMIT_BYTES} bytes`,
      }),
      encoding: Encoding().default('utf8').describe('base64 for binary content'),
      media_type: MediaType().optional().describe('Guessed from the name when omitted'),
    }),
  output: () =>
    z.object({ artifact: ArtifactSchema(), replaced: z.boolean(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['artifact', 'store'],
    positional: ['task_id', 'name', 'content'],
    render: { kind: 'message' },
  },
});

export const getArtifact = defineOperation({
  name: 'get_artifact',
  description:
    "Read a task's artifact a page at a time (at most 64 KB per call); pass next_offset back to read on.",
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      name: ArtifactName(),
      offset: z.int().min(0).default(0).describe('Byte offset to start at'),
      length: z
        .int()
        .min(1)
        .max(ARTIFACT_PAGE_BYTES, { error: `length must be at most ${ARTIFACT_PAGE_BYTES} bytes` })
        .default(ARTIFACT_PAGE_BYTES)
        .describe('Bytes to read, at most 65536'),
      encoding: Encoding()
        .optional()
        .describe('utf8 for text media types, base64 otherwise, when omitted'),
    }),
  output: () =>
    z.object({
      artifact: ArtifactSchema(),
      offset: z.int(),
      content: z.string(),
      encoding: Encoding(),
      bytes: z.int().describe('Bytes in this page'),
      next_offset: z.int().nullable().describe('Where the next page starts; null at the end'),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['artifact', 'get'],
    positional: ['task_id', 'name'],
    render: { kind: 'text', field: 'content' },
  },
});

export const listArtifacts = defineOperation({
  name: 'list_artifacts',
  description: "List a task's artifacts by name, with size and media type.",
  input: () => z.strictObject({ task_id: TaskId() }),
  output: () => z.object({ artifacts: z.array(ArtifactSchema()) }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['artifact', 'list'],
    positional: ['task_id'],
    render: {
      kind: 'list',
      field: 'artifacts',
      columns: ['name', 'size', 'media_type', 'updated_at'],
    },
  },
});

export const artifactOperations = {
  store_artifact: storeArtifact,
  get_artifact: getArtifact,
  list_artifacts: listArtifacts,
};
