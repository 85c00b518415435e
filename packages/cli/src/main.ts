/**
 * The `akashi` command: reads the global options, dispatches to one command, and turns every
 * failure into a one-line message on standard error and a non-zero exit status.
 */
import { readFileSync } from 'node:fs';
import type { LocalizedMessage } from '@akashi/core';
import {
  CliError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  readCoreExitStatus,
  type ExitStatus,
} from './cli-error.js';
import type { CommandContext } from './command-context.js';
import { HELP_TEXTS, type HelpTopic } from './help-texts.js';
import { detectLang, extractLangOption, localize, type Lang } from './locale.js';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
}

type Command = (
  args: readonly string[],
  context: CommandContext,
) => ExitStatus | Promise<ExitStatus>;

/*
 * Commands are loaded on demand: @akashi/core takes most of a second to load, and help and
 * usage errors need none of it.
 */
type LoadCommand = () => Promise<Command>;

const COMMANDS: Readonly<Record<string, LoadCommand>> = {
  issue: async () => (await import('./commands/issue.js')).runIssue,
  verify: async () => (await import('./commands/verify.js')).runVerify,
  bake: async () => (await import('./commands/bake.js')).runBake,
  extract: async () => (await import('./commands/extract.js')).runExtract,
};

const KEYS_SUBCOMMANDS: Readonly<Record<string, LoadCommand>> = {
  generate: async () => (await import('./commands/keys-generate.js')).runKeysGenerate,
};

/** The platform server's package (@akashi/server) is loaded only for these. */
const DB_SUBCOMMANDS: Readonly<Record<string, LoadCommand>> = {
  migrate: async () => (await import('./commands/db-migrate.js')).runDbMigrate,
};

/**
 * `akashi admin <subcommand>`: the operator's commands, run on the server's machine against its
 * database (the same environment as the server). One line per subcommand.
 */
const ADMIN_SUBCOMMANDS: Readonly<Record<string, LoadCommand>> = {
  'create-org': async () => (await import('./commands/admin-create-org.js')).runAdminCreateOrg,
  'create-api-key': async () =>
    (await import('./commands/admin-create-api-key.js')).runAdminCreateApiKey,
  'create-operator': async () =>
    (await import('./commands/admin-create-operator.js')).runAdminCreateOperator,
};

/** `akashi certificate <subcommand>`: printable, sealed PDF certificates. */
const CERTIFICATE_SUBCOMMANDS: Readonly<Record<string, LoadCommand>> = {
  render: async () => (await import('./commands/certificate-render.js')).runCertificateRender,
};

/** Command groups: `akashi <group> <subcommand>`. */
type Group = 'keys' | 'db' | 'admin' | 'certificate';

const GROUPS: Readonly<Record<Group, Readonly<Record<string, LoadCommand>>>> = {
  keys: KEYS_SUBCOMMANDS,
  certificate: CERTIFICATE_SUBCOMMANDS,
  db: DB_SUBCOMMANDS,
  admin: ADMIN_SUBCOMMANDS,
};

const isGroup = (name: string): name is Group => Object.hasOwn(GROUPS, name);

const HELP_FLAGS = new Set(['-h', '--help']);

const unknownCommand = (name: string): CliError =>
  name.startsWith('-')
    ? new CliError('ERR_CLI_UNKNOWN_OPTION', {
        en: `Unknown option ${name} (see akashi --help).`,
        ja: `${name} というオプションはありません（akashi --help を参照）。`,
      })
    : new CliError('ERR_CLI_UNKNOWN_COMMAND', {
        en: `Unknown command "${name}" (see akashi --help).`,
        ja: `「${name}」というコマンドはありません（akashi --help を参照）。`,
      });

const readVersion = (): string => {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
};

const isHelpTopic = (topic: string): topic is HelpTopic => Object.hasOwn(HELP_TEXTS, topic);

/** `akashi help [command…]`. */
const runHelp = (args: readonly string[], context: CommandContext): ExitStatus => {
  const topic = args.length === 0 ? 'akashi' : args.join(' ');
  if (!isHelpTopic(topic)) throw unknownCommand(topic);
  return context.printHelp(topic);
};

