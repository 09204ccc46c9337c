// The tray icon and the native notifications: shows the count the core reports (tray-state.ts
// decides how per platform) and one notification per notice whose click brings the window
// forward on it (notification-choice.ts).
import { app, Menu, nativeImage, Notification, Tray, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { AttentionNotice } from '../shared/attention/notification-for.ts';
import type { FocusTarget } from '../shared/desktop/desktop-bridge.ts';
import { nativeNotice, shouldNotify } from './notification-choice.ts';
import { trayPresentation } from './tray-state.ts';

export interface AttentionTrayOptions {
  resourcesDir: string;
  window(): BrowserWindow | null;
  focus(target: FocusTarget): void;
  quit(): void;
}

export class AttentionTray {
  private readonly tray: Tray;
  private readonly options: AttentionTrayOptions;
  /** Shown notifications are kept referenced: a collected one loses its click handler. */
  private readonly shown = new Set<Notification>();

  constructor(options: AttentionTrayOptions) {
    this.options = options;
    this.tray = new Tray(this.icon('idle'));
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Orchestron', click: () => options.focus({ view: 'inbox' }) },
        { type: 'separator' },
        { label: 'Quit Orchestron', click: options.quit },
      ]),
    );
    this.tray.on('click', () => options.focus({ view: 'inbox' }));
    this.setCount(0);
  }

  setCount(count: number): void {
    const shown = trayPresentation(count, process.platform);
    this.tray.setImage(this.icon(shown.icon));
    this.tray.setToolTip(shown.tooltip);
    if (process.platform === 'darwin') this.tray.setTitle(shown.title);
    app.setBadgeCount(shown.appBadgeCount);
    const window = this.options.window();
    if (process.platform === 'win32' && window) {
      const overlay = shown.overlayDescription ? this.icon('attention') : null;
      window.setOverlayIcon(overlay, shown.overlayDescription ?? '');
    }
  }

  notify(notice: AttentionNotice): void {
    if (!Notification.isSupported()) return;
    const window = this.options.window();
    const looking = {
      exists: window !== null,
      focused: window?.isFocused() ?? false,
      visible: window?.isVisible() ?? false,
    };
    if (!shouldNotify(looking)) return;
    const shown = nativeNotice(notice);
    const notification = new Notification({
      title: shown.title,
      body: shown.body,
      urgency: shown.urgency,
      timeoutType: shown.timeoutType,
      icon: join(this.options.resourcesDir, 'icon.png'),
    });
    this.shown.add(notification);
    notification.on('click', () => this.options.focus(shown.focus));
    notification.on('close', () => this.shown.delete(notification));
    notification.show();
  }

  dispose(): void {
    for (const notification of this.shown) notification.close();
    this.shown.clear();
    this.tray.destroy();
  }

  private icon(kind: 'idle' | 'attention') {
    // macOS tray icons are template images (black + alpha), tinted by the menu bar itself
    const name =
      process.platform === 'darwin'
        ? kind === 'idle'
          ? 'trayTemplate.png'
          : 'trayAttentionTemplate.png'
        : kind === 'idle'
          ? 'tray.png'
          : 'tray-attention.png';
    return nativeImage.createFromPath(join(this.options.resourcesDir, name));
  }
}
