/**
 * Reads the platform's configuration from environment variables. Every variable is optional: with
 * none set, the platform listens on 127.0.0.1:3000 and keeps its data (an embedded SQLite
 * database) under ./data. An empty value counts as unset. Every bad value is reported at once,
 * in a `ConfigError`.
 */
import type { KeyObject } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import type { LocalizedMessage } from '@akashi/core';
import type { DatabaseTarget } from '../db/open-database.js';
import { MASTER_KEY_FORMAT, parseMasterKey } from '../keys/master-key.js';
import { ConfigError, type ConfigIssue } from './config-error.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `true` trusts every proxy; a number, that many hops; a list, those addresses or CIDR ranges. */
export type ImageStoreKind = 'database' | 'data-directory';

export type TrustProxy = boolean | number | readonly string[];

export interface Config {
  /** TCP port (`PORT`, default 3000; 0 picks a free port). */
  readonly port: number;
  /** Listening address (`HOST`, default 127.0.0.1; set 0.0.0.0 or :: to accept remote clients). */
  readonly host: string;
  /** Absolute path of the data directory (`AKASHI_DATA_DIR`, default ./data). */
  readonly dataDir: string;
  /** `DATABASE_URL` (postgres://…), else the SQLite file `akashi.sqlite` in the data directory. */
  readonly database: DatabaseTarget;
  /** The public origin used in generated links (`PUBLIC_URL`), without a trailing slash. */
  readonly publicUrl: string;
  /** `LOG_LEVEL`, default info. */
  readonly logLevel: LogLevel;
  /** Largest accepted request body in bytes (`AKASHI_BODY_LIMIT`, default 1 MiB). */
  readonly bodyLimit: number;
  /** Which proxies' X-Forwarded-* headers to believe (`AKASHI_TRUST_PROXY`, default none). */
  readonly trustProxy: TrustProxy;
  /**
   * The SMTP server e-mail goes through (`SMTP_URL`, smtp:// or smtps://, user and password in
   * the URL). Unset: e-mails are written to `<dataDir>/outbox/` and their links logged.
   */
  readonly smtpUrl?: string;
  /** The sender of e-mails (`MAIL_FROM`; default `Akashi <no-reply@host of PUBLIC_URL>`). */
  readonly mailFrom?: string;
  /**
   * The master key that stored private keys are encrypted under (`AKASHI_MASTER_KEY`: 32 bytes
   * in base64 or hex), as a KeyObject that never prints its value. Unset: the key file is used.
   */
  readonly masterKey?: KeyObject;
  /**
   * Absolute path of the master key file (`AKASHI_MASTER_KEY_FILE`; default
   * `<dataDir>/master.key`, created mode 0600 on first start). Ignored when `masterKey` is set.
   */
  readonly masterKeyFile?: string;
  /**
   * Let webhook endpoints be on loopback and private addresses, and plain http for those
   * (`AKASHI_WEBHOOK_ALLOW_PRIVATE=1`, for on-premises receivers; default no).
   */
  readonly webhookAllowPrivateTargets: boolean;
  /**
   * Where badge images are kept (`AKASHI_IMAGE_STORE`): `database` (default; backed up with it)
   * or `data-directory` (`<AKASHI_DATA_DIR>/images`).
   */
  readonly imageStore: ImageStoreKind;
  /**
   * `host` or `host:port` entries that the platform's verifier may fetch although they resolve to
   * loopback or private addresses, and over plain http (`AKASHI_FETCH_ALLOW_HOSTS`,
   * comma-separated; for on-premises issuers and tests; default none).
   */
  readonly fetchAllowHosts?: readonly string[];
  /**
   * How often a wallet badge is re-verified in the background, in hours
   * (`AKASHI_WALLET_RECHECK_HOURS`, 1 to 720; default 24).
   */
  readonly walletRecheckHours?: number;
  /**
   * The platform's terms of service and privacy policy (`AKASHI_TERMS_URL`,
   * `AKASHI_PRIVACY_URL`; absolute http or https URLs), named by the Open Badges API's service
   * description; unset: `PUBLIC_URL` itself.
   */
  readonly termsUrl?: string;
  readonly privacyUrl?: string;
}

