/**
 * `akashi db migrate`: applies the platform's pending database migrations, as `npm start` does at
 * start-up, reading the same environment (AKASHI_DATA_DIR, DATABASE_URL). Safe beside a running
 * server and when there is nothing to do.
 */
import { isMigrationError, migrateDatabase } from '@akashi/server';
import { CliError, EXIT_FAILURE, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { openServerDatabase } from './admin-database.js';

export const runDbMigrate = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { help } = parseCommandArgs(args, {}, { command: 'db migrate' });
  if (help) return context.printHelp('db migrate');
  const { db: database, where } = openServerDatabase();
  try {
    const { applied } = await migrateDatabase(database);
    context.stdout(
      `${context.say(
        applied.length === 0
          ? { en: `${where} is up to date.`, ja: `${where} は最新です。` }
          : {
              en: `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}`,
              ja: `${where} に ${applied.length} 件の移行を適用しました: ${applied.join(', ')}`,
            },
      )}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (!isMigrationError(error)) throw error;
    throw new CliError(
      'ERR_CLI_MIGRATION_FAILED',
      {
        en: `${error.message} (${where}; nothing was applied)`,
        ja: `${error.ja}（${where}。何も適用していません）`,
      },
      EXIT_FAILURE,
    );
  } finally {
    await database.close();
  }
};
