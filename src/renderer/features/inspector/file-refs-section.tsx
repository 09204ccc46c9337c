// The files the task is about: path and lines (src/app.ts:12-40) with a note; add or remove one.
import { useId, useState } from 'react';
import type { FileRef } from '../../../shared/tasks/task.schema.ts';
import { useClient } from '../../client/client-context.tsx';
import { FieldError } from './editable-field.tsx';
import { fileRefText, parseFileRef } from './field-edits.ts';
import { saveFields, useInspectorModel } from './inspector-context.ts';

export function FileRefsSection({ refs }: { refs: readonly FileRef[] }) {
  const client = useClient();
  const model = useInspectorModel();
  const id = useId();
  const [path, setPath] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const write = async (next: FileRef[]) => {
    const placed = await saveFields(client, model, { file_refs: next });
    setError(placed ? (placed.byField['file_refs'] ?? placed.rest) : null);
    return placed === null;
  };
  const add = async () => {
    if (await write([...refs, parseFileRef(path, note)])) {
      setPath('');
      setNote('');
    }
  };
  return (
    <section className="inspector-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Files</h3>
      {refs.length === 0 && <p className="muted">None.</p>}
      <ul className="file-refs">
        {refs.map((ref, index) => (
          <li key={`${index}:${ref.path}`}>
            <code>{fileRefText(ref)}</code>
            {ref.note && <span className="muted"> — {ref.note}</span>}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${fileRefText(ref)}`}
              onClick={() => void write(refs.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          id={id}
          type="text"
          aria-label="File path, with :line or :start-end"
          placeholder="src/app.ts:12-40"
          value={path}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setPath(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && void add()}
        />
        <input
          type="text"
          aria-label="Note about the file"
          placeholder="note (optional)"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && void add()}
        />
        <button type="button" className="button--quiet" onClick={() => void add()}>
          Add
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </section>
  );
}
