// A value inside a command's output by a dotted path: the field a view shows ("report.markdown"),
// the field an exit code comes from ("execution.exit_code"). Tiny, so commands load it eagerly.

/** The value at a dotted path, undefined where the path leads nowhere. */
export function valueAt(output: unknown, path: string): unknown {
  let value: unknown = output;
  for (const key of path.split('.'))
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return value;
}
