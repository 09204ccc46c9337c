// A modal dialog on the platform's <dialog>: showModal() makes the rest of the page inert, so Tab
// stays inside it, and the focus goes back where it was when it closes. Escape and a click on
// the backdrop close it through onClose; the content brings its own padding (a click on the
// dialog's own box is a click on the backdrop).
import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  onClose(): void;
  children: ReactNode;
  /** "alertdialog" for a question that needs an answer; a plain dialog otherwise. */
  role?: 'dialog' | 'alertdialog';
  labelledBy?: string;
  label?: string;
}

export function ModalDialog({ onClose, children, role, labelledBy, label }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      role={role}
      aria-labelledby={labelledBy}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // handled here, before the page's own shortcuts (which may take Escape) see it
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
