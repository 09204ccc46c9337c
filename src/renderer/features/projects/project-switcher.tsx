// The header's project picker: a labelled native select (so the keyboard and screen readers
// work as everywhere) listing every project, kept live, with the one shown selected.
import type { ChangeEvent } from 'react';
import { useTaskList, useTaskListContext } from '../tasks/use-task-list.ts';
import { useProjects } from './use-projects.ts';

export function ProjectSwitcher({ onChoose }: { onChoose: (projectName: string) => void }) {
  const projects = useProjects();
  const { projectRef } = useTaskListContext();
  const current = useTaskList((state) => state.project);
  const listed = current !== null && projects.some((project) => project.id === current.id);
  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = projects.find((project) => String(project.id) === event.target.value);
    if (chosen) onChoose(chosen.name);
  };
  return (
    <div className="project-switcher">
      <label htmlFor="project-switcher">Project</label>
      <select id="project-switcher" value={current ? String(current.id) : ''} onChange={choose}>
        {current === null && <option value="">{projectRef ?? 'Loading…'}</option>}
        {current !== null && !listed && <option value={String(current.id)}>{current.name}</option>}
        {projects.map((project) => (
          <option key={project.id} value={String(project.id)}>
            {project.name}
          </option>
        ))}
      </select>
    </div>
  );
}
