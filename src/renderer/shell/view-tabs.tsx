// The header's view switcher: a tab list (arrow keys move between tabs, as the ARIA pattern
// has it), each tab naming its key. The Inbox tab carries the count of what waits for the person,
// which also keeps the window title's count and the notifications going on every view.
import { useRef, type KeyboardEvent } from 'react';
import { AttentionCount } from '../features/inbox/attention-badge.tsx';
import { shortcutOf, VIEW_LABELS, VIEWS, type ViewName } from './views.ts';

export function ViewTabs({
  view,
  onChoose,
}: {
  view: ViewName;
  onChoose: (view: ViewName) => void;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length]!;
    onChoose(next);
    tabs.current[VIEWS.indexOf(next)]?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {VIEWS.map((name, index) => (
        <button
          key={name}
          ref={(element) => {
            tabs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={name === view}
          aria-controls="view-panel"
          aria-keyshortcuts={shortcutOf(name)}
          tabIndex={name === view ? 0 : -1}
          title={`${VIEW_LABELS[name]} (${shortcutOf(name)})`}
          className="view-tab"
          onClick={() => onChoose(name)}
        >
          {VIEW_LABELS[name]}
          {name === 'inbox' && <AttentionCount />}
          <kbd aria-hidden="true">{shortcutOf(name)}</kbd>
        </button>
      ))}
    </div>
  );
}
