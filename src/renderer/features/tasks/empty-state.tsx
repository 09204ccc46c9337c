// What an empty project shows: the exact commands that add its first task from a terminal, and
// how to bind a code folder so that work started inside it lands in a project of its own.
import type { ProjectSummary } from './project-lookup.ts';

const EXAMPLE_TITLE = '"Write the README"';

/** A project name as one shell word: as is when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

export function EmptyState({ project }: { project: ProjectSummary }) {
  const { name, root_path: folder } = project;
  return (
    <div className="empty-state">
      <h2>No tasks yet</h2>
      <p>Create the first one from a terminal:</p>
      <pre>
        <code>{`orchestron task create --project ${shellWord(name)} --title ${EXAMPLE_TITLE}`}</code>
      </pre>
      {folder ? (
        <p>
          Inside <code>{folder}</code>, which is bound to this project,{' '}
          <code>{`orchestron task create --title ${EXAMPLE_TITLE}`}</code> is enough: commands and
          agents working there land here.
        </p>
      ) : (
        <p>
          Working on a code base? Run <code>orchestron init</code> in its folder once: it binds the
          folder to a project, and <code>{`orchestron task create --title ${EXAMPLE_TITLE}`}</code>{' '}
          run there (or an agent working there) adds tasks to it.
        </p>
      )}
      <p className="muted">
        New tasks appear here as soon as they are created, without a reload.{' '}
        <code>orchestron task create --help</code> lists the other fields.
      </p>
    </div>
  );
}
