// What the inspector's sections share: the model of the task shown, narrow reads of its state,
// and the writes they make, each answering with its errors placed by field (null on success).
import { createContext, useContext, useSyncExternalStore } from 'react';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { OperationInput } from '../../../shared/operations/registry.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import { updateInput } from './field-edits.ts';
import { placeErrors, type PlacedErrors } from './field-errors.ts';
import type { InspectorModel, InspectorState } from './inspector-model.ts';

export const InspectorContext = createContext<InspectorModel | null>(null);

export function useInspectorModel(): InspectorModel {
  const model = useContext(InspectorContext);
  if (!model) throw new Error('The inspector sections need an <InspectorContext> above them.');
  return model;
}

/** One value of the inspector's state; `select` must return a primitive or a kept reference. */
export function useInspector<T>(select: (state: InspectorState) => T): T {
  const model = useInspectorModel();
  return useSyncExternalStore(model.onChange, () => select(model.getState()));
}

/** Changes fields of the task shown with update_task, against the version shown. */
export async function saveFields(
  client: RendererClient,
  model: InspectorModel,
  patch: Record<string, unknown>,
): Promise<PlacedErrors | null> {
  const detail = model.getState().detail;
  if (!detail) return null;
  const fields = Object.keys(patch);
  try {
    // the server validates what was typed and names the field it refuses
    const input = updateInput(detail.task.id, detail.task.version, patch);
    const { task } = await client.call('update_task', input as OperationInput<'update_task'>);
    model.showTask(task);
    return null;
  } catch (error) {
    return placeErrors(toErrorPayload(error), fields);
  }
}

/** Runs another write about the task; its failure comes back to show where the user acted. */
export async function attempt(
  model: InspectorModel,
  write: () => Promise<unknown>,
): Promise<ErrorPayload | null> {
  try {
    await write();
    model.refresh();
    return null;
  } catch (error) {
    return toErrorPayload(error);
  }
}
