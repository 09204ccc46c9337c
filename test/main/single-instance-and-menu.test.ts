// A second launch hands over to the first (focus, open its files), and the app menu leaves the
// page's own shortcuts (graph undo and redo) alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../src/main/app-menu.ts';
import { filesFromArgv, secondInstanceAction } from '../../src/main/single-instance.ts';
import type { FocusTarget } from '../../src/shared/desktop/desktop-bridge.ts';

describe('second instance', () => {
  test('files on its command line resolve against its folder; switches and the app path are not files', () => {
    const argv = [
      '/opt/Orchestron/orchestron',
      '--enable-logging',
      '/work/app',
      'tasks.json',
      '/tmp/prd.md',
      '',
    ];
    assert.deepEqual(filesFromArgv(argv, '/home/ana/project', ['/work/app']), [
      '/home/ana/project/tasks.json',
      '/tmp/prd.md',
    ]);
  });

  test('focuses (restoring a minimised window) or opens the window, and passes the files on', () => {
    assert.deepEqual(secondInstanceAction({ exists: true, minimized: true }, ['/a']), {
      action: 'focus-window',
      restore: true,
      files: ['/a'],
    });
    assert.deepEqual(secondInstanceAction({ exists: false, minimized: false }, []), {
      action: 'open-window',
      files: [],
    });
  });
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

describe('app menu', () => {
  const focused: FocusTarget[] = [];
  const actions = { focus: (target: FocusTarget) => focused.push(target), quit: () => {} };

  test('on Linux and Windows the edit shortcuts are shown but reach the page', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const items = flatten(appMenuTemplate(platform, false, actions));
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const) {
        const item = items.find((entry) => entry.role === role);
        assert.equal(item?.registerAccelerator, false, `${platform} ${role}`);
      }
    }
  });

  test('macOS gets the app menu and keeps standard edit items (the page sees keys first there)', () => {
    const menu = appMenuTemplate('darwin', false, actions);
    assert.equal(menu[0]?.label, 'Orchestron');
    const undo = flatten(menu).find((entry) => entry.role === 'undo');
    assert.equal(undo?.registerAccelerator, undefined);
  });

  test('developer tools and reload only in development', () => {
    const roles = (developer: boolean) =>
      flatten(appMenuTemplate('linux', developer, actions)).map((entry) => entry.role);
    assert.equal(roles(false).includes('toggleDevTools'), false);
    assert.equal(roles(false).includes('reload'), false);
    assert.equal(roles(true).includes('toggleDevTools'), true);
  });

  test('Go > Questions Inbox brings the window to the inbox', () => {
    const inbox = flatten(appMenuTemplate('linux', false, actions)).find((entry) =>
      entry.label?.includes('Inbox'),
    );
    assert.ok(inbox?.click, 'the menu has an inbox item');
    (inbox.click as () => void)();
    assert.deepEqual(focused.at(-1), { view: 'inbox' });
  });
});
