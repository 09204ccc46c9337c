// A value built the first time it is asked for. Schemas are declared with it so that a command
// pays only for the schemas of the operation it runs: building every zod schema at start-up
// was most of a short CLI command's time.

export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