/** `akashi keys <subcommand>`, `akashi db <subcommand>`, `akashi admin <subcommand>`. */
const runGroup = async (
  group: Group,
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const [name, ...rest] = args;
  if (name !== undefined && HELP_FLAGS.has(name)) return context.printHelp(group);
  if (name === undefined) {
    context.stderr(`${localize(HELP_TEXTS[group], context.lang)}\n`);
    return EXIT_USAGE;
  }
  const subcommands = GROUPS[group];
  const load = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (load === undefined) throw unknownCommand(`${group} ${name}`);
  return (await load())(rest, context);
};

const dispatch = async (args: readonly string[], context: CommandContext): Promise<ExitStatus> => {
  const [name, ...rest] = args;
  if (name === undefined) {
    context.stderr(`${localize(HELP_TEXTS.akashi, context.lang)}\n`);
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(name)) return context.printHelp('akashi');
  if (name === '--version') {
    context.stdout(`${readVersion()}\n`);
    return EXIT_OK;
  }
  if (name === 'help') return runHelp(rest, context);
  if (isGroup(name)) return runGroup(name, rest, context);
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) throw unknownCommand(name);
  return (await load())(rest, context);
};

const isCertificateError = (
  error: unknown,
): error is Error & { readonly code: string; readonly ja: string } =>
  error instanceof Error &&
  error.name === 'CertificateError' &&
  typeof (error as { code?: unknown }).code === 'string' &&
  typeof (error as { ja?: unknown }).ja === 'string';

/** One line, whatever the message holds. */
const toOneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/** The message and exit status of a failure; unexpected errors (bugs) keep their stack. */
const describeFailure = async (
  error: unknown,
  lang: Lang,
): Promise<{ text: string; status: ExitStatus }> => {
  const describe = (message: LocalizedMessage, code: string) =>
    `akashi: ${toOneLine(localize(message, lang))} [${code}]`;
  if (error instanceof CliError) {
    return {
      text: describe({ en: error.message, ja: error.ja }, error.code),
      status: error.exitStatus,
    };
  }
  // @akashi/certificates' errors (a wrong PKCS#12 password, a time-stamp authority or signing
  // service that refused): the same shape as core's, recognised without loading the package.
  if (isCertificateError(error)) {
    return {
      text: describe({ en: error.message, ja: error.ja }, error.code),
      status: error.code.startsWith('ERR_P12_') ? EXIT_USAGE : EXIT_FAILURE,
    };
  }
  // Core may be what failed to load: then the error is reported as an internal one.
  const core = await import('@akashi/core').catch(() => undefined);
  if (core?.isAkashiError(error) === true) {
    return {
      text: describe({ en: error.message, ja: error.ja }, error.code),
      status: readCoreExitStatus(error.code),
    };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const text = localize(
    {
      en: `akashi: internal error (please report it): ${detail}`,
      ja: `akashi: 内部エラーです（報告してください）: ${detail}`,
    },
    lang,
  );
  return { text, status: EXIT_FAILURE };
};

/** Runs the CLI with `argv` (without the node and script paths) and returns its exit status. */
export const runCli = async (
  argv: readonly string[],
  io: Partial<CliIo> = {},
): Promise<ExitStatus> => {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? ((text: string | Uint8Array) => process.stdout.write(text));
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(text));
  let lang = detectLang(env);
  try {
    const extracted = extractLangOption(argv, lang);
    lang = extracted.lang;
    const context: CommandContext = {
      lang,
      say: (message) => localize(message, lang),
      stdout,
      stderr,
      printHelp: (topic) => {
        stdout(`${localize(HELP_TEXTS[topic], lang)}\n`);
        return EXIT_OK;
      },
    };
    return await dispatch(extracted.args, context);
  } catch (error) {
    const { text, status } = await describeFailure(error, lang);
    stderr(`${text}\n`);
    return status;
  }
};
