/**
 * Whether a database error is a unique-constraint violation, on SQLite (better-sqlite3) or
 * PostgreSQL (pg): how a command turns a race it lost (two inserts of the same domain) into its
 * own conflict error.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
};
