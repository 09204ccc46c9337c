// What the tray, the dock/taskbar badge and native notifications show for what waits for the
// person, and where a notification's click leads. Which events notify, and whether urgently, is
// the shared notificationFor's decision (the page's too): these tests go through it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nativeNotice, shouldNotify } from '../../src/main/notification-choice.ts';
import { closeHidesWindow, trayPresentation } from '../../src/main/tray-state.ts';
import { EMPTY_ATTENTION } from '../../src/shared/attention/attention-state.ts';
import { notificationFor } from '../../src/shared/attention/notification-for.ts';
import type { OrchestronEvent } from '../../src/shared/events/event-types.ts';

describe('tray presentation', () => {
  test('nothing waiting: the plain icon, no badge anywhere', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const shown = trayPresentation(0, platform);
      assert.equal(shown.icon, 'idle');
      assert.equal(shown.tooltip, 'Orchestron: nothing waits for you');
      assert.equal(shown.title, '');
      assert.equal(shown.appBadgeCount, 0);
      assert.equal(shown.overlayDescription, null);
    }
  });

  test('macOS shows the count beside the icon and on the dock', () => {
    const shown = trayPresentation(3, 'darwin');
    assert.deepEqual(shown, {
      icon: 'attention',
      tooltip: 'Orchestron: 3 items wait for you',
      title: '3',
      appBadgeCount: 3,
      overlayDescription: null,
    });
  });

  test('Linux counts on the launcher; Windows puts an overlay on the taskbar button', () => {
    assert.equal(trayPresentation(1, 'linux').appBadgeCount, 1);
    assert.equal(trayPresentation(1, 'linux').tooltip, 'Orchestron: 1 item waits for you');
    const windows = trayPresentation(2, 'win32');
    assert.equal(windows.appBadgeCount, 0);
    assert.equal(windows.overlayDescription, '2 items wait for you');
  });

  test('a large count reads 99+ in the title; nonsense counts as nothing', () => {
    assert.equal(trayPresentation(250, 'darwin').title, '99+');
    assert.equal(trayPresentation(-4, 'darwin').icon, 'idle');
  });

  test('closing hides to the tray on Linux and Windows, until the person quits', () => {
    assert.equal(closeHidesWindow({ platform: 'linux', hasTray: true, quitting: false }), true);
    assert.equal(closeHidesWindow({ platform: 'win32', hasTray: true, quitting: false }), true);
    assert.equal(closeHidesWindow({ platform: 'linux', hasTray: true, quitting: true }), false);
    assert.equal(closeHidesWindow({ platform: 'linux', hasTray: false, quitting: false }), false);
    assert.equal(closeHidesWindow({ platform: 'darwin', hasTray: true, quitting: false }), false);
  });
});

const question = (urgency: 'normal' | 'critical'): OrchestronEvent => ({
  id: 9,
  at: '2026-01-01T00:00:00.000Z',
  actor: 'agent:claude#s1',
  type: 'intervention.requested',
  project_id: 1,
  task_id: 4,
  before: null,
  after: {
    ticket: 'Q-3',
    task_id: 4,
    project_id: 1,
    kind: 'clarification',
    question: 'Postgres or SQLite?\u0007',
    options: ['Postgres', 'SQLite'],
    urgency,
    status: 'open',
    asked_by: 'agent:claude#s1',
    agent: 'claude',
    previous_status: 'in_progress',
    answer: null,
    chosen_option: null,
    cancel_reason: null,
    answered_by: null,
    created_at: '2026-01-01T00:00:00.000Z',
    answered_at: null,
  },
});

describe('native notifications', () => {
  test('a question from an agent: its words, and a click opens it in the inbox', () => {
    const notice = notificationFor(question('normal'), EMPTY_ATTENTION)!;
    const shown = nativeNotice(notice);
    assert.equal(shown.title, 'claude asks about #4');
    assert.match(shown.body, /^Postgres or SQLite\?\nOptions: Postgres \/ SQLite$/);
    assert.deepEqual(shown.focus, { view: 'inbox', key: 'question-Q-3', ticket: 'Q-3' });
    assert.equal(shown.urgency, 'normal');
    assert.equal(shown.timeoutType, 'default');
  });

  test('an urgent question stays on screen until seen', () => {
    const shown = nativeNotice(notificationFor(question('critical'), EMPTY_ATTENTION)!);
    assert.equal(shown.title, 'Urgent: claude asks about #4');
    assert.equal(shown.urgency, 'critical');
    assert.equal(shown.timeoutType, 'never');
  });

  test('no notification while the person looks at the window; otherwise one', () => {
    assert.equal(shouldNotify({ exists: true, focused: true, visible: true }), false);
    assert.equal(shouldNotify({ exists: true, focused: false, visible: true }), true);
    assert.equal(shouldNotify({ exists: true, focused: true, visible: false }), true);
    assert.equal(shouldNotify({ exists: false, focused: false, visible: false }), true);
  });
});
