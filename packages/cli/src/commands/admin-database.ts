/**
 * What the `akashi admin` commands share: the platform's database, opened from the same
 * environment as the server (AKASHI_DATA_DIR, DATABASE_URL) and migrated first, as `npm start`
 * does; and the server's domain errors turned into the CLI's (exit 2: the values given cannot
 * be used), with the server's code in the message.
 */
import {
  describeDatabaseTarget,
  isConfigError,
  isMigrationError,
  isServerError,
  loadConfig,
  migrateDatabase,
  openDatabase,
  type Database,
} from '@akashi/server';
import { CliError, EXIT_FAILURE } from '../cli-error.js';

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A server error as a CLI usage error, with every bad field and the server's code. */
const toCliError = (error: unknown): unknown => {
  if (!isServerError(error)) return error;
  const fields = (error.fields ?? []).map((field) => ({
    en: `${field.path.slice(1) || 'value'}: ${field.message.en}`,
    ja: `${field.path.slice(1) || '値'}: ${field.message.ja}`,
  }));
  const detail = (lang: 'en' | 'ja') =>
    fields.length === 0 ? '' : ` (${fields.map((field) => field[lang]).join('; ')})`;
  return new CliError('ERR_CLI_INVALID_VALUE', {
    en: `${error.localized.en}${detail('en')} (${error.code})`,
    ja: `${error.localized.ja}${detail('ja')}（${error.code}）`,
  });
};

/**
 * The server's database, opened from the environment as the server opens it. A bad variable is a
 * usage error (exit 2); a database that cannot be opened, a failure (exit 1).
 */
export const openServerDatabase = (): { db: Database; where: string } => {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    throw new CliError('ERR_CLI_CONFIG_INVALID', { en: error.message, ja: error.ja });
  }
  const where = describeDatabaseTarget(config.database);
  try {
    return { db: openDatabase(config.database), where };
  } catch (error) {
    throw new CliError(
      'ERR_CLI_MIGRATION_FAILED',
      {
        en: `Cannot open the database ${where}: ${reasonOf(error)}`,
        ja: `データベース ${where} を開けません: ${reasonOf(error)}`,
      },
      EXIT_FAILURE,
    );
  }
};

/** Opens and migrates the server's database, runs `body` on it, and closes it. */
export const withServerDatabase = async <T>(body: (db: Database) => Promise<T>): Promise<T> => {
  const { db, where } = openServerDatabase();
  try {
    try {
      await migrateDatabase(db);
    } catch (error) {
      if (!isMigrationError(error)) throw error;
      throw new CliError(
        'ERR_CLI_MIGRATION_FAILED',
        { en: `${error.message} (${where})`, ja: `${error.ja}（${where}）` },
        EXIT_FAILURE,
      );
    }
    return await body(db);
  } catch (error) {
    throw toCliError(error);
  } finally {
    await db.close();
  }
};
