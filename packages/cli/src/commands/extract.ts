/** `akashi extract IMAGE [--out FILE]`: prints the credential baked into a PNG or SVG badge. */
import { extractBaked } from '@akashi/core';
import { CliError, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { readInputBytes, writeOutputFile } from '../file-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
} as const;

export const runExtract = (args: readonly string[], context: CommandContext): ExitStatus => {
  const { options, positionals, help } = parseCommandArgs(args, OPTIONS, {
    command: 'extract',
    maxPositionals: 1,
  });
  if (help) return context.printHelp('extract');
  const input = positionals[0];
  if (input === undefined) {
    throw new CliError('ERR_CLI_MISSING_ARGUMENT', {
      en: 'akashi extract needs an IMAGE: a file path, or - for standard input.',
      ja: 'akashi extract には画像（ファイルのパス、または標準入力を表す -）が必要です。',
    });
  }
  const { payload } = extractBaked(readInputBytes(input));
  if (options.out === undefined) context.stdout(`${payload}\n`);
  else writeOutputFile(options.out, payload);
  return EXIT_OK;
};
