// The inline title input of a new task, shown where the canvas was double-clicked (or at the
// centre for N). Enter creates the task there; Escape or leaving it empty cancels.
import { ViewportPortal } from '@xyflow/react';
import { useState } from 'react';
import { useGraph, useGraphModel } from './use-graph.ts';

export function DraftInput() {
  const model = useGraphModel();
  const draft = useGraph((state) => state.draft);
  const [title, setTitle] = useState('');
  if (!draft) return null;
  const close = () => {
    setTitle('');
    model.store.getState().setDraft(null);
  };
  const submit = async () => {
    const text = title.trim();
    if (text === '') return close();
    const id = await model.editor.createTask(text, draft);
    if (id !== null) close();
  };
  return (
    <ViewportPortal>
      <form
        className="draft-input nodrag nopan"
        style={{ transform: `translate(${draft.x}px, ${draft.y}px)` }}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <input
          autoFocus
          aria-label="Title of the new task"
          placeholder="New task title, then Enter"
          value={title}
          maxLength={500}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        />
      </form>
    </ViewportPortal>
  );
}
