/**
 * Finds the master key at start-up: `AKASHI_MASTER_KEY` when it is set (already parsed by
 * `loadConfig`), else the key file (`AKASHI_MASTER_KEY_FILE`, default `<AKASHI_DATA_DIR>/master.key`),
 * which is created with a new random key, mode 0600, on first use.
 *
 * A key file that the group or others may read is refused (like ssh refuses a private key): the
 * platform does not start until it is `chmod 600`. Creation is atomic: the key is written to a
 * temporary file and hard-linked into place, so two processes starting at once agree on one key
 * and neither can read a half-written file.
 *
 * Keeping the file outside the data directory (`AKASHI_MASTER_KEY_FILE`) keeps it out of backups
 * of the database, which is the point of encrypting the keys at rest.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../config/load-config.js';
import { KeyStoreError } from './key-store-error.js';
import {
  createMasterKey,
  deriveMasterKey,
  MASTER_KEY_FORMAT,
  parseMasterKey,
  type MasterKey,
} from './master-key.js';

export const MASTER_KEY_FILE_NAME = 'master.key';

/** A key file is a line of text; anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 1024;

export type LoadMasterKeyConfig = Pick<Config, 'dataDir' | 'masterKey' | 'masterKeyFile'>;

/** Where the key file is (whether or not it is used). */
export const masterKeyFilePath = (config: LoadMasterKeyConfig): string =>
  config.masterKeyFile ?? join(config.dataDir, MASTER_KEY_FILE_NAME);

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const unreadable = (file: string, cause: unknown): KeyStoreError =>
  new KeyStoreError(
    'ERR_KEYSTORE_MASTER_KEY_UNREADABLE',
    {
      en: `The master key file ${file} cannot be read or created: ${describe(cause)}`,
      ja: `マスターキーのファイル ${file} を読み込みも作成もできません: ${describe(cause)}`,
    },
    { details: { file }, cause },
  );

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** The key file's text, or undefined when there is no file. */
const readKeyFile = async (file: string): Promise<string | undefined> => {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw unreadable(file, error);
  }
  try {
    // fstat on the open file: what is checked is what is read.
    const stats = await handle.stat();
    if (!stats.isFile()) throw unreadable(file, new Error('it is not a regular file'));
    const mode = stats.mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      const octal = `0${mode.toString(8)}`;
      throw new KeyStoreError(
        'ERR_KEYSTORE_MASTER_KEY_PERMISSIONS',
        {
          en: `The master key file ${file} has mode ${octal}, so other users may read it. Restrict it with "chmod 600 ${file}"; the platform does not start until then.`,
          ja: `マスターキーのファイル ${file} のパーミッションが ${octal} で、他のユーザーが読める状態です。"chmod 600 ${file}" で制限してください。それまでプラットフォームは起動しません。`,
        },
        { details: { file, mode: octal } },
      );
    }
    if (stats.size > MAX_KEY_FILE_BYTES) return '';
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof KeyStoreError) throw error;
    throw unreadable(file, error);
  } finally {
    await handle.close();
  }
};

/** Creates the key file with a new key; when another process created it first, reads theirs. */
const createKeyFile = async (file: string): Promise<string> => {
  const text = `${createMasterKey()}\n`;
  const temporary = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // whatever the umask
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, file);
      return text;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const theirs = await readKeyFile(file);
    if (theirs === undefined) throw new Error('it vanished while being created');
    return theirs;
  } catch (error) {
    if (error instanceof KeyStoreError) throw error;
    throw unreadable(file, error);
  } finally {
    await rm(temporary, { force: true });
  }
};

/**
 * The master key from the configuration, or from the key file (created on first use). Throws a
 * `KeyStoreError` (`ERR_KEYSTORE_MASTER_KEY_*`) naming the file and the fix; the key itself never
 * appears in an error, a log or a return value other than as KeyObjects.
 */
export const loadMasterKey = async (config: LoadMasterKeyConfig): Promise<MasterKey> => {
  if (config.masterKey !== undefined) return deriveMasterKey(config.masterKey, 'environment');
  const file = masterKeyFilePath(config);
  const text = (await readKeyFile(file)) ?? (await createKeyFile(file));
  const secret = parseMasterKey(text);
  if (secret === undefined) {
    throw new KeyStoreError(
      'ERR_KEYSTORE_MASTER_KEY_INVALID',
      {
        en: `The master key file ${file} does not hold a master key: it must contain ${MASTER_KEY_FORMAT.en}.`,
        ja: `マスターキーのファイル ${file} にマスターキーがありません。${MASTER_KEY_FORMAT.ja}を書いてください。`,
      },
      { details: { file } },
    );
  }
  return deriveMasterKey(secret, 'file', file);
};
