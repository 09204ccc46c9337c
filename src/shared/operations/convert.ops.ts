// Task Markdown (docs/task-markdown.md) to a workflow document and back: the document's steps
// carry the commands and verify specs the executor runs. Nothing is stored by either call.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { WORKFLOW_LIMITS, WorkflowDocumentSchema } from '../workflow/workflow.schema.ts';
import { defineOperation, READ_ONLY } from './operation.ts';

const LineNote = lazy(() =>
  z.object({
    line: z.int().describe('1-based line of the Markdown'),
    column: z.int().optional(),
    message: z.string(),
  }),
);

export const convertTask = defineOperation({
  name: 'convert_task',
  description:
    'Convert task Markdown (a # title, then steps headed like "## Step build: Build the app" with "Depends on: a, b" lines, fenced code blocks to run and verify blocks of checks) into a validated JSON workflow document; problems are reported by line.',
  input: () =>
    z.strictObject({
      markdown: z
        .string()
        .max(WORKFLOW_LIMITS.markdown, {
          error: `markdown is longer than ${WORKFLOW_LIMITS.markdown} characters; split the document`,
        })
        .describe('The task Markdown text'),
    }),
  output: () =>
    z.object({
      document: WorkflowDocumentSchema(),
      warnings: z
        .array(LineNote())
        .describe(
          'What converted but deserves a look: code that will not run, steps without verification',
        ),
      summary: z.string().describe('The steps in a few readable lines'),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['convert'],
    positional: ['markdown'],
    readText: ['markdown'],
    render: { kind: 'text', field: 'summary' },
  },
});

export const renderTaskMarkdown = defineOperation({
  name: 'render_task_markdown',
  description:
    'Write a JSON workflow document (as convert_task returns it) back as task Markdown that converts to the same document.',
  input: () => z.strictObject({ document: WorkflowDocumentSchema() }),
  output: () =>
    z.object({
      markdown: z.string(),
      warnings: z
        .array(z.string())
        .describe('Fields whose text the Markdown would read back differently, and why'),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['to-markdown'],
    positional: ['document'],
    readFile: ['document'],
    render: { kind: 'text', field: 'markdown' },
  },
});

export const convertOperations = {
  convert_task: convertTask,
  render_task_markdown: renderTaskMarkdown,
};
