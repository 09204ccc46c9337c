// A shell command shown as code with a Copy button; a clipboard the browser refuses is said so
// beside the button (the command stays selectable).
import { useState } from 'react';

export function CopyCommand({ command }: { command: string }) {
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setNote('Copied');
    } catch {
      setNote('The browser refused the clipboard: select the command and copy it.');
    }
  };
  return (
    <div className="copy-command">
      <code>{command}</code>
      <button type="button" className="button--quiet" onClick={() => void copy()}>
        Copy
      </button>
      {note && (
        <span className="copy-command__note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
