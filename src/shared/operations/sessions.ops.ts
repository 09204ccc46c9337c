// Agent sessions: who is working, over which transport, since when. A socket connection is one
// session automatically; over HTTP, or for a stable name across restarts, an agent starts one.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TaskRefSchema, textInput } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, WRITE } from './operation.ts';
import { LeaseSchema } from './claims.ops.ts';

const Name = (field: string, example: string) =>
  textInput(field, 200)
    .trim()
    .min(1, { error: `${field} must not be empty, e.g. "${example}"` });

const SessionId = lazy(() =>
  textInput('session_id', 64)
    .trim()
    .min(1, { error: 'session_id must not be empty' })
    .describe('The session_id start_session returned'),
);

export const startSession = defineOperation({
  name: 'start_session',
  description:
    'Start a session under your agent name; everything you do is recorded under it. Returns the session id and the task you still hold, if any.',
  input: () =>
    z.strictObject({
      agent_name: Name('agent_name', 'claude').describe('Your name, stable across restarts'),
      transport: Name('transport', 'socket').optional().describe('How you connect, e.g. socket'),
    }),
  output: () =>
    z.object({
      session_id: z.string(),
      agent: z.string(),
      started_at: z.string(),
      resumed: z
        .object({ task: TaskRefSchema(), lease: LeaseSchema() })
        .nullable()
        .describe('The unfinished task you still hold from earlier, to continue'),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'agent',
  cli: { command: ['session', 'start'], positional: ['agent_name'], render: { kind: 'message' } },
});

export const endSession = defineOperation({
  name: 'end_session',
  description:
    'End a session (yours when no id is given); the tasks it still holds go back to the ready set.',
  input: () => z.strictObject({ session_id: SessionId().optional() }),
  output: () =>
    z.object({
      session_id: z.string(),
      released: z.array(TaskRefSchema()),
      message: z.string(),
    }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: { command: ['session', 'end'], positional: ['session_id'], render: { kind: 'message' } },
});

export const sessionOperations = { start_session: startSession, end_session: endSession };
