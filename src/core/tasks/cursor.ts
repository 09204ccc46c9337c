// Opaque page cursors: callers pass back what we gave them and never build one themselves.
import { AppError } from '../../shared/errors.ts';

export function encodeCursor(position: Record<string, number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string,
  keys: readonly K[],
): Record<K, number> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (keys.every((key) => Number.isSafeInteger(value[key]))) return value as Record<K, number>;
  } catch {
    // fall through to the error below
  }
  throw new AppError(
    'VALIDATION',
    'cursor is not one this list issued. Pass next_cursor from the previous page unchanged, or omit cursor to start from the first page.',
    { cursor },
  );
}
