/**
 * `akashi admin create-org --name N --domain D --admin-email E [--name-en N] [--type T]`:
 * creates an organisation that is approved at once, and its first org admin (the account is
 * created without a password when missing; its owner sets one through password reset). Prints a
 * line for people, then the ids as one JSON object on the last line.
 */
import { createApprovedOrganisation, type OrganisationType } from '@akashi/server';
import { EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { withServerDatabase } from './admin-database.js';
import { parseCommandArgs, readChoice, requireOption } from '../parse-command-args.js';

const TYPES: readonly OrganisationType[] = [
  'university',
  'school',
  'company',
  'association',
  'government',
];

export const runAdminCreateOrg = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { options, help } = parseCommandArgs(
    args,
    {
      name: { type: 'string' },
      'name-en': { type: 'string' },
      domain: { type: 'string' },
      'admin-email': { type: 'string' },
      type: { type: 'string' },
    },
    { command: 'admin create-org' },
  );
  if (help) return context.printHelp('admin create-org');
  const legalName = requireOption(options.name, 'name');
  const domain = requireOption(options.domain, 'domain');
  const adminEmail = requireOption(options['admin-email'], 'admin-email');
  const type = readChoice(options.type ?? 'university', TYPES, 'type');
  const result = await withServerDatabase((db) =>
    createApprovedOrganisation(
      db,
      { legalName, nameEn: options['name-en'] ?? legalName, domain, type, adminEmail },
      new Date(),
    ),
  );
  context.stdout(
    `${context.say({
      en: `Created the approved organisation ${domain.toLowerCase()}; ${adminEmail} is its administrator${
        result.userCreated
          ? ' (new account without a password: they set one with password reset)'
          : ''
      }.`,
      ja: `承認済みの組織 ${domain.toLowerCase()} を作成しました。${adminEmail} が管理者です${
        result.userCreated
          ? '（パスワード未設定の新しいアカウントです。パスワードの再設定で設定してもらってください）'
          : ''
      }。`,
    })}\n`,
  );
  context.stdout(`${JSON.stringify(result)}\n`);
  return EXIT_OK;
};
