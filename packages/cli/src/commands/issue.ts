/**
 * `akashi issue --key KEY.json --achievement ACHIEVEMENT.json --recipient EMAIL [options]`:
 * builds an OpenBadgeCredential awarding the achievement to the recipient and signs it with an
 * embedded eddsa-rdfc-2022 proof (`di`) or as a VC-JWT (`jwt`).
 */
import {
  buildAchievement,
  buildIdentityObject,
  buildOpenBadgeCredential,
  didKeyFor,
  importPrivateJwk,
  issueCredential,
  normalizeEmail,
  type AchievementInput,
  type IssueFormat,
  type SigningKey,
} from '@akashi/core';
import { CliError, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { readJsonFile, writeOutputFile } from '../file-io.js';
import { parseCommandArgs, readChoice, requireOption } from '../parse-command-args.js';

const OPTIONS = {
  key: { type: 'string' },
  achievement: { type: 'string' },
  recipient: { type: 'string' },
  'issuer-id': { type: 'string' },
  'issuer-name': { type: 'string' },
  format: { type: 'string' },
  'subject-id': { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-until': { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

const FORMATS: readonly IssueFormat[] = ['di', 'jwt'];

// XML Schema dateTimeStamp, as the verifier reads validFrom and validUntil.
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A date-time option, checked: it must carry a time zone. */
export const readDateTime = (value: string | undefined, name: string): string | undefined => {
  if (value === undefined) return undefined;
  if (DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new CliError('ERR_CLI_INVALID_VALUE', {
    en: `--${name} must be a date-time with a time zone, such as 2030-03-31T23:59:59+09:00; got "${value}".`,
    ja: `--${name} には 2030-03-31T23:59:59+09:00 のようなタイムゾーン付きの日時を指定してください（指定値: "${value}"）。`,
  });
};

/** The recipient's e-mail address, checked only for its shape (`local@domain`). */
export const readEmail = (value: string): string => {
  if (/^[^\s@]+@[^\s@]+$/.test(value.trim())) return value;
  throw new CliError('ERR_CLI_INVALID_VALUE', {
    en: `--recipient must be an e-mail address; got "${value}".`,
    ja: `--recipient にはメールアドレスを指定してください（指定値: "${value}"）。`,
  });
};

/** The issuer id: `--issuer-id`, else the key's did:key (Ed25519 and P-256 keys have one). */
export const chooseIssuerId = (key: SigningKey, issuerId: string | undefined): string => {
  const own = key.type === 'rsa' ? undefined : didKeyFor(key);
  if (issuerId === undefined) {
    if (own !== undefined) return own;
    throw new CliError('ERR_CLI_ISSUER_REQUIRED', {
      en: 'An RSA key has no did:key: give --issuer-id (the https URL or DID that publishes the key).',
      ja: 'RSA 鍵には did:key がありません。--issuer-id（鍵を公開している https の URL または DID）を指定してください。',
    });
  }
  // A did:key names exactly one key: any other would make every signature unverifiable.
  if (issuerId.startsWith('did:key:') && issuerId !== own) {
    throw new CliError('ERR_CLI_INVALID_VALUE', {
      en: `--issuer-id ${issuerId} is not the did:key of this key${own === undefined ? '' : ` (${own})`}.`,
      ja: `--issuer-id ${issuerId} はこの鍵の did:key ではありません${own === undefined ? '' : `（${own}）`}。`,
    });
  }
  return issuerId;
};

const readObject = (value: unknown, path: string): Record<string, unknown> => {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new CliError('ERR_CLI_NOT_OBJECT', {
    en: `The achievement file ${path} must hold a JSON object.`,
    ja: `アチーブメントのファイル ${path} には JSON オブジェクトを入れてください。`,
  });
};

export const runIssue = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { options, help } = parseCommandArgs(args, OPTIONS, { command: 'issue' });
  if (help) return context.printHelp('issue');
  const keyPath = requireOption(options.key, 'key');
  const achievementPath = requireOption(options.achievement, 'achievement');
  const recipient = readEmail(requireOption(options.recipient, 'recipient'));
  const format = readChoice(options.format ?? 'di', FORMATS, 'format');
  const validFrom = readDateTime(options['valid-from'], 'valid-from');
  const validUntil = readDateTime(options['valid-until'], 'valid-until');

  const key = importPrivateJwk(readJsonFile(keyPath, { en: 'key file', ja: '鍵ファイル' }));
  const issuerId = chooseIssuerId(key, options['issuer-id']);
  const achievementJson = readObject(
    readJsonFile(achievementPath, { en: 'achievement file', ja: 'アチーブメントのファイル' }),
    achievementPath,
  );
  const achievement = buildAchievement(achievementJson as unknown as AchievementInput);
  // VC-JWT needs credentialSubject.id for its "sub" claim; Data Integrity does not.
  const subjectId =
    options['subject-id'] ?? (format === 'jwt' ? `mailto:${normalizeEmail(recipient)}` : undefined);
  const credential = buildOpenBadgeCredential({
    name: achievement.name,
    issuer: {
      id: issuerId,
      name: options['issuer-name'] ?? achievement.creator?.name ?? issuerId,
    },
    validFrom,
    validUntil,
    credentialSubject: {
      id: subjectId,
      identifier: buildIdentityObject({ email: recipient }),
      achievement,
    },
  });
  const issued = await issueCredential(credential, { key, format });
  const text =
    issued.format === 'jwt' ? `${issued.jwt}\n` : `${JSON.stringify(issued.credential, null, 2)}\n`;
  if (options.out === undefined) context.stdout(text);
  else writeOutputFile(options.out, text);
  return EXIT_OK;
};
