/**
 * `akashi admin create-org --name N --domain D --admin-email E [--name-en N] [--type T]`:
 * creates an organisation that is approved at once, its first org admin (the account is
 * created without a password when missing; its owner sets one through password reset), and its
 * default issuer profile with new Ed25519 and RSA keys encrypted under the master key. Prints a
 * line for people, then the ids as one JSON object on the last line.
 */
import {
  createApprovedOrganisation,
  createKeyStore,
  ensureDefaultIssuerProfile,
  loadConfig,
  loadMasterKey,
  type MasterKey,
  type OrganisationType,
} from '@akashi/server';
import { CliError, EXIT_FAILURE, EXIT_OK, type ExitStatus } from '../cli-error.js';
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

/** The key store's errors (an unreadable or unsafe master key file) as the CLI's. */
const readMasterKey = async (config: ReturnType<typeof loadConfig>): Promise<MasterKey> => {
  try {
    return await loadMasterKey(config);
  } catch (error) {
    const { code, ja } = error as { code?: unknown; ja?: unknown };
    if (error instanceof Error && typeof code === 'string' && typeof ja === 'string') {
      throw new CliError(
        'ERR_CLI_CONFIG_INVALID',
        { en: `${error.message} (${code})`, ja: `${ja}（${code}）` },
        EXIT_FAILURE,
      );
    }
    throw error;
  }
};

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
  const result = await withServerDatabase(async (db) => {
    // Already read without error by withServerDatabase.
    const config = loadConfig(process.env);
    // The master key first: nothing is created when the keys could not be.
    const masterKey = await readMasterKey(config);
    const now = new Date();
    const created = await createApprovedOrganisation(
      db,
      { legalName, nameEn: options['name-en'] ?? legalName, domain, type, adminEmail },
      now,
    );
    const issuer = await ensureDefaultIssuerProfile(
      { config, db, clock: () => new Date(), keys: createKeyStore({ db, masterKey }), masterKey },
      created.organisationId,
      { actor: { kind: 'anonymous' }, now },
    );
    return { ...created, issuerId: issuer.id };
  });
  context.stdout(
    `${context.say({
      en: `Created the approved organisation ${domain.toLowerCase()} and its issuer profile; ${adminEmail} is its administrator${
        result.userCreated
          ? ' (new account without a password: they set one with password reset)'
          : ''
      }.`,
      ja: `承認済みの組織 ${domain.toLowerCase()} と発行者プロフィールを作成しました。${adminEmail} が管理者です${
        result.userCreated
          ? '（パスワード未設定の新しいアカウントです。パスワードの再設定で設定してもらってください）'
          : ''
      }。`,
    })}\n`,
  );
  context.stdout(`${JSON.stringify(result)}\n`);
  return EXIT_OK;
};
