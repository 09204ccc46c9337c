// The files the task is about: path and lines (src/app.ts:12-40) with a note; add or remove one.
import { useId, useState } from 'react';
import type { FileRef } from '../../../shared/tasks/task.schema.ts';
import { FieldError } from './editable-field.tsx';
import { fileRefText, parseFileRef } from './field-edits.ts';
import { AddInput, RemoveButton, useListField } from './list-field.tsx';

export function FileRefsSection({ refs }: { refs: readonly FileRef[] }) {
  const id = useId();
  const [path, setPath] = useState('');
  const [note, setNote] = useState('');
  const { error, write } = useListField<FileRef>('file_refs');
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
            <RemoveButton
              label={`Remove ${fileRefText(ref)}`}
              onRemove={() => void write(refs.filter((_, at) => at !== index))}
            />
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <AddInput
          id={id}
          label="File path, with :line or :start-end"
          placeholder="src/app.ts:12-40"
          value={path}
          error={error}
          onChange={setPath}
          onAdd={() => void add()}
        />
        <AddInput
          label="Note about the file"
          placeholder="note (optional)"
          value={note}
          onChange={setNote}
          onAdd={() => void add()}
        />
        <button type="button" className="button--quiet" onClick={() => void add()}>
          Add
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </section>
  );
}
