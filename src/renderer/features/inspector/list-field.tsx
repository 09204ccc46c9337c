// The parts the inspector's list fields share (acceptance criteria, files): writing the whole
// list back with the refusal kept for the section, a remove button per item, and the input that
// adds one, marked invalid and described by the refusal while there is one.
import { useState, type KeyboardEvent } from 'react';
import { useClient } from '../../client/client-context.tsx';
import { saveFields, useInspectorModel } from './inspector-context.ts';

/** Writes `field` whole; true when saved, else the server's message is in `error`. */
export function useListField<T>(field: string) {
  const client = useClient();
  const model = useInspectorModel();
  const [error, setError] = useState<string | null>(null);
  const write = async (next: T[]): Promise<boolean> => {
    const placed = await saveFields(client, model, { [field]: next });
    setError(placed ? (placed.byField[field] ?? placed.rest) : null);
    return placed === null;
  };
  return { error, write };
}

export function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} onClick={onRemove}>
      ×
    </button>
  );
}

export interface AddInputProps {
  /** The section's id: the input takes it, the refusal is `${id}-error`. */
  id?: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter in the input adds. */
  onAdd: () => void;
  error?: string | null;
}

export function AddInput({ id, label, placeholder, value, onChange, onAdd, error }: AddInputProps) {
  return (
    <input
      id={id}
      type="text"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      aria-invalid={error ? true : undefined}
      aria-describedby={error && id ? `${id}-error` : undefined}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event: KeyboardEvent) => event.key === 'Enter' && onAdd()}
    />
  );
}
