// A progress bar on standard error for work that takes longer than about a second, drawn only
// when standard error is a terminal, and erased when the work ends.
import type { ProgressReport } from '../../core/call-context.ts';

/** Work shorter than this shows no bar at all. */
const SHOW_AFTER_MS = 1_000;
const WIDTH = 24;

export interface ProgressBar {
  report(progress: ProgressReport): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const start = performance.now();
  let drawn = false;
  if (!stream.isTTY) return { report: () => {}, done: () => {} };
  return {
    report({ phase, done, total }) {
      if (performance.now() - start < SHOW_AFTER_MS) return;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * WIDTH);
      const counts = total > 0 ? ` ${done.toLocaleString('en')}/${total.toLocaleString('en')}` : '';
      const line = `[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ${phase}${counts}`;
      stream.write(`\r${line.slice(0, (stream.columns || 80) - 1)}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
