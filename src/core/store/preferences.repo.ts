// SQL for per-user preferences (the database lives in the user's data folder): named JSON values.
import type { Db } from './database.ts';

export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>;

export function createPreferencesRepo(db: Db) {
  const read = db.prepare<[string], { value: string }>(
    'SELECT value FROM preferences WHERE name = ?',
  );
  const write = db.prepare(
    'INSERT INTO preferences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (name: string): unknown => {
      const row = read.get(name);
      return row === undefined ? undefined : JSON.parse(row.value);
    },
    set: (name: string, value: unknown): void => void write.run(name, JSON.stringify(value)),
  };
}
