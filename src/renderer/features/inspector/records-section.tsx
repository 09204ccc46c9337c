// What work on the task left behind: linked commits, stored artifacts (opened a page at a time)
// and the agent's latest saved context.
import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { toErrorPayload } from '../../../shared/errors.ts';
import type { Commit } from '../../../shared/operations/commits.ops.ts';
import type { ArtifactSummary } from '../../../shared/operations/artifacts.ops.ts';
import { useClient } from '../../client/client-context.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import type { SavedContext } from './inspector-model.ts';

function when(at: string): string {
  return new Date(at).toLocaleString();
}

function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  return size < 1024 * 1024
    ? `${(size / 1024).toFixed(1)} KB`
    : `${(size / 1048576).toFixed(1)} MB`;
}

export function CommitsSection({ commits, count }: { commits: readonly Commit[]; count: number }) {
  return (
    <section className="inspector-section" aria-labelledby="inspector-commits">
      <h3 id="inspector-commits">Commits</h3>
      {commits.length === 0 && <p className="muted">None linked.</p>}
      <ul className="records">
        {commits.map((commit) => (
          <li key={commit.hash}>
            <code>{commit.hash.slice(0, 10)}</code> {commit.message.split('\n', 1)[0]}
            <span className="muted"> · {commit.author ?? commit.linked_by}</span>
          </li>
        ))}
      </ul>
      {count > commits.length && (
        <p className="muted">
          The latest {commits.length} of {count}.
        </p>
      )}
    </section>
  );
}

interface OpenArtifact {
  name: string;
  content: string;
  more: boolean;
}

export function ArtifactsSection({
  taskId,
  artifacts,
}: {
  taskId: number;
  artifacts: readonly ArtifactSummary[];
}) {
  const client = useClient();
  const [open, setOpen] = useState<OpenArtifact | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const show = async (name: string) => {
    if (open?.name === name) return setOpen(null);
    try {
      const page = await client.call('get_artifact', { task_id: taskId, name, encoding: 'utf8' });
      setOpen({ name, content: page.content, more: page.next_offset !== null });
      setError(null);
    } catch (failure) {
      setError(toErrorPayload(failure));
    }
  };
  return (
    <section className="inspector-section" aria-labelledby="inspector-artifacts">
      <h3 id="inspector-artifacts">Artifacts</h3>
      {artifacts.length === 0 && <p className="muted">None stored.</p>}
      <ul className="records">
        {artifacts.map((artifact) => (
          <li key={artifact.name}>
            <button
              type="button"
              className="link-button"
              aria-expanded={open?.name === artifact.name}
              onClick={() => void show(artifact.name)}
            >
              {artifact.name}
            </button>
            <span className="muted">
              {' '}
              · {artifact.media_type} · {bytes(artifact.size)}
            </span>
            {open?.name === artifact.name && (
              <pre className="artifact-content">
                {open.content}
                {open.more ? '\n… (the first 64 KB)' : ''}
              </pre>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}

export function ContextSection({ context }: { context: SavedContext }) {
  return (
    <section className="inspector-section" aria-labelledby="inspector-context">
      <h3 id="inspector-context">Saved context</h3>
      {context ? (
        <>
          <p className="muted">
            {context.owner} · {when(context.saved_at)} · {bytes(context.bytes)}
          </p>
          <pre className="saved-context">
            {typeof context.context === 'string'
              ? context.context
              : JSON.stringify(context.context, null, 2)}
          </pre>
        </>
      ) : (
        <p className="muted">No agent saved a context for this task.</p>
      )}
    </section>
  );
}
