// One task field in the inspector: shows the task's current value (so a change by someone else
// appears in place) until the person types; saves on Enter (Ctrl+Enter in a text area) or on
// leaving the field; Escape puts the saved value back. A refusal shows under the field.
import { useId, useState, type KeyboardEvent } from 'react';
import { useClient } from '../../client/client-context.tsx';
import {
  editValue,
  FIELD_KINDS,
  FIELD_LABELS,
  fieldText,
  PRIORITY_CHOICES,
  type TextField,
} from './field-edits.ts';
import { saveFields, useInspectorModel } from './inspector-context.ts';

interface FieldProps {
  field: TextField;
  value: unknown;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
}

/** Saves one field; resolves with the message to show under it, or null once saved. */
function useSave(field: string) {
  const client = useClient();
  const model = useInspectorModel();
  return async (value: unknown): Promise<string | null> => {
    const placed = await saveFields(client, model, { [field]: value });
    if (!placed) return null;
    return placed.byField[field] ?? placed.rest;
  };
}

export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

export function EditableField({ field, value, multiline, placeholder, className }: FieldProps) {
  const kind = FIELD_KINDS[field];
  const id = useId();
  const save = useSave(field);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const shown = fieldText(kind, value);

  const commit = async () => {
    if (draft === null || draft === shown) {
      setDraft(null);
      setError(null);
      return;
    }
    const edit = editValue(kind, draft);
    if (!edit.ok) return setError(edit.message);
    setSaving(true);
    const message = await save(edit.value);
    setSaving(false);
    setError(message);
    if (!message) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && (draft !== null || error)) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setError(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };
  const common = {
    id,
    name: field,
    value: draft ?? shown,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-busy': saving || undefined,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => void commit(),
    onKeyDown,
  };
  return (
    <div className={`field field--${field} ${className ?? ''}`} data-field={field}>
      <label htmlFor={id}>{FIELD_LABELS[field]}</label>
      {multiline ? (
        <textarea rows={kind === 'json' ? 5 : 3} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function PriorityField({ value }: { value: number }) {
  const id = useId();
  const save = useSave('priority');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field field--priority" data-field="priority">
      <label htmlFor={id}>{FIELD_LABELS.priority}</label>
      <select
        id={id}
        value={value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={async (event) => setError(await save(Number(event.target.value)))}
      >
        {PRIORITY_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function ApprovalField({ value }: { value: boolean }) {
  const id = useId();
  const save = useSave('requires_approval');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field field--flag" data-field="requires_approval">
      <label>
        <input
          id={id}
          type="checkbox"
          checked={value}
          onChange={async (event) => setError(await save(event.target.checked))}
        />{' '}
        Requires a person&apos;s approval
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
