// The header's project menu: rename the project shown, bind it to a code folder (or unbind it),
// and create a new project (then shown). A disclosure, not a modal: Escape closes it.
import { useState, type KeyboardEvent } from 'react';
import { useClient } from '../../client/client-context.tsx';
import { useTaskList } from '../tasks/use-task-list.ts';
import { ProjectField } from './project-form.tsx';

export function ProjectMenu({ onChoose }: { onChoose: (projectName: string) => void }) {
  const client = useClient();
  const project = useTaskList((state) => state.project);
  const [open, setOpen] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div className="project-menu" onKeyDown={onKeyDown}>
      <button
        type="button"
        className="button--quiet"
        aria-expanded={open}
        aria-controls="project-menu-panel"
        onClick={() => setOpen(!open)}
      >
        Project ▾
      </button>
      {open && (
        <div
          id="project-menu-panel"
          className="project-menu__panel"
          role="group"
          aria-label="Project settings"
        >
          {project && (
            <>
              <ProjectField
                key={`name:${project.id}:${project.name}`}
                label="Rename this project"
                field="name"
                initial={project.name}
                action="Rename"
                onSubmit={(name) => client.call('update_project', { project_id: project.id, name })}
              />
              <ProjectField
                key={`folder:${project.id}:${project.root_path ?? ''}`}
                label={project.root_path ? 'Bound to the folder' : 'Bind to a folder'}
                field="root_path"
                initial={project.root_path ?? ''}
                placeholder="/home/you/code/shop"
                action={project.root_path ? 'Rebind' : 'Bind'}
                onSubmit={(folder) =>
                  client.call('update_project', {
                    project_id: project.id,
                    root_path: folder.trim() === '' ? null : folder,
                  })
                }
              />
            </>
          )}
          <ProjectField
            label="New project"
            field="name"
            initial=""
            placeholder="name"
            action="Create"
            onSubmit={async (name) => {
              const created = await client.call('create_project', { name });
              onChoose(created.project.name);
              setOpen(false);
            }}
          />
        </div>
      )}
    </div>
  );
}
