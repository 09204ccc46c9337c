// Prepared statements by SQL text, so queries built from a filter are prepared once per shape.
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.ts';

export class StatementCache {
  private readonly db: Db;
  private readonly statements = new Map<string, Statement>();

  constructor(db: Db) {
    this.db = db;
  }

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
