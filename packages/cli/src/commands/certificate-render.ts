/**
 * `akashi certificate render --credential C.json --out cert.pdf [--template T.json] [--name …]
 * [--p12 FILE --p12-password-env VAR | --csc-url URL --csc-credential ID --csc-token-env VAR]
 * [--tsa URL] [--level B-B|B-T|B-LT|B-LTA]`: a printable PDF certificate for a credential — the
 * built-in bilingual design or a template, Japanese fonts, a QR code to the badge's
 * verification page, the credential embedded — sealed with a PAdES signature when a key is given
 * (`certificate-sealing.ts`), time-stamped by an RFC 3161 authority with --tsa. Nothing is
 * written when anything fails.
 */
import {
  renderCertificate,
  sealPdf,
  validateTemplate,
  type RenderInput,
} from '@akashi/certificates';
import { CliError, EXIT_OK, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { readInputBytes, readInputText, writeOutputFile } from '../file-io.js';
import { parseCommandArgs, requireOption } from '../parse-command-args.js';
import { readSealing, SEALING_OPTIONS } from './certificate-sealing.js';
import { readAllowedHost } from './verify.js';

const OPTIONS = {
  credential: { type: 'string' },
  assertion: { type: 'string' },
  template: { type: 'string' },
  out: { type: 'string', short: 'o' },
  name: { type: 'string' },
  'name-kana': { type: 'string' },
  'name-romaji': { type: 'string' },
  'verify-url': { type: 'string' },
  number: { type: 'string' },
  image: { type: 'string' },
  ...SEALING_OPTIONS,
} as const;

const readJsonFile = (path: string, what: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(readInputText(path));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new CliError('ERR_CLI_NOT_CREDENTIAL', {
    en: `${path} is not a JSON object (${what}).`,
    ja: `${path} は JSON オブジェクトではありません（${what}）。`,
  });
};

/** The recipient's name: --name, else the credential subject's `name` when it has one. */
const recipientName = (given: string | undefined, credential: Record<string, unknown>) => {
  if (given !== undefined) return given;
  const subject = credential.credentialSubject as Record<string, unknown> | undefined;
  if (typeof subject?.name === 'string') return subject.name;
  throw new CliError('ERR_CLI_MISSING_OPTION', {
    en: "The credential does not name its recipient: give --name (as it should be printed, e.g. '山田 花子').",
    ja: "資格情報に受領者の氏名がありません。--name で印刷する氏名を指定してください（例: '山田 花子'）。",
  });
};

/** The verification page: --verify-url, else the credential's id when it is an http(s) URL. */
const verificationUrl = (given: string | undefined, credential: Record<string, unknown>) => {
  const url = given ?? (typeof credential.id === 'string' ? credential.id : '');
  if (/^https?:\/\//.test(url)) return url;
  throw new CliError('ERR_CLI_MISSING_OPTION', {
    en: "The QR code needs the badge's verification page: give --verify-url https://….",
    ja: 'QR コードにはバッジの検証ページが必要です。--verify-url https://… を指定してください。',
  });
};

export const runCertificateRender = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { options, help } = parseCommandArgs(args, OPTIONS, { command: 'certificate render' });
  if (help) return context.printHelp('certificate render');
  const credentialPath = requireOption(options.credential, 'credential');
  const out = requireOption(options.out, 'out');
  const credential = readJsonFile(credentialPath, 'credential');
  const sealing = await readSealing(options, (options['allow-host'] ?? []).map(readAllowedHost));
  const input: RenderInput = {
    ...(options.template === undefined
      ? {}
      : { template: validateTemplate(readJsonFile(options.template, 'template')) }),
    data: {
      credential,
      ...(options.assertion === undefined
        ? {}
        : { assertion: readJsonFile(options.assertion, 'assertion') }),
      recipient: {
        name: recipientName(options.name, credential),
        ...(options['name-kana'] === undefined ? {} : { nameKana: options['name-kana'] }),
        ...(options['name-romaji'] === undefined ? {} : { nameRomaji: options['name-romaji'] }),
      },
      verificationUrl: verificationUrl(options['verify-url'], credential),
      ...(options.number === undefined ? {} : { certificateNumber: options.number }),
      ...(options.image === undefined ? {} : { badgeImage: readInputBytes(options.image) }),
    },
  };
  const rendered = await renderCertificate(input);
  const pdf =
    sealing === undefined
      ? rendered
      : await sealPdf(rendered, {
          signer: sealing.signer,
          level: sealing.level,
          ...(sealing.tsa === undefined ? {} : { tsa: sealing.tsa }),
        });
  writeOutputFile(out, pdf);
  const level = sealing?.level;
  context.stderr(
    `${context.say({
      en: `Wrote ${out} (${pdf.length} bytes${level === undefined ? ', not sealed' : `, sealed: PAdES ${level}`}).`,
      ja: `${out} を書き出しました（${pdf.length} バイト${level === undefined ? '、電子印なし' : `、電子印: PAdES ${level}`}）。`,
    })}\n`,
  );
  return EXIT_OK;
};
