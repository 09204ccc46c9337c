// The ordered list of schema migrations. Forward-only: never edit one that has shipped; add the
// next number instead.
import { migration001 } from './001-tasks.ts';
import { migration002 } from './002-projects-in-folders.ts';
import { migration003 } from './003-claims-and-sessions.ts';
import { migration004 } from './004-approval-gates.ts';
import { migration005 } from './005-progress-context-artifacts.ts';
import { migration006 } from './006-interventions.ts';
import { migration007 } from './007-leased-tasks-index.ts';
import { migration008 } from './008-question-replies.ts';
import { migration009 } from './009-runs.ts';
import { migration010 } from './010-workflows.ts';
import { migration011 } from './011-task-analyses.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];
