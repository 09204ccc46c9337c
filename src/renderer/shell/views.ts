// The window's views (graph, list, inbox, agents): their labels, which key shows which, and the
// view named in the page address (?view=list), so a reload or a link opens the same view.

export const VIEWS = ['graph', 'list', 'inbox', 'agents'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewName, string> = {
  graph: 'Graph',
  list: 'List',
  inbox: 'Inbox',
  agents: 'Agents',
};

export const DEFAULT_VIEW: ViewName = 'graph';

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

/** The view an address names, or the default one. */
export function viewOfSearch(search: string): ViewName {
  const named = new URLSearchParams(search).get('view');
  return isViewName(named) ? named : DEFAULT_VIEW;
}

/** The digit that shows a view: 1 for the first tab, and so on. */
export function shortcutOf(view: ViewName): string {
  return String(VIEWS.indexOf(view) + 1);
}

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Whether the key went to a text field, a select or an editable element. */
  inEditable: boolean;
}

/**
 * The view a key press asks for: the digits 1..4 alone, outside any text field (so typing a
 * number into a field never switches views, and no browser shortcut with a modifier is taken).
 */
export function viewForKey(press: KeyPress): ViewName | null {
  if (press.inEditable || press.altKey || press.ctrlKey || press.metaKey) return null;
  const index = Number(press.key) - 1;
  return Number.isInteger(index) && press.key.length === 1 ? (VIEWS[index] ?? null) : null;
}

/** Views that show tasks, beside which the inspector opens for the selected one. */
export function showsInspector(view: ViewName): boolean {
  return view === 'graph' || view === 'list';
}
