/**
 * `akashi admin create-operator --email E [--display-name NAME] [--locale ja|en]`: creates a
 * platform operator account on the server's database (the address counts as confirmed), for
 * installations that do not use the first-run set-up link. The password comes from
 * AKASHI_PASSWORD or, piped, from standard input (its first line); never from an option, which
 * would leave it in the shell history and the process list. Prints a line for people, then the
 * ids as one JSON object on the last line.
 */
import { createOperator } from '@akashi/server';
import { CliError, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { parseCommandArgs, readChoice, requireOption } from '../parse-command-args.js';
import { withServerDatabase } from './admin-database.js';

const LOCALES = ['ja', 'en'] as const;

const noPassword = (): CliError =>
  new CliError('ERR_CLI_MISSING_VALUE', {
    en: 'Give the password in AKASHI_PASSWORD, or pipe it on standard input (it is never taken as an option).',
    ja: 'パスワードを環境変数 AKASHI_PASSWORD で指定するか、標準入力から渡してください（オプションでは受け付けません）。',
  });

const readStandardInput = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** AKASHI_PASSWORD, else the first line of standard input (not a terminal). */
const readPassword = async (): Promise<string> => {
  const fromEnv = process.env.AKASHI_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) throw noPassword();
  const line = (await readStandardInput()).split(/\r?\n/)[0] ?? '';
  if (line === '') throw noPassword();
  return line;
};

export const runAdminCreateOperator = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { options, help } = parseCommandArgs(
    args,
    { email: { type: 'string' }, 'display-name': { type: 'string' }, locale: { type: 'string' } },
    { command: 'admin create-operator' },
  );
  if (help) return context.printHelp('admin create-operator');
  const email = requireOption(options.email, 'email');
  const locale = readChoice(options.locale ?? 'ja', LOCALES, 'locale');
  const displayName = options['display-name'] ?? email.slice(0, Math.max(0, email.indexOf('@')));
  const password = await readPassword();
  const result = await withServerDatabase((db) =>
    createOperator(
      db,
      { email, password, displayName: displayName === '' ? email : displayName, locale },
      { now: new Date() },
      { via: 'cli' },
    ),
  );
  context.stdout(
    `${context.say({
      en: `Created the operator account ${result.email}; it can sign in now.`,
      ja: `運営者アカウント ${result.email} を作成しました。すぐにサインインできます。`,
    })}\n`,
  );
  context.stdout(`${JSON.stringify({ userId: result.userId, email: result.email })}\n`);
  return EXIT_OK;
};
