// Every operation Orchestron offers, by feature. Transports loop over this; nothing else lists
// them. The compiler checks that no two features declare the same operation name.
import type { z } from 'zod';
import { agentOperations } from './agents.ops.ts';
import { artifactOperations } from './artifacts.ops.ts';
import { claimOperations } from './claims.ops.ts';
import { commitOperations } from './commits.ops.ts';
import { convertOperations } from './convert.ops.ts';
import { dependencyOperations } from './dependencies.ops.ts';
import { eventOperations } from './events.ops.ts';
import { expansionOperations } from './expansion.ops.ts';
import { gateOperations } from './gates.ops.ts';
import { graphOperations } from './graph.ops.ts';
import { handoffOperations } from './handoff.ops.ts';
import { interventionOperations } from './interventions.ops.ts';
import { layoutOperations } from './layout.ops.ts';
import { nextTaskOperations } from './next-task.ops.ts';
import { notificationOperations } from './notifications.ops.ts';
import { planningOperations } from './planning.ops.ts';
import { prdOperations } from './prd.ops.ts';
import { progressOperations } from './progress.ops.ts';
import { projectOperations } from './projects.ops.ts';
import { runOperations } from './runs.ops.ts';
import { settingsOperations } from './settings.ops.ts';
import { sessionOperations } from './sessions.ops.ts';
import { taskOperations } from './tasks.ops.ts';
import { taskmasterOperations } from './taskmaster.ops.ts';
import { transferOperations } from './transfer.ops.ts';
import { workflowOperations } from './workflows.ops.ts';

export const OPERATION_GROUPS = {
  projects: projectOperations,
  tasks: taskOperations,
  dependencies: dependencyOperations,
  graph: graphOperations,
  nextTask: nextTaskOperations,
  commits: commitOperations,
  events: eventOperations,
  notifications: notificationOperations,
  interventions: interventionOperations,
  transfer: transferOperations,
  claims: claimOperations,
  sessions: sessionOperations,
  progress: progressOperations,
  handoff: handoffOperations,
  artifacts: artifactOperations,
  gates: gateOperations,
  settings: settingsOperations,
  convert: convertOperations,
  workflows: workflowOperations,
  runs: runOperations,
  prd: prdOperations,
  expansion: expansionOperations,
  planning: planningOperations,
  taskmaster: taskmasterOperations,
  agents: agentOperations,
  layout: layoutOperations,
};

export type OperationGroups = typeof OPERATION_GROUPS;
export type GroupName = keyof OperationGroups;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type Overlaps = {
  [A in GroupName]: {
    [B in Exclude<GroupName, A>]: keyof OperationGroups[A] & keyof OperationGroups[B];
  }[Exclude<GroupName, A>];
}[GroupName];
/** Fails to compile when two groups declare the same operation name. */
const noOverlap: [Overlaps] extends [never] ? true : { duplicated: Overlaps } = true;
void noOverlap;

export type Operations = UnionToIntersection<OperationGroups[GroupName]>;

export const OPERATIONS = Object.assign(
  {},
  ...Object.values(OPERATION_GROUPS),
) as unknown as Operations;

export type OperationName = keyof Operations & string;
/** What a caller may send (before defaults and transforms). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives (after validation, defaults and transforms). */
export type OperationArgs<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
