// The view shown: read from the address (?view=), kept there when it changes (replacing the
// entry, so back still steps through projects), and switched by the keys 1..4 outside text fields.
import { useCallback, useEffect, useState } from 'react';
import { viewForKey, viewOfSearch, type ViewName } from './views.ts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useView(): [ViewName, (view: ViewName) => void] {
  const [view, setView] = useState(() => viewOfSearch(window.location.search));
  const choose = useCallback((next: ViewName) => {
    const url = new URL(window.location.href);
    url.searchParams.set('view', next);
    window.history.replaceState(window.history.state, '', url.href);
    setView(next);
  }, []);
  useEffect(() => {
    const onPopState = () => setView(viewOfSearch(window.location.search));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const next = viewForKey({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inEditable: isEditable(event.target),
      });
      if (next) choose(next);
    };
    window.addEventListener('popstate', onPopState);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [choose]);
  return [view, choose];
}
