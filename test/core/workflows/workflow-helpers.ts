// What the executor tests share: tasks with run and verify specs, a project whose root is the one
// folder the commands share (their ledgers and counters live there), and polling a run's state.
import type { OperationInput } from '../../../src/shared/operations/registry.ts';
import type { WorkflowTask } from '../../../src/shared/operations/workflows.ops.ts';
import { makeTempDir, type TestCore } from '../../helpers/temp-orchestrator.ts';

type RunSpec = NonNullable<OperationInput<'update_task'>['run_spec']>;
type VerifySpec = NonNullable<OperationInput<'update_task'>['verify_spec']>;

/** A run spec of one bash command, run in the project's root (so it can write files there). */
export function bash(code: string, extra: Partial<RunSpec> = {}): RunSpec {
  return { commands: [{ language: 'bash', code }], working_directory: '.', ...extra };
}

/** create_task, then update_task with the run and verify specs (create_task does not take them). */
export async function createTask(
  core: TestCore,
  input: OperationInput<'create_task'> & { run_spec?: RunSpec; verify_spec?: VerifySpec },
) {
  const { run_spec, verify_spec, ...fields } = input;
  const created = await core.call('create_task', fields);
  if (run_spec === undefined && verify_spec === undefined) return created;
  return core.call('update_task', {
    task_id: created.task.id,
    ...(run_spec === undefined ? {} : { run_spec }),
    ...(verify_spec === undefined ? {} : { verify_spec }),
  });
}

/**
 * A maker of tasks in one project whose run spec is `spec(title, body)`: `make(title,
 * dependencies, body?)` creates one and returns its id.
 */
export function taskMaker(
  core: TestCore,
  projectId: number,
  spec: (title: string, body?: string) => RunSpec,
) {
  return async (title: string, dependencies: number[] = [], body?: string) =>
    (
      await createTask(core, {
        project_id: projectId,
        title,
        dependencies,
        run_spec: spec(title, body),
      })
    ).task.id;
}

/** A project rooted in a fresh temp folder; returns its id and root. */
export async function makeProject(core: TestCore, name: string) {
  const root = makeTempDir('orchestron-wf-root-');
  const created = await core.call('create_project', { name, root_path: root });
  return { projectId: created.project.id, root };
}

/** Each task's state in a workflow result, by task id. */
export function byTask(tasks: readonly WorkflowTask[]): Record<number, WorkflowTask> {
  return Object.fromEntries(tasks.map((task) => [task.task_id, task]));
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
