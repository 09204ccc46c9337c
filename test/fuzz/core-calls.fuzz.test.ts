// A seeded fuzz run of malformed calls against every operation of a real core: none may fail
// as INTERNAL, every refusal must read clearly, and a refused call changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../src/shared/errors.ts';
import { messageWithHints } from '../../src/shared/operations/hint-wording.ts';
import { excerpt } from '../../src/shared/text/excerpt.ts';
import { OPERATION_NAMES, OPERATIONS } from '../../src/shared/operations/registry.ts';
import { describeFields } from '../../src/host/cli/zod-fields.ts';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../helpers/temp-orchestrator.ts';
import { badInput, unclearReason } from './bad-input.ts';
import { useOfflineModels } from '../helpers/offline-models.ts';

useOfflineModels();

let core: TestCore;
before(async () => {
  core = openTestCore();
  const [a, b] = await createTasks(core, 'A', 'B', 'C');
  await core.call('add_dependency', { task_id: b!, depends_on: a! });
});
after(() => core.dispose());

const call = fc
  .constantFrom(...OPERATION_NAMES)
  .chain((name) =>
    badInput(describeFields(OPERATIONS[name].input).map((field) => field.name)).map(
      (input) => [name, input] as const,
    ),
  );

test('2,000 malformed calls: 0 INTERNAL errors, 0 unclear messages, nothing changed by a refusal', async () => {
  const problems: string[] = [];
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(call, async ([name, input]) => {
      const unchanged = snapshot(core);
      try {
        await core.orchestrator.call(name, input, { actor: 'fuzz' });
      } catch (error) {
        refused++;
        const shown = `${name} ${excerpt(input, 120)}`;
        if (!(error instanceof AppError) || error.code === 'INTERNAL') {
          problems.push(`${shown}: ${String(error).slice(0, 300)}`);
          return;
        }
        const reason = unclearReason(messageWithHints(error.toPayload()));
        if (reason) problems.push(`${shown}: ${reason}: ${error.message.slice(0, 300)}`);
        if (snapshot(core) !== unchanged)
          problems.push(`${shown}: a refused call changed the database`);
      }
    }),
    { numRuns: 2_000, seed: 20261129 },
  );
  assert.deepEqual(problems.slice(0, 20), []);
  assert.ok(refused > 1_500, `most fuzzed calls are refused (${refused})`);
});
