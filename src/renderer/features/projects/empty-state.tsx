// What an empty project shows: three ways to start, each with the exact command to copy (add a
// task, import a PRD, connect an agent), and how a bound code folder makes the project implicit.
import type { ProjectSummary } from '../tasks/project-lookup.ts';
import { CopyCommand } from './copy-command.tsx';

const EXAMPLE_TITLE = '"Write the README"';

/** A project name as one shell word: as is when it is plain, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

export function EmptyState({ project }: { project: ProjectSummary }) {
  const { name, root_path: folder } = project;
  const target = `--project ${shellWord(name)}`;
  return (
    <div className="empty-state">
      <h2>No tasks yet</h2>
      <p>Start in one of three ways, from a terminal:</p>
      <ol className="empty-state__steps">
        <li>
          <strong>Create a task</strong>
          <CopyCommand command={`orchestron task create ${target} --title ${EXAMPLE_TITLE}`} />
        </li>
        <li>
          <strong>Import a PRD</strong> (Markdown or text; tasks come with their dependencies)
          <CopyCommand command={`orchestron prd import PRD.md ${target}`} />
        </li>
        <li>
          <strong>Connect an agent</strong> (prints the configuration for Claude Code; cursor and
          codex work too)
          <CopyCommand command="orchestron mcp config claude" />
        </li>
      </ol>
      {folder ? (
        <p className="muted">
          Inside <code>{folder}</code>, which is bound to this project,{' '}
          <code>{`orchestron task create --title ${EXAMPLE_TITLE}`}</code> is enough: commands and
          agents working there land here.
        </p>
      ) : (
        <p className="muted">
          Working on a code base? Bind its folder to this project (the project menu&apos;s
          &ldquo;Bind to a folder&rdquo;, or{' '}
          <code>{`orchestron init --name ${shellWord(name)}`}</code> run in the folder): commands
          and agents working there then land here without naming it.
        </p>
      )}
      <p className="muted">New tasks appear here as soon as they are created, without a reload.</p>
    </div>
  );
}
