/**
 * Reading and writing the files the commands are given. A path of `-` means standard input.
 * Failures become `CliError`s with exit status 2 and the path in the message.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { CliError } from './cli-error.js';

/** Reads a file (or all of standard input for `-`) as bytes. */
export const readInputBytes = (path: string): Uint8Array => {
  try {
    // File descriptor 0 is standard input; readFileSync reads it to its end.
    return new Uint8Array(readFileSync(path === '-' ? 0 : path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const name = path === '-' ? 'standard input' : path;
    throw new CliError('ERR_CLI_FILE_UNREADABLE', {
      en: `Cannot read ${name} (${reason}).`,
      ja: `${path === '-' ? '標準入力' : path} を読み込めません（${reason}）。`,
    });
  }
};

/** Reads a file as UTF-8 text. */
export const readInputText = (path: string): string =>
  Buffer.from(readInputBytes(path)).toString('utf8');

/** Reads and parses a JSON file; `what` names its role in messages ("key file"). */
export const readJsonFile = (path: string, what: { en: string; ja: string }): unknown => {
  const text = readInputText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('ERR_CLI_NOT_JSON', {
      en: `The ${what.en} ${path} is not valid JSON: ${reason}`,
      ja: `${what.ja} ${path} が正しい JSON ではありません: ${reason}`,
    });
  }
};

export interface WriteOutputFileOptions {
  /** File mode for a new file (e.g. 0o600 for a private key). */
  readonly mode?: number;
  /** Refuse to replace an existing file. */
  readonly exclusive?: boolean;
}

const writeError = (path: string, error: unknown): CliError => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') {
    return new CliError('ERR_CLI_FILE_EXISTS', {
      en: `${path} already exists; use --force to replace it.`,
      ja: `${path} はすでに存在します。置き換える場合は --force を指定してください。`,
    });
  }
  return new CliError('ERR_CLI_FILE_UNWRITABLE', {
    en: `Cannot write ${path} (${code ?? String(error)}).`,
    ja: `${path} に書き込めません（${code ?? String(error)}）。`,
  });
};

/**
 * Writes a file. With `exclusive`, an existing file is refused (check and creation are one
 * system call). With `mode`, a replaced file never holds the new content under its old mode:
 * the content goes to a fresh file first, which is then renamed over the old one.
 */
export const writeOutputFile = (
  path: string,
  data: string | Uint8Array,
  options: WriteOutputFileOptions = {},
): void => {
  const { mode, exclusive = false } = options;
  if (exclusive || mode === undefined) {
    try {
      writeFileSync(path, data, {
        flag: exclusive ? 'wx' : 'w',
        ...(mode === undefined ? {} : { mode }),
      });
    } catch (error) {
      throw writeError(path, error);
    }
    return;
  }
  const temporary = `${path}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(temporary, data, { flag: 'wx', mode });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw writeError(path, error);
  }
};
