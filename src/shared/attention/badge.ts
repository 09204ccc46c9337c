// The badge that counts what waits for the person, as the tray, the window title and the page
// show it. Pure, so the desktop shell and the browser page say the same thing.

/** Past this a badge stops counting: "99+" reads at a glance where "1234" would not fit. */
export const BADGE_MAX = 99;

/** "" for nothing waiting (no badge at all), "7", or "99+". */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(Math.floor(count));
}

/** "(3) Orchestron": the count first, so it stays visible in a narrow tab. */
export function titleWithBadge(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, '');
  const badge = badgeText(count);
  return badge === '' ? bare : `(${badge}) ${bare}`;
}
