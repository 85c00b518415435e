/** A migration failed; the database is left as it was before the run (one transaction). */
import type { LocalizedMessage } from '@akashi/core';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly code = 'ERR_DB_MIGRATION_FAILED';
  readonly ja: string;
  /** The migration that failed, when the failure happened inside one. */
  readonly migration: string | undefined;

  constructor(migration: string | undefined, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const message: LocalizedMessage =
      migration === undefined
        ? {
            en: `The database could not be migrated: ${reason}`,
            ja: `データベースを移行できませんでした: ${reason}`,
          }
        : {
            en: `Migration ${migration} failed: ${reason}`,
            ja: `移行 ${migration} に失敗しました: ${reason}`,
          };
    super(message.en, { cause });
    this.ja = message.ja;
    this.migration = migration;
  }
}

export const isMigrationError = (value: unknown): value is MigrationError =>
  value instanceof MigrationError;
