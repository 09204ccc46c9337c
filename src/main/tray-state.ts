// How the tray and the dock/taskbar show what waits for the person. Electron has no numeric
// badge on a tray icon, so each platform gets what it can show: a title beside the icon and a
// dock badge on macOS, a launcher count on Linux, a taskbar overlay on Windows; everywhere a
// tooltip and an icon with a dot. The badge's wording is the page's (shared/attention/badge.ts).
import { badgeText } from '../shared/attention/badge.ts';

export interface TrayPresentation {
  icon: 'idle' | 'attention';
  tooltip: string;
  /** Text beside the tray icon (macOS only); empty shows none. */
  title: string;
  /** The dock (macOS) or launcher (Linux Unity/KDE) count; 0 clears it. */
  appBadgeCount: number;
  /** Windows taskbar overlay: its accessible description, or null to clear it. */
  overlayDescription: string | null;
}

export function trayPresentation(count: number, platform: NodeJS.Platform): TrayPresentation {
  const waiting = Math.max(0, Math.floor(count));
  const summary =
    waiting === 0
      ? 'nothing waits for you'
      : `${waiting} ${waiting === 1 ? 'item waits' : 'items wait'} for you`;
  return {
    icon: waiting === 0 ? 'idle' : 'attention',
    tooltip: `Orchestron: ${summary}`,
    title: platform === 'darwin' ? badgeText(waiting) : '',
    appBadgeCount: platform === 'win32' ? 0 : waiting,
    overlayDescription: platform === 'win32' && waiting > 0 ? summary : null,
  };
}

/**
 * Closing the window hides it while the tray icon lives (questions keep arriving and the
 * badge keeps counting); quitting from the tray or the menu really closes it. macOS keeps
 * apps running without windows anyway, so there the window just closes.
 */
export function closeHidesWindow(options: {
  platform: NodeJS.Platform;
  hasTray: boolean;
  quitting: boolean;
}): boolean {
  return options.hasTray && !options.quitting && options.platform !== 'darwin';
}
