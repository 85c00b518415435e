/**
 * PostgreSQL through a `pg` connection pool. Two things make query results match SQLite's:
 * `bigint` (`count(*)`, `int8` columns) is parsed as a JavaScript number (refused past 2^53), and
 * an optional schema is put first on every connection's search_path.
 */
import pg from 'pg';
import { PostgresDialect } from 'kysely';

export interface CreatePostgresDialectOptions {
  readonly url: string;
  /** Create every table in this schema (it must exist): sets `search_path` on each connection. */
  readonly schema?: string;
  /** Errors of idle pooled connections (the server restarted, the network dropped). */
  readonly onIdleError?: (error: Error) => void;
}

const INT8_OID = 20;

const parseInt8 = (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`A bigint value (${text}) does not fit a JavaScript number.`);
  }
  return value;
};

type TypeParser = (value: string) => unknown;
const readBuiltinParser = pg.types.getTypeParser.bind(pg.types) as (
  oid: number,
  format?: 'text' | 'binary',
) => TypeParser;

/** Type parsers for this pool only: the pg module's global parsers are left alone. */
const TYPES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): TypeParser =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : readBuiltinParser(oid, format),
};

/** A schema name that needs no quoting: lower-case letters, digits and underscores. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export const createPostgresDialect = (options: CreatePostgresDialectOptions): PostgresDialect => {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME_PATTERN.test(schema)) {
    throw new TypeError(`schema: "${schema}" is not a plain lower-case PostgreSQL identifier`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    application_name: 'akashi',
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types: TYPES,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Without a listener, an idle connection's error would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return new PostgresDialect({ pool });
};
