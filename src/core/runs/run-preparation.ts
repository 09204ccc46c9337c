// Everything execute_code checks before a run is recorded: the task (and an agent's right to
// change it), the project and its root, the engine's own checks of the spec and the working
// directory, the runtime, and the package names. A refusal here leaves nothing behind.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs } from '../../shared/operations/registry.ts';
import { authorizeChange } from '../agents/authorization.ts';
import type { CallContext } from '../call-context.ts';
import type { FeatureServices } from '../handlers.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { planLaunch } from './languages.ts';
import { checkPackageNames, managerFor, type PackageManager } from './package-setup.ts';
import type { NewRun } from './run-records.ts';
import { normalizeRunSpec } from './run-spec.ts';
import type { RunSpec } from './run-types.ts';
import { resolveWorkingDirectory } from './working-directory.ts';

export interface PreparedRun {
  /** The engine's spec, all but the run folder, which needs the run's id. */
  spec: Omit<RunSpec, 'runDirectory'>;
  row: Omit<NewRun, 'started_at' | 'created_by' | 'owner_pid'>;
  packages: string[];
  manager: PackageManager | null;
  /** The python3 a python run uses, for pip. */
  python: string;
}

/** Stands in for the run folder while the spec is checked; nothing is created there. */
const CHECK_FOLDER = '/nonexistent/orchestron-run-check';

export class RunPreparation {
  private readonly services: FeatureServices;

  constructor(services: FeatureServices) {
    this.services = services;
  }

  /** Refuses an agent that may not change the task (another agent holds it). */
  authorizeTask(taskId: number, context: CallContext): void {
    const { store, clock } = this.services;
    store.read(() => authorizeChange(store, requireTask(store, taskId), context, clock.now()));
  }

  prepare(input: OperationArgs<'execute_code'>, context: CallContext): PreparedRun {
    const { store, projects, clock } = this.services;
    const { task, project } = store.read(() => {
      const found = input.task_id === undefined ? null : requireTask(store, input.task_id);
      if (found) authorizeChange(store, found, context, clock.now());
      const resolved = projects.resolve(input.project_id ?? found?.project_id, context);
      if (found && resolved.id !== found.project_id)
        throw new AppError(
          'VALIDATION',
          `Task #${found.id} belongs to another project than ${resolved.name}; leave project_id out to run in the task's project.`,
          { field: 'project_id' },
        );
      return { task: found, project: resolved };
    });
    const projectRoot = project.root_path ?? undefined;
    if (input.working_directory !== undefined && projectRoot === undefined)
      throw new AppError(
        'VALIDATION',
        `Project ${project.name} has no root folder, so a working_directory cannot be checked against it; leave working_directory out or give the project a folder.`,
        { field: 'working_directory' },
      );
    const spec: Omit<RunSpec, 'runDirectory'> = {
      language: input.language,
      code: input.code,
      timeoutSeconds: input.timeout,
      ...(input.working_directory === undefined
        ? {}
        : { workingDirectory: input.working_directory, projectRoot }),
      ...(input.stdin === undefined ? {} : { stdin: input.stdin }),
    };
    const normalized = normalizeRunSpec({ ...spec, runDirectory: CHECK_FOLDER });
    const workingDirectory =
      spec.workingDirectory === undefined
        ? null
        : renameField(() => resolveWorkingDirectory(spec.workingDirectory!, projectRoot));
    // finds the runtime now (NOT_FOUND naming what to install) rather than after recording
    const plan = planLaunch(input.language, CHECK_FOLDER, normalized.memoryMb, {
      path: `${CHECK_FOLDER}/scratch.sqlite`,
      readOnly: false,
    });
    const packages = input.packages ?? [];
    const manager = packages.length > 0 ? managerFor(input.language) : null;
    if (manager) checkPackageNames(manager, packages);
    return {
      spec,
      packages,
      manager,
      python: plan.argv[0]!,
      row: {
        task_id: task?.id ?? null,
        project_id: project.id,
        language: input.language,
        code: input.code,
        working_directory: workingDirectory,
        limits: {
          timeout_seconds: normalized.timeoutSeconds,
          memory_mb: normalized.memoryMb,
          max_processes: normalized.maxProcesses,
          max_file_mb: normalized.maxFileMb,
          head_bytes: normalized.headBytes,
          tail_bytes: normalized.tailBytes,
        },
      },
    };
  }
}

/** The engine names the field workingDirectory; callers of execute_code know it as working_directory. */
function renameField<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof AppError && error.details?.['field'] === 'workingDirectory')
      error.details['field'] = 'working_directory';
    throw error;
  }
}
