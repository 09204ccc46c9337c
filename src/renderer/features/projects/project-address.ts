// The project in the page address (?project=<id or name>): read on load and on back/forward,
// changed with a new history entry when the user picks another project, and corrected in place
// when the page had to find the project itself (no ?project=) or the project was renamed.
import { useCallback, useEffect, useState } from 'react';
import { namesProject, type ProjectSummary } from '../tasks/project-lookup.ts';

export function projectInAddress(): string | null {
  const value = new URLSearchParams(window.location.search).get('project')?.trim();
  return value ? value : null;
}

function addressOf(projectName: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set('project', projectName);
  return url.href;
}

export interface ProjectAddress {
  /** What the address names; null for "the server's current project". */
  projectRef: string | null;
  /** Shows another project, as a new history entry. */
  choose(projectName: string): void;
  /** Makes the address name the project shown, without a new history entry. */
  confirm(project: ProjectSummary): void;
}

export function useProjectAddress(): ProjectAddress {
  const [projectRef, setProjectRef] = useState(projectInAddress);
  useEffect(() => {
    const onPopState = () => setProjectRef(projectInAddress());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const choose = useCallback((projectName: string) => {
    if (namesProject(projectInAddress(), projectName, null)) return;
    window.history.pushState(null, '', addressOf(projectName));
    setProjectRef(projectName);
  }, []);
  const confirm = useCallback((project: ProjectSummary) => {
    if (namesProject(projectInAddress(), project.name, project.id)) return;
    window.history.replaceState(window.history.state, '', addressOf(project.name));
  }, []);
  return { projectRef, choose, confirm };
}
