import type Database from 'better-sqlite3';
import type { Db } from './database.js';

/**
 * Prepared statements, compiled once per database and SQL text and then reused: preparing is
 * SQLite parsing and planning the query, which costs more than running a primary-key lookup.
 * better-sqlite3 re-prepares a cached statement by itself if the schema changes under it.
 * Call sites keep the same shape as `db.prepare<Params, Row>(sql)`.
 */
const cache = new WeakMap<Db, Map<string, Database.Statement<unknown[], unknown>>>();

export function statement<BindParameters extends unknown[] | object = unknown[], Result = unknown>(
  db: Db,
  sql: string,
): BindParameters extends unknown[] ? Database.Statement<BindParameters, Result> : Database.Statement<[BindParameters], Result> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared as never;
}

/** The SQL texts prepared so far on `db` (for the query-plan test: every statement a ceremony ran). */
export function preparedSql(db: Db): string[] {
  return [...(cache.get(db)?.keys() ?? [])];
}
