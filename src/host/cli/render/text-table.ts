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

/** Width of the terminal, or a generous one when output goes to a file or a pipe. */
export function outputWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120;
}

export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const cells = rows.map((row) =>
    row.map((text, index) => truncate(text, columns[index]?.max ?? 60)),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((row) => row[index]?.length ?? 0)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((text, index) => {
        const last = index === row.length - 1;
        if (columns[index]?.align === 'right') return text.padStart(widths[index]!);
        return last ? text : text.padEnd(widths[index]!);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)].join('\n');
}
