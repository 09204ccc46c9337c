// Asks before deleting tasks others depend on: delete the dependents too (cascade), or make them
// depend on the deleted task's prerequisites (relink). Escape or Cancel changes nothing; Tab
// stays in the dialog while it is open.
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { useGraph, useGraphModel } from './use-graph.ts';

export function DeleteDialog() {
  const model = useGraphModel();
  const pending = useGraph((state) => state.pendingDelete);
  const tasks = useGraph((state) => state.data.tasks);
  if (!pending) return null;
  const cancel = () => model.store.getState().setPendingDelete(null);
  const names = pending.withDependents
    .map((id) => `#${id} "${tasks.get(id)?.title ?? ''}"`)
    .join(', ');
  return (
    <ModalDialog onClose={cancel} role="alertdialog" labelledBy="delete-title">
      <div className="delete-dialog">
        <h2 id="delete-title">
          Delete {pending.ids.length === 1 ? 'this task' : `${pending.ids.length} tasks`}?
        </h2>
        <p>
          Other tasks depend on {names}. Choose what happens to them. Its subtasks are deleted with
          it.
        </p>
        <div className="delete-dialog__actions">
          <button
            type="button"
            autoFocus
            onClick={() => void model.editor.deleteTasks(pending.ids, 'relink')}
          >
            Delete and relink dependents
          </button>
          <button
            type="button"
            className="button--danger"
            onClick={() => void model.editor.deleteTasks(pending.ids, 'cascade')}
          >
            Delete with dependents
          </button>
          <button type="button" className="button--quiet" onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
