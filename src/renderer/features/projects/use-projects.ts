// React adapter of ProjectsModel: one per window, started while mounted.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useClient } from '../../client/client-context.tsx';
import type { ProjectSummary } from '../tasks/project-lookup.ts';
import { ProjectsModel } from './projects-model.ts';

export function useProjects(): readonly ProjectSummary[] {
  const client = useClient();
  const model = useMemo(() => new ProjectsModel(client), [client]);
  useEffect(() => model.start(), [model]);
  return useSyncExternalStore(model.onChange, () => model.getState().projects);
}
