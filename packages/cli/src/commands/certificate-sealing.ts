/**
 * How `akashi certificate render` seals: the signer (a local PKCS#12 file, or a Cloud Signature
 * Consortium API v2 service that is sent only the document's hash), the RFC 3161 time-stamp
 * authority, and the PAdES level. Both services are reached through core's guarded POST: https
 * to public addresses only, unless a host is named with --allow-host (on-premises services,
 * tests), with a deadline and a cap on the answer's size.
 */
import { createGuardedPoster } from '@akashi/core';
import {
  createCscSigner,
  createPkcs12Signer,
  createTsaClient,
  type DigestSigner,
  type HttpPost,
  type PadesLevel,
  type TimestampAuthority,
} from '@akashi/certificates';
import { CliError } from '../cli-error.js';
import { readInputBytes, readInputText } from '../file-io.js';
import { requireOption } from '../parse-command-args.js';

/** A time-stamp reply or a CSC answer is a few KiB; 1 MiB leaves room for long chains. */
const MAX_ANSWER_BYTES = 1024 * 1024;
const SERVICE_TIMEOUT_MS = 20_000;

export const SEALING_OPTIONS = {
  p12: { type: 'string' },
  'p12-password-env': { type: 'string' },
  'csc-url': { type: 'string' },
  'csc-credential': { type: 'string' },
  'csc-token-env': { type: 'string' },
  'csc-pin-env': { type: 'string' },
  tsa: { type: 'string' },
  'tsa-trust': { type: 'string', multiple: true },
  level: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
} as const;

export interface SealingOptionValues {
  readonly p12?: string | undefined;
  readonly 'p12-password-env'?: string | undefined;
  readonly 'csc-url'?: string | undefined;
  readonly 'csc-credential'?: string | undefined;
  readonly 'csc-token-env'?: string | undefined;
  readonly 'csc-pin-env'?: string | undefined;
  readonly tsa?: string | undefined;
  readonly 'tsa-trust'?: readonly string[] | undefined;
  readonly level?: string | undefined;
  readonly 'allow-host'?: readonly string[] | undefined;
}

export interface Sealing {
  readonly signer: DigestSigner;
  readonly level: PadesLevel;
  readonly tsa: TimestampAuthority | undefined;
}

const LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

/** A secret from the named environment variable (never from an option: it would show in ps). */
const readSecret = (variable: string, option: string): string => {
  const value = process.env[variable];
  if (value !== undefined && value !== '') return value;
  throw new CliError('ERR_CLI_MISSING_OPTION', {
    en: `The environment variable ${variable} (${option}) is not set.`,
    ja: `環境変数 ${variable}（${option}）が設定されていません。`,
  });
};

const invalid = (en: string, ja: string): CliError =>
  new CliError('ERR_CLI_INVALID_VALUE', { en, ja });

const readServiceUrl = (value: string, option: string): string => {
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
  throw invalid(
    `${option} takes an http(s) URL; got "${value}".`,
    `${option} には http(s) の URL を指定してください（指定値: "${value}"）。`,
  );
};

/** The DER certificates of PEM files (trust anchors for the TSA's certificate). */
const readPemCertificates = (paths: readonly string[]): Uint8Array[] =>
  paths.flatMap((path) => {
    const blocks = readInputText(path).match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    );
    if (blocks === null) {
      throw invalid(
        `${path} holds no PEM certificate (--tsa-trust).`,
        `${path} に PEM 形式の証明書がありません（--tsa-trust）。`,
      );
    }
    return blocks.map(
      (block) => new Uint8Array(Buffer.from(block.replace(/-----[^-]+-----|\s/g, ''), 'base64')),
    );
  });

/** The certificates package's HTTP POST over core's guarded poster. */
const createServicePost = (allowHosts: readonly string[]): HttpPost => {
  const guarded = createGuardedPoster({ allowHosts, timeoutMs: SERVICE_TIMEOUT_MS });
  return async (url, body, contentType, headers) => {
    const answer = await guarded({
      url,
      headers: { ...headers, 'content-type': contentType },
      body,
      maxResponseBytes: MAX_ANSWER_BYTES,
    });
    return {
      status: answer.status,
      contentType: answer.contentType,
      body: answer.body ?? new Uint8Array(),
    };
  };
};

const readLevel = (value: string | undefined, withTsa: boolean): PadesLevel => {
  if (value === undefined) return withTsa ? 'B-T' : 'B-B';
  const level = LEVELS.find((candidate) => candidate === value.toUpperCase());
  if (level === undefined) {
    throw invalid(
      `--level takes B-B, B-T, B-LT or B-LTA; got "${value}".`,
      `--level には B-B・B-T・B-LT・B-LTA のいずれかを指定してください（指定値: "${value}"）。`,
    );
  }
  if (level !== 'B-B' && !withTsa) {
    throw new CliError('ERR_CLI_MISSING_OPTION', {
      en: `PAdES ${level} needs a time-stamp: give --tsa URL.`,
      ja: `PAdES ${level} にはタイムスタンプが必要です。--tsa URL を指定してください。`,
    });
  }
  return level;
};

/**
 * The sealing the options ask for, or undefined when the certificate is not to be sealed.
 * `allowHosts` are the --allow-host values, already checked.
 */
export const readSealing = async (
  options: SealingOptionValues,
  allowHosts: readonly string[],
): Promise<Sealing | undefined> => {
  const local = options.p12 !== undefined;
  const remote = options['csc-url'] !== undefined;
  if (local && remote) {
    throw invalid(
      'Give either --p12 (a local key) or --csc-url (a remote signing service), not both.',
      '--p12（手元の鍵）と --csc-url（リモート署名サービス）のどちらか一方だけを指定してください。',
    );
  }
  if (!local && !remote) {
    if (options.tsa !== undefined || options.level !== undefined) {
      throw new CliError('ERR_CLI_MISSING_OPTION', {
        en: 'A seal needs a key: give --p12 FILE or --csc-url URL.',
        ja: '電子印には鍵が必要です。--p12 FILE または --csc-url URL を指定してください。',
      });
    }
    return undefined;
  }
  const withTsa = options.tsa !== undefined;
  const level = readLevel(options.level, withTsa);
  const post = remote || withTsa ? createServicePost(allowHosts) : undefined;
  const signer =
    options.p12 !== undefined
      ? createPkcs12Signer(
          readInputBytes(options.p12),
          readSecret(
            requireOption(options['p12-password-env'], 'p12-password-env'),
            '--p12-password-env',
          ),
        )
      : await createCscSigner({
          baseUrl: readServiceUrl(options['csc-url'] ?? '', '--csc-url'),
          credentialID: requireOption(options['csc-credential'], 'csc-credential'),
          accessToken: readSecret(
            requireOption(options['csc-token-env'], 'csc-token-env'),
            '--csc-token-env',
          ),
          ...(options['csc-pin-env'] === undefined
            ? {}
            : { pin: readSecret(options['csc-pin-env'], '--csc-pin-env') }),
          post: post ?? createServicePost(allowHosts),
          timeoutMs: SERVICE_TIMEOUT_MS,
        });
  const trust = readPemCertificates(options['tsa-trust'] ?? []);
  const tsa =
    options.tsa === undefined
      ? undefined
      : createTsaClient({
          url: readServiceUrl(options.tsa, '--tsa'),
          post: post ?? createServicePost(allowHosts),
          timeoutMs: SERVICE_TIMEOUT_MS,
          ...(trust.length === 0 ? {} : { trust }),
        });
  return { signer, level, tsa };
};
