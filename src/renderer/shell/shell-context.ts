// What the shell offers every view it mounts: the project shown (null while it loads) and a way
// to show another view (the inbox opening a task in the graph, say).
import { createContext, useContext } from 'react';
import type { ProjectSummary } from '../features/tasks/project-lookup.ts';
import type { ViewName } from './views.ts';

export interface ShellApi {
  project: ProjectSummary | null;
  showView(view: ViewName): void;
}

export const ShellContext = createContext<ShellApi | null>(null);

export function useShell(): ShellApi {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell needs the app shell above it.');
  return shell;
}

/** The project the window shows; null while it is being found. */
export function useShownProject(): ProjectSummary | null {
  return useShell().project;
}