export interface LoadConfigOptions {
  /** The directory a relative AKASHI_DATA_DIR is resolved against (default: process.cwd()). */
  readonly cwd?: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const SQLITE_FILE_NAME = 'akashi.sqlite';
export const DEFAULT_WALLET_RECHECK_HOURS = 24;

type Read<T> = { ok: true; value: T } | { ok: false; message: LocalizedMessage };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(en: string, ja: string): Read<T> => ({ ok: false, message: { en, ja } });

const readPort = (raw: string): Read<number> =>
  /^\d{1,5}$/.test(raw) && Number(raw) <= 65535
    ? ok(Number(raw))
    : bad(
        `must be an integer from 0 to 65535, not "${raw}".`,
        `0〜65535 の整数を指定してください（指定値: "${raw}"）。`,
      );

const readDatabaseUrl = (raw: string): Read<string> => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad(
      'must be a URL such as postgres://user:password@host:5432/akashi.',
      'postgres://ユーザー:パスワード@ホスト:5432/akashi のような URL を指定してください。',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return bad(
      `must be a postgres:// or postgresql:// URL, not ${url.protocol}// (leave it unset for the embedded SQLite database).`,
      `postgres:// または postgresql:// の URL を指定してください（指定値: ${url.protocol}//）。組み込みの SQLite データベースを使う場合は設定しないでください。`,
    );
  }
  return ok(raw);
};

const readPublicUrl = (raw: string): Read<string> => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad(
      `must be an absolute http or https URL such as https://badges.example.ac.jp, not "${raw}".`,
      `https://badges.example.ac.jp のような http または https の絶対 URL を指定してください（指定値: "${raw}"）。`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return bad(
      `must be an http or https URL, not ${url.protocol}//.`,
      `http または https の URL を指定してください（指定値: ${url.protocol}//）。`,
    );
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    return bad(
      `must be an origin only (scheme, host and port), such as ${url.origin}; a path, query, fragment or user name is not supported.`,
      `${url.origin} のようにオリジン（スキーム・ホスト・ポート）だけを指定してください。パス・クエリ・フラグメント・ユーザー名は使えません。`,
    );
  }
  return ok(url.origin);
};

const readPolicyUrl = (raw: string): Read<string> =>
  URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol)
    ? ok(raw)
    : bad(
        `must be an absolute http or https URL such as https://www.example.ac.jp/privacy, not "${raw}".`,
        `https://www.example.ac.jp/privacy のような http または https の絶対 URL を指定してください（指定値: "${raw}"）。`,
      );

const readLogLevel = (raw: string): Read<LogLevel> =>
  (LOG_LEVELS as readonly string[]).includes(raw)
    ? ok(raw as LogLevel)
    : bad(
        `must be one of ${LOG_LEVELS.join(', ')}, not "${raw}".`,
        `${LOG_LEVELS.join('・')} のいずれかを指定してください（指定値: "${raw}"）。`,
      );

const readBodyLimit = (raw: string): Read<number> =>
  /^\d{1,10}$/.test(raw) && Number(raw) >= 1024 && Number(raw) <= 1024 ** 3
    ? ok(Number(raw))
    : bad(
        `must be a number of bytes from 1024 to 1073741824, not "${raw}".`,
        `1024〜1073741824 のバイト数を指定してください（指定値: "${raw}"）。`,
      );

const readImageStore = (raw: string): Read<ImageStoreKind> =>
  raw === 'database' || raw === 'data-directory'
    ? ok(raw)
    : bad(
        `must be database or data-directory, not "${raw}"`,
        `database か data-directory を指定してください（"${raw}" は指定できません）`,
      );

