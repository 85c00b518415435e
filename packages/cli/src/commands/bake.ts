/**
 * `akashi bake --image IMAGE --credential FILE --out OUT`: bakes a credential (JSON or a compact
 * VC-JWT) into a PNG or SVG badge image.
 */
import { bakeCredential } from '@akashi/core';
import { CliError, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { readInputBytes, readInputText, writeOutputFile } from '../file-io.js';
import { parseCommandArgs, requireOption } from '../parse-command-args.js';

const OPTIONS = {
  image: { type: 'string' },
  credential: { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The text to bake: a compact JWS as is, or a JSON object re-serialised without white space
 * (an embedded proof signs the data, not its formatting).
 */
export const readBakePayload = (text: string, path: string): string => {
  const trimmed = text.trim();
  if (COMPACT_JWS.test(trimmed)) return trimmed;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    value = undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return JSON.stringify(value);
  }
  throw new CliError('ERR_CLI_NOT_CREDENTIAL', {
    en: `${path} holds neither a credential JSON object nor a compact JWT.`,
    ja: `${path} には資格情報の JSON オブジェクトもコンパクト形式の JWT も入っていません。`,
  });
};

export const runBake = (args: readonly string[], context: CommandContext): ExitStatus => {
  const { options, help } = parseCommandArgs(args, OPTIONS, { command: 'bake' });
  if (help) return context.printHelp('bake');
  const imagePath = requireOption(options.image, 'image');
  const credentialPath = requireOption(options.credential, 'credential');
  const out = requireOption(options.out, 'out');
  const image = readInputBytes(imagePath);
  const payload = readBakePayload(readInputText(credentialPath), credentialPath);
  const baked = bakeCredential(image, payload);
  writeOutputFile(out, baked.image);
  context.stderr(
    `${context.say({
      en: `Baked the credential into ${out} (${baked.mediaType}).`,
      ja: `資格情報を ${out}（${baked.mediaType}）に焼き込みました。`,
    })}\n`,
  );
  return EXIT_OK;
};
