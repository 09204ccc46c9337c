// The application menu as data. Edit shortcuts are shown but not registered as global
// accelerators on Linux and Windows, so Ctrl+Z reaches the page (graph undo) and text fields
// still get their native editing keys; macOS hands key equivalents to the page first anyway.
import type { MenuItemConstructorOptions } from 'electron';
import type { FocusTarget } from '../shared/desktop/desktop-bridge.ts';

export interface MenuActions {
  focus(target: FocusTarget): void;
  quit(): void;
}

type Item = MenuItemConstructorOptions;

function editMenu(platform: NodeJS.Platform): Item {
  const page = platform === 'darwin' ? {} : { registerAccelerator: false };
  return {
    label: '&Edit',
    submenu: [
      { role: 'undo', ...page },
      { role: 'redo', ...page },
      { type: 'separator' },
      { role: 'cut', ...page },
      { role: 'copy', ...page },
      { role: 'paste', ...page },
      { role: 'selectAll', ...page },
    ],
  };
}

function viewMenu(developer: boolean): Item {
  const tools: Item[] = developer
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: '&View',
    submenu: [
      ...tools,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

export function appMenuTemplate(
  platform: NodeJS.Platform,
  developer: boolean,
  actions: MenuActions,
): Item[] {
  const mac = platform === 'darwin';
  const appMenu: Item[] = mac
    ? [
        {
          label: 'Orchestron',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { label: 'Quit Orchestron', accelerator: 'Cmd+Q', click: actions.quit },
          ],
        },
      ]
    : [];
  const fileMenu: Item = {
    label: '&File',
    submenu: mac
      ? [{ role: 'close' }]
      : [{ role: 'close' }, { label: '&Quit', accelerator: 'Ctrl+Q', click: actions.quit }],
  };
  const goMenu: Item = {
    label: '&Go',
    submenu: [{ label: 'Questions &Inbox', click: () => actions.focus({ view: 'inbox' }) }],
  };
  const windowMenu: Item = {
    label: '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }],
  };
  return [...appMenu, fileMenu, editMenu(platform), viewMenu(developer), goMenu, windowMenu];
}
