// Plain-text tables and cell formatting for readable (non --json) output.

export interface Column {
  header: string;
  /** Longest a cell may be; longer text ends in an ellipsis. */
  max?: number;
  align?: 'left' | 'right';
}

export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, Math.max(0, max - 1))}…`;
}

/** A value as one line of text: scalars as is, null as "-", the rest as compact JSON. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.length === 0 ? '-' : value.map(cell).join(',');
  }
  return JSON.stringify(value);
}

/** Width of the terminal, else $COLUMNS, else 80: tables fit a classic terminal. */
export function outputWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const fromEnv = Number(process.env['COLUMNS']);
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : 80;
}

/** Narrows the widest columns until the table, with two spaces between columns, fits `width`. */
function fit(widths: number[], width: number, minimum: number[]): number[] {
  const fitted = [...widths];
  const total = () => fitted.reduce((sum, w) => sum + w, 0) + 2 * (fitted.length - 1);
  while (total() > width) {
    const widest = fitted.reduce(
      (best, w, index) => (w - minimum[index]! > fitted[best]! - minimum[best]! ? index : best),
      0,
    );
    if (fitted[widest]! <= minimum[widest]!) break;
    fitted[widest]!--;
  }
  return fitted;
}

export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const natural = columns.map((column, index) =>
    Math.min(
      column.max ?? 60,
      Math.max(column.header.length, ...rows.map((row) => truncate(row[index] ?? '', 500).length)),
    ),
  );
  const widths = fit(
    natural,
    outputWidth(),
    columns.map((column) => Math.min(column.header.length + 1, 12)),
  );
  const cells = rows.map((row) => row.map((text, index) => truncate(text, widths[index]!)));
  const line = (row: readonly string[]) =>
    row
      .map((text, index) => {
        const last = index === row.length - 1;
        if (columns[index]?.align === 'right') return text.padStart(widths[index]!);
        return last ? text : text.padEnd(widths[index]!);
      })
      .join('  ')
      .trimEnd();
  const headers = columns.map((column, index) => truncate(column.header, widths[index]!));
  return [line(headers), ...cells.map(line)].join('\n');
}
