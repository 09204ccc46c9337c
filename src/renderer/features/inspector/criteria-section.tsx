// Acceptance criteria as a checklist: tick one off, remove one, or add one; each change writes
// the whole ordered list back (against the version shown), and a refusal shows under the list.
import { useId, useState } from 'react';
import type { Criterion } from '../../../shared/tasks/task.schema.ts';
import { FieldError } from './editable-field.tsx';
import { AddInput, RemoveButton, useListField } from './list-field.tsx';

export function CriteriaSection({ criteria }: { criteria: readonly Criterion[] }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const { error, write } = useListField<Criterion>('acceptance_criteria');
  const toggle = (index: number) =>
    void write(criteria.map((item, at) => (at === index ? { ...item, done: !item.done } : item)));
  const remove = (index: number) => void write(criteria.filter((_, at) => at !== index));
  const add = async () => {
    if (await write([...criteria, { text: draft, done: false }])) setDraft('');
  };
  const done = criteria.filter((item) => item.done).length;
  return (
    <section className="inspector-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        Acceptance criteria{' '}
        {criteria.length > 0 && (
          <span className="muted">
            {done}/{criteria.length}
          </span>
        )}
      </h3>
      <ul className="checklist">
        {criteria.map((item, index) => (
          <li key={`${index}:${item.text}`} className={item.done ? 'checklist__item--done' : ''}>
            <label>
              <input type="checkbox" checked={item.done} onChange={() => toggle(index)} />{' '}
              {item.text}
            </label>
            <RemoveButton
              label={`Remove criterion “${item.text}”`}
              onRemove={() => remove(index)}
            />
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <AddInput
          id={id}
          label="New acceptance criterion"
          placeholder="Add a criterion"
          value={draft}
          error={error}
          onChange={setDraft}
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
