/**
 * `akashi keys generate --type ed25519|p256|rsa --out KEY.json [--force]`: a new signing key,
 * stored as a private JWK (with `kid`) in a file only its owner can read (mode 0600).
 */
import {
  didKeyFor,
  exportPrivateJwk,
  exportPublicJwk,
  generateSigningKey,
  KEY_TYPES,
} from '@akashi/core';
import { EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { writeOutputFile } from '../file-io.js';
import { parseCommandArgs, readChoice, requireOption } from '../parse-command-args.js';

const OPTIONS = {
  type: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

export const runKeysGenerate = (args: readonly string[], context: CommandContext): ExitStatus => {
  const { options, help } = parseCommandArgs(args, OPTIONS, { command: 'keys generate' });
  if (help) return context.printHelp('keys generate');
  const type = readChoice(requireOption(options.type, 'type'), KEY_TYPES, 'type');
  const out = requireOption(options.out, 'out');
  const key = generateSigningKey(type);
  const privateJwk = exportPrivateJwk(key);
  writeOutputFile(out, `${JSON.stringify(privateJwk, null, 2)}\n`, {
    mode: 0o600,
    exclusive: options.force !== true,
  });
  const lines = [
    context.say({
      en: `Wrote the private key (${type}, kid ${key.kid}) to ${out} with mode 0600. Keep it secret.`,
      ja: `秘密鍵（${type}、kid ${key.kid}）を ${out} にモード 0600 で書き込みました。他人に渡さないでください。`,
    }),
    context.say({ en: 'Public JWK:', ja: '公開鍵（JWK）:' }),
    JSON.stringify(exportPublicJwk(key), null, 2),
  ];
  // Ed25519 and P-256 keys have a did:key; RSA keys have none.
  if (type !== 'rsa') lines.push(`did:key: ${didKeyFor(key)}`);
  context.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
};
