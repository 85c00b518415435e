/**
 * Reads a command's arguments with node:util `parseArgs`, turning every mistake (unknown option,
 * missing value, stray argument) into a localized `CliError` (exit 2).
 */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['multiple'] extends true
    ? string[]
    : string;

export type ParsedOptions<O extends OptionSpecs> = { [K in keyof O]?: OptionValue<O[K]> };

export interface ParsedCommandArgs<O extends OptionSpecs> {
  readonly options: ParsedOptions<O>;
  readonly positionals: readonly string[];
}

export interface ParseCommandArgsOptions {
  /** The command as the user typed it (`keys generate`), for messages. */
  readonly command: string;
  /** How many positional arguments the command takes at most (default 0). */
  readonly maxPositionals?: number;
}

const unknownOption = (command: string, raw: string): CliError =>
  new CliError('ERR_CLI_UNKNOWN_OPTION', {
    en: `Unknown option ${raw} for "akashi ${command}" (see akashi ${command} --help).`,
    ja: `「akashi ${command}」に ${raw} というオプションはありません（akashi ${command} --help を参照）。`,
  });

/** `-x` or `--xyz`, but not `-` alone (standard input) nor a negative number. */
const isOptionLike = (value: string | undefined): value is string =>
  value !== undefined && /^-(?:-.|[^-\d])/.test(value);

/** Parses `args` against `specs`; `--help`/`-h` is always accepted. */
export const parseCommandArgs = <O extends OptionSpecs>(
  args: readonly string[],
  specs: O,
  { command, maxPositionals = 0 }: ParseCommandArgsOptions,
): ParsedCommandArgs<O> & { readonly help: boolean } => {
  const options = { ...specs, help: { type: 'boolean', short: 'h' } } as const;
  // strict: false so that every mistake is reported here, in the user's language.
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (options as Readonly<Record<string, OptionSpec>>)[token.name];
    if (spec === undefined) throw unknownOption(command, token.rawName);
    if (spec.type === 'string' && token.value === undefined) {
      throw new CliError('ERR_CLI_MISSING_VALUE', {
        en: `${token.rawName} needs a value.`,
        ja: `${token.rawName} には値が必要です。`,
      });
    }
    // `--out --force`: parseArgs would take "--force" as the file name (strict mode refuses it).
    if (spec.type === 'string' && token.inlineValue === false && isOptionLike(token.value)) {
      throw new CliError('ERR_CLI_MISSING_VALUE', {
        en: `${token.rawName} needs a value, not the option ${token.value} (write ${token.rawName}=${token.value} if that is the value).`,
        ja: `${token.rawName} には値が必要です。${token.value} はオプションとして扱います（値として使う場合は ${token.rawName}=${token.value} と書いてください）。`,
      });
    }
    if (spec.type === 'boolean' && token.inlineValue === true) {
      throw new CliError('ERR_CLI_INVALID_VALUE', {
        en: `${token.rawName} takes no value.`,
        ja: `${token.rawName} は値を取りません。`,
      });
    }
  }
  const help = values.help === true;
  if (!help && positionals.length > maxPositionals) {
    const extra = positionals[maxPositionals] ?? '';
    throw new CliError('ERR_CLI_UNEXPECTED_ARGUMENT', {
      en: `Unexpected argument "${extra}" for "akashi ${command}".`,
      ja: `「akashi ${command}」に不要な引数 "${extra}" があります。`,
    });
  }
  return { options: values, positionals, help };
};

/** The value of a required string option, or a usage error naming it. */
export const requireOption = (value: string | undefined, name: string): string => {
  if (value === undefined || value === '') {
    throw new CliError('ERR_CLI_MISSING_OPTION', {
      en: `--${name} is required.`,
      ja: `--${name} を指定してください。`,
    });
  }
  return value;
};

/** A value checked against a closed set, or a usage error listing the choices. */
export const readChoice = <T extends string>(
  value: string,
  choices: readonly T[],
  name: string,
): T => {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new CliError('ERR_CLI_INVALID_VALUE', {
    en: `--${name} must be one of ${choices.join(', ')}; got "${value}".`,
    ja: `--${name} には ${choices.join('、')} のいずれかを指定してください（指定値: "${value}"）。`,
  });
};
