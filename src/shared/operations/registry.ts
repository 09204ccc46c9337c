// Every operation Orchestron offers, by name. Transports loop over this; nothing else lists them.
import type { z } from 'zod';
import { commitOperations } from './commits.ops.ts';
import { dependencyOperations } from './dependencies.ops.ts';
import { eventOperations } from './events.ops.ts';
import { graphOperations } from './graph.ops.ts';
import { notificationOperations } from './notifications.ops.ts';
import { projectOperations } from './projects.ops.ts';
import { taskOperations } from './tasks.ops.ts';
import { transferOperations } from './transfer.ops.ts';

export const OPERATIONS = {
  ...projectOperations,
  ...taskOperations,
  ...dependencyOperations,
  ...graphOperations,
  ...commitOperations,
  ...eventOperations,
  ...notificationOperations,
  ...transferOperations,
};

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
/** What a caller may send (before defaults and transforms). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives (after validation, defaults and transforms). */
export type OperationArgs<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
