/**
 * Runs a command's reads and writes in one transaction, handing it a `Database` whose queries go
 * through that transaction, so that helpers taking a `Database` (the audit recorder) join it:
 * the change and its audit event are stored together or not at all.
 *
 * On PostgreSQL, a command that checks an invariant across rows (the last administrator of an
 * organisation) also locks a parent row first (`select … for update`); on SQLite the one connection
 * already serialises transactions.
 */
import type { Database } from './open-database.js';

export const runInTransaction = <T>(db: Database, body: (tx: Database) => Promise<T>): Promise<T> =>
  db.kysely.transaction().execute((trx) =>
    body({
      kysely: trx,
      dialect: db.dialect,
      description: db.description,
      get closed() {
        return db.closed;
      },
      close: () => db.close(),
    }),
  );
