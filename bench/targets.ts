// The performance targets the figures are printed next to. Nothing asserts them: the bench
// reports, people decide.

export const TARGETS = {
  /** 10,000 tasks imported (import_project) in under a second. */
  importMs: { size: 10_000, ms: 1_000 },
  /** Single operations under 1 ms median at 50,000 tasks. */
  singleOperationMs: { size: 50_000, ms: 1 },
  /** A whole CLI command, process start to exit, under 150 ms. */
  cliMs: 150,
  /** `orchestron task get 1` within this multiple of `node -e ""` on the same Node. */
  cliVersusNode: 2,
} as const;

export type Verdict = 'ok' | 'MISS' | 'n/a';

export function verdict(value: number, limit: number): Verdict {
  return value < limit ? 'ok' : 'MISS';
}