/** An on/off switch: 1/true/yes or 0/false/no. */
const readSwitch = (raw: string): Read<boolean> => {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return ok(true);
  if (['0', 'false', 'no', 'off'].includes(value)) return ok(false);
  return bad(
    `must be 1 or 0, not "${raw}"`,
    `1 か 0 を指定してください（"${raw}" は指定できません）`,
  );
};

const readTrustProxy = (raw: string): Read<TrustProxy> => {
  if (raw === 'true') return ok(true);
  if (raw === 'false') return ok(false);
  if (/^\d{1,3}$/.test(raw)) return ok(Number(raw));
  const addresses = raw.split(',').map((part) => part.trim());
  if (addresses.every((address) => /^[0-9A-Fa-f:.]+(?:\/\d{1,3})?$/.test(address))) {
    return ok(addresses);
  }
  return bad(
    `must be true, false, a number of proxy hops, or a comma-separated list of IP addresses or CIDR ranges, not "${raw}".`,
    `true・false・プロキシの段数、または IP アドレスか CIDR 範囲のカンマ区切りリストを指定してください（指定値: "${raw}"）。`,
  );
};

const readSmtpUrl = (raw: string): Read<string> => {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') ||
    url.hostname === ''
  ) {
    return bad(
      'must be a URL such as smtps://user:password@smtp.example.ac.jp:465 or smtp://smtp.example.ac.jp:587 (leave it unset to write e-mails to the outbox folder instead).',
      'smtps://ユーザー:パスワード@smtp.example.ac.jp:465 や smtp://smtp.example.ac.jp:587 のような URL を指定してください（設定しなければ、メールは outbox フォルダーに書き出されます）。',
    );
  }
  return ok(raw);
};

const MAIL_ADDRESS = String.raw`[^\s<>@",;]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?`;
const MAIL_FROM = new RegExp(String.raw`^(?:[^<>\r\n]*<${MAIL_ADDRESS}>|${MAIL_ADDRESS})$`);

const readMailFromVariable = (raw: string): Read<string> =>
  MAIL_FROM.test(raw.trim())
    ? ok(raw.trim())
    : bad(
        `must be an e-mail address, optionally with a name: "Akashi <no-reply@example.ac.jp>" or no-reply@example.ac.jp, not "${raw}".`,
        `メールアドレス（名前付きも可）を指定してください。例: "Akashi <no-reply@example.ac.jp>" または no-reply@example.ac.jp（指定値: "${raw}"）。`,
      );

const ALLOWED_HOST =
  /^(?:\[[0-9a-f:.]+\](?::\d{1,5})?|[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.]*|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?)$/;

const readAllowHosts = (raw: string): Read<readonly string[]> => {
  const hosts = raw
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  const wrong = hosts.find((host) => !ALLOWED_HOST.test(host));
  return wrong === undefined
    ? ok(hosts)
    : bad(
        `must be a comma-separated list of host or host:port entries (IPv6 in brackets with a port), such as badges.internal.example.ac.jp,127.0.0.1:8443; "${wrong}" is not one.`,
        `host または host:port のカンマ区切りリストを指定してください（ポート付きの IPv6 は角括弧で囲みます）。例: badges.internal.example.ac.jp,127.0.0.1:8443（"${wrong}" は指定できません）。`,
      );
};

const readRecheckHours = (raw: string): Read<number> =>
  /^\d{1,3}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 720
    ? ok(Number(raw))
    : bad(
        `must be a whole number of hours from 1 to 720, not "${raw}".`,
        `1〜720 の整数（時間）を指定してください（指定値: "${raw}"）。`,
      );

// The value is a secret: the message never repeats it.
const readMasterKey = (raw: string): Read<KeyObject> => {
  const key = parseMasterKey(raw);
  return key === undefined
    ? bad(
        `must be ${MASTER_KEY_FORMAT.en} (the value given is not shown).`,
        `${MASTER_KEY_FORMAT.ja}を指定してください（指定値は表示しません）。`,
      )
    : ok(key);
};

