/**
 * Opens the platform's database: the embedded SQLite file or a PostgreSQL server, behind the one
 * query layer (Kysely). Everything above this module is written once for both.
 */
import { Kysely } from 'kysely';
import { createPostgresDialect } from './postgres-dialect.js';
import { createSqliteDialect } from './sqlite-dialect.js';
import type { Tables } from './tables.js';

export type DatabaseDialect = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly schema?: string };

export interface Database {
  /** The query builder; `db.kysely.selectFrom('instance')…`. */
  readonly kysely: Kysely<Tables>;
  readonly dialect: DatabaseDialect;
  /** Where the data is, for logs: the SQLite file, or the PostgreSQL URL without its password. */
  readonly description: string;
  /** True once `close()` has been called. */
  readonly closed: boolean;
  /** Closes every connection; later calls do nothing. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Errors of idle PostgreSQL connections; they never reach a request. */
  readonly onIdleError?: (error: Error) => void;
}

/** The target for logs and messages, never with a password. */
export const describeDatabaseTarget = (target: DatabaseTarget): string => {
  if (target.dialect === 'sqlite') return `sqlite:${target.file}`;
  try {
    const url = new URL(target.url);
    url.password = '';
    url.search = '';
    return `${url.toString()}${target.schema === undefined ? '' : ` (schema ${target.schema})`}`;
  } catch {
    return 'postgres (unparsable URL)';
  }
};

/**
 * Opens the database. SQLite is opened at once (a missing file and its directory are created);
 * PostgreSQL connections are made on first use, so an unreachable server shows at the first query.
 */
export const openDatabase = (
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Database => {
  const dialect =
    target.dialect === 'sqlite'
      ? createSqliteDialect(target.file)
      : createPostgresDialect({
          url: target.url,
          ...(target.schema === undefined ? {} : { schema: target.schema }),
          ...(options.onIdleError === undefined ? {} : { onIdleError: options.onIdleError }),
        });
  const kysely = new Kysely<Tables>({ dialect });
  let closing: Promise<void> | undefined;
  return {
    kysely,
    dialect: target.dialect,
    description: describeDatabaseTarget(target),
    get closed() {
      return closing !== undefined;
    },
    close: () => (closing ??= kysely.destroy()),
  };
};
