// Renders the app's PNG icons from SVG in headless Chromium (no image tools needed): the 1024 px
// app icon electron-builder converts for every platform, and the tray images (colour for Linux
// and Windows, black template images for the macOS menu bar), each at 1x and 2x.
// Run after changing resources/icon.svg: `node scripts/render-icons.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './desktop-launch.ts';

const RESOURCES = join(ROOT, 'resources');
const APP_ICON = readFileSync(join(RESOURCES, 'icon.svg'), 'utf8');
/** The icon's three nodes and two edges, as one black glyph (menu bars tint templates). */
const GLYPH = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <g stroke="#000" stroke-width="6" stroke-linecap="round" fill="none"><path d="M18 18 L32 46 M46 18 L32 46"/></g>
  <g fill="#000"><circle cx="16" cy="16" r="9"/><circle cx="48" cy="16" r="9"/><circle cx="32" cy="48" r="10"/></g>
</svg>`;
/** Adds the "something waits" dot at the top right, in the badge's orange (or black for templates). */
function withDot(svg: string, colour: string): string {
  const dot = `<circle cx="52" cy="52" r="12" fill="${colour}" stroke="#fff" stroke-width="3"/>`;
  return svg.replace(/<\/svg>\s*$/, `${dot}</svg>`);
}

const OUTPUTS: Array<{ file: string; svg: string; size: number }> = [
  { file: 'icon.png', svg: APP_ICON, size: 1024 },
  ...[1, 2].flatMap((scale) => {
    const suffix = scale === 2 ? '@2x' : '';
    return [
      // 22 px: the tray size of GNOME, KDE and Windows at 100 %
      { file: `tray${suffix}.png`, svg: APP_ICON, size: 22 * scale },
      { file: `tray-attention${suffix}.png`, svg: withDot(APP_ICON, '#f97316'), size: 22 * scale },
      // 16 pt: the macOS menu bar
      { file: `trayTemplate${suffix}.png`, svg: GLYPH, size: 16 * scale },
      { file: `trayAttentionTemplate${suffix}.png`, svg: withDot(GLYPH, '#000'), size: 16 * scale },
    ];
  }),
];

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const { file, svg, size } of OUTPUTS) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
    writeFileSync(join(RESOURCES, file), await page.screenshot({ omitBackground: true }));
    process.stdout.write(`resources/${file} (${size}x${size})\n`);
  }
} finally {
  await browser.close();
}
