// Where tasks sit in the graph editor. Layout is the person's view of the graph, not part of the
// work: saving it leaves versions, statuses and updated_at alone, so it never conflicts with an
// agent's write. Positions are read back with the tasks (list_tasks, get_task_graph).
import { z } from 'zod';
import { ProjectRef, TaskId } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE } from './operation.ts';

/** A whole auto-layout of a large project goes in one call; more is a bug in the caller. */
export const POSITION_BATCH_MAX = 10_000;

/** Far beyond any canvas, yet still exact in a double. */
const Coordinate = () => z.number().min(-1e9).max(1e9);

export const setTaskPositions = defineOperation({
  name: 'set_task_positions',
  description:
    'Save where tasks sit in the graph editor; layout only, so versions and statuses stay unchanged.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      positions: z
        .array(z.strictObject({ task_id: TaskId(), x: Coordinate(), y: Coordinate() }))
        .min(1, { error: 'positions needs at least one task' })
        .max(POSITION_BATCH_MAX, {
          error: `at most ${POSITION_BATCH_MAX} positions in one call`,
        })
        .describe('Each task once, with its top-left corner on the canvas'),
    }),
  output: () => z.object({ moved: z.int(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: {
    command: ['graph', 'positions'],
    positional: ['positions'],
    readFile: ['positions'],
    render: { kind: 'message' },
  },
});

export const layoutOperations = {
  set_task_positions: setTaskPositions,
};
