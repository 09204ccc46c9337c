// The ordered list of schema migrations. Forward-only: never edit one that has shipped; add the
// next number instead.
import { migration001 } from './001-tasks.ts';
import { migration002 } from './002-projects-in-folders.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
