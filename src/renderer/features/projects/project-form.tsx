// One labelled project field with its own Save button; the server's refusal (a taken name, a
// relative folder) shows under the field.
import { useId, useState } from 'react';
import { toErrorPayload } from '../../../shared/errors.ts';
import { placeErrors } from '../inspector/field-errors.ts';

interface ProjectFieldProps {
  label: string;
  /** The input field the server names in its issues: name or root_path. */
  field: string;
  initial: string;
  placeholder?: string;
  action: string;
  /** Sends the value; rejects with the server's error. */
  onSubmit: (value: string) => Promise<unknown>;
}

export function ProjectField({
  label,
  field,
  initial,
  placeholder,
  action,
  onSubmit,
}: ProjectFieldProps) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async () => {
    try {
      await onSubmit(value);
      setError(null);
      setDone(true);
    } catch (failure) {
      const placed = placeErrors(toErrorPayload(failure), [field]);
      setError(placed.byField[field] ?? placed.rest);
      setDone(false);
    }
  };
  return (
    <div className="project-field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-form">
        <input
          id={id}
          type="text"
          value={value}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setDone(false);
          }}
          onKeyDown={(event) => event.key === 'Enter' && void submit()}
        />
        <button type="button" onClick={() => void submit()}>
          {action}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="muted" role="status">
          Saved.
        </p>
      )}
    </div>
  );
}
