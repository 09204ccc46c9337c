// The type every feature's handlers are checked against: for each operation of a group, one
// function from its validated input and the call's context to its output.
import type {
  GroupName,
  OperationArgs,
  OperationGroups,
  OperationName,
  OperationOutput,
} from '../shared/operations/registry.ts';
import type { McpTarget } from '../shared/mcp/mcp-config.ts';
import type { CallContext } from './call-context.ts';
import type { CoreServices } from './core-service.ts';
import type { ProjectService } from './projects/project.service.ts';
import type { BackgroundWork } from './workflows/background-work.ts';
import type { RunService } from './runs/run.service.ts';

export type Handler<N extends OperationName> = (
  args: OperationArgs<N>,
  context: CallContext,
) => OperationOutput<N> | Promise<OperationOutput<N>>;

export type Handlers<G extends GroupName> = {
  [N in keyof OperationGroups[G] & OperationName]: Handler<N>;
};

/** What features are built from: the core services and the project service every feature uses. */
export interface FeatureServices extends CoreServices {
  projects: ProjectService;
  /** Runs code and records every run (execute_code, the workflow executor). */
  runs: RunService;
  /** Work that outlives its call (workflow runs), hosted by the orchestrator. */
  background: BackgroundWork;
  /** How agents reach this core when the host says so; null for the stdio bridge. */
  connectTarget: () => McpTarget | null;
}

export type FeatureBinding<G extends GroupName> = (services: FeatureServices) => Handlers<G>;