/** Reads the configuration from `env`; throws a `ConfigError` listing every bad variable. */
export const loadConfig = (
  env: Readonly<Record<string, string | undefined>>,
  options: LoadConfigOptions = {},
): Config => {
  const issues: ConfigIssue[] = [];
  const read = <T>(variable: string, reader: (raw: string) => Read<T>, fallback: T): T => {
    const raw = env[variable];
    if (raw === undefined || raw === '') return fallback;
    const result = reader(raw);
    if (result.ok) return result.value;
    issues.push({ variable, message: result.message });
    return fallback;
  };

  const port = read('PORT', readPort, DEFAULT_PORT);
  const host = read('HOST', ok, DEFAULT_HOST);
  const cwd = options.cwd ?? process.cwd();
  const rawDataDir = read('AKASHI_DATA_DIR', ok, 'data');
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);
  const databaseUrl = read<string | undefined>('DATABASE_URL', readDatabaseUrl, undefined);
  const database: DatabaseTarget =
    databaseUrl === undefined
      ? { dialect: 'sqlite', file: join(dataDir, SQLITE_FILE_NAME) }
      : { dialect: 'postgres', url: databaseUrl };
  const publicUrl = read('PUBLIC_URL', readPublicUrl, `http://localhost:${port}`);
  const logLevel = read('LOG_LEVEL', readLogLevel, 'info');
  const bodyLimit = read('AKASHI_BODY_LIMIT', readBodyLimit, DEFAULT_BODY_LIMIT);
  const trustProxy = read('AKASHI_TRUST_PROXY', readTrustProxy, false);
  const smtpUrl = read<string | undefined>('SMTP_URL', readSmtpUrl, undefined);
  const mailFrom = read<string | undefined>('MAIL_FROM', readMailFromVariable, undefined);
  const masterKey = read<KeyObject | undefined>('AKASHI_MASTER_KEY', readMasterKey, undefined);
  const rawMasterKeyFile = read<string | undefined>('AKASHI_MASTER_KEY_FILE', ok, undefined);
  const masterKeyFile = rawMasterKeyFile === undefined ? undefined : resolve(cwd, rawMasterKeyFile);
  const webhookAllowPrivateTargets = read('AKASHI_WEBHOOK_ALLOW_PRIVATE', readSwitch, false);
  const imageStore = read('AKASHI_IMAGE_STORE', readImageStore, 'database');
  const fetchAllowHosts = read<readonly string[]>('AKASHI_FETCH_ALLOW_HOSTS', readAllowHosts, []);
  const termsUrl = read<string | undefined>('AKASHI_TERMS_URL', readPolicyUrl, undefined);
  const privacyUrl = read<string | undefined>('AKASHI_PRIVACY_URL', readPolicyUrl, undefined);
  const walletRecheckHours = read(
    'AKASHI_WALLET_RECHECK_HOURS',
    readRecheckHours,
    DEFAULT_WALLET_RECHECK_HOURS,
  );

  if (issues.length > 0) throw new ConfigError(issues);
  return {
    port,
    host,
    dataDir,
    database,
    publicUrl,
    logLevel,
    bodyLimit,
    trustProxy,
    webhookAllowPrivateTargets,
    imageStore,
    fetchAllowHosts,
    walletRecheckHours,
    ...(smtpUrl === undefined ? {} : { smtpUrl }),
    ...(mailFrom === undefined ? {} : { mailFrom }),
    ...(masterKey === undefined ? {} : { masterKey }),
    ...(masterKeyFile === undefined ? {} : { masterKeyFile }),
    ...(termsUrl === undefined ? {} : { termsUrl }),
    ...(privacyUrl === undefined ? {} : { privacyUrl }),
  };
};
