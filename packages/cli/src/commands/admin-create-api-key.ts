/**
 * `akashi admin create-api-key --org ORG --name N [--scopes a,b]`: creates an API key for an
 * approved organisation (ORG: its id or its domain), with the scopes given (default: every
 * scope). Prints the key once: it is stored hashed and cannot be shown again. The last line is
 * one JSON object with the key's id, prefix, scopes and the key itself.
 */
import {
  API_KEY_SCOPES,
  createApiKey,
  findOrganisationByReference,
  isApiKeyScope,
  ServerError,
  type ApiKeyScope,
} from '@akashi/server';
import { CliError, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { withServerDatabase } from './admin-database.js';
import { parseCommandArgs, requireOption } from '../parse-command-args.js';

const readScopes = (value: string | undefined): ApiKeyScope[] => {
  if (value === undefined) return [...API_KEY_SCOPES];
  const scopes = [...new Set(value.split(',').map((scope) => scope.trim()))];
  const unknown = scopes.filter((scope) => !isApiKeyScope(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new CliError('ERR_CLI_INVALID_VALUE', {
      en: `--scopes takes a comma-separated list of ${API_KEY_SCOPES.join(', ')}; unknown: "${unknown.join(',')}".`,
      ja: `--scopes には ${API_KEY_SCOPES.join('、')} をカンマ区切りで指定してください（不明: "${unknown.join(',')}"）。`,
    });
  }
  return scopes.filter(isApiKeyScope);
};

export const runAdminCreateApiKey = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { options, help } = parseCommandArgs(
    args,
    { org: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' } },
    { command: 'admin create-api-key' },
  );
  if (help) return context.printHelp('admin create-api-key');
  const reference = requireOption(options.org, 'org');
  const name = requireOption(options.name, 'name');
  const scopes = readScopes(options.scopes);
  const { row, key } = await withServerDatabase(async (db) => {
    const organisation = await findOrganisationByReference(db, reference);
    if (organisation === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
    return createApiKey(
      db,
      organisation.id,
      { name, scopes },
      { actor: { kind: 'anonymous' }, now: new Date() },
    );
  });
  context.stdout(
    `${context.say({
      en: `Created the API key "${name}" (${row.key_prefix}…). Store the key now: it is shown only once.`,
      ja: `API キー「${name}」（${row.key_prefix}…）を作成しました。キーは一度しか表示されないので、今すぐ保管してください。`,
    })}\n`,
  );
  context.stdout(
    `${JSON.stringify({
      apiKeyId: row.id,
      organisationId: row.organisation_id,
      prefix: row.key_prefix,
      scopes,
      key,
    })}\n`,
  );
  return EXIT_OK;
};
