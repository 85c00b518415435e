/**
 * `akashi verify INPUT [--json] [--recipient VALUE] [--allow-host HOST[:PORT]]... [--trust CA.pem]...`:
 * verifies an Open Badges 2.0 or 3.0 badge (a URL, or a file: JSON, JWS/JWT, baked PNG/SVG, or a
 * sealed PDF certificate, whose seals are checked against the --trust anchors) and reports every
 * check. Remote documents come through the guarded fetcher: public https only, unless a host is
 * named with --allow-host.
 */
import { createBadgeVerifier, createGuardedFetcher, type VerificationStatus } from '@akashi/core';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type ExitStatus } from '../cli-error.js';
import type { CommandContext } from '../command-context.js';
import { readInputBytes } from '../file-io.js';
import { formatReport } from '../format-report.js';
import { parseCommandArgs, requireOption } from '../parse-command-args.js';
import {
  formatCertificateReport,
  isPdf,
  readCertificateExitStatus,
  verifyPdfInput,
} from '../verify-certificate.js';

const OPTIONS = {
  json: { type: 'boolean' },
  recipient: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  trust: { type: 'string', multiple: true },
} as const;

/** The exit status of a verdict: 0 valid, 2 not a credential at all, 1 anything else. */
export const readVerdictExitStatus = (status: VerificationStatus): ExitStatus => {
  if (status === 'valid') return EXIT_OK;
  return status === 'unreadable' ? EXIT_USAGE : EXIT_FAILURE;
};

/** Checks `HOST` or `HOST:PORT` (a bracketed IPv6 address is a host) and returns it lowercased. */
export const readAllowedHost = (value: string): string => {
  let host: string | undefined;
  if (URL.canParse(`https://${value}`)) {
    const url = new URL(`https://${value}`);
    const port = /:(\d+)$/.exec(value)?.[1];
    const expected = port === undefined ? url.hostname : `${url.hostname}:${port}`;
    if (url.username === '' && url.pathname === '/' && expected === value.toLowerCase()) {
      host = expected;
    }
  }
  if (host === undefined) {
    throw new CliError('ERR_CLI_INVALID_VALUE', {
      en: `--allow-host takes HOST or HOST:PORT; got "${value}".`,
      ja: `--allow-host には ホスト または ホスト:ポート を指定してください（指定値: "${value}"）。`,
    });
  }
  return host;
};

export const runVerify = async (
  args: readonly string[],
  context: CommandContext,
): Promise<ExitStatus> => {
  const { options, positionals, help } = parseCommandArgs(args, OPTIONS, {
    command: 'verify',
    maxPositionals: 1,
  });
  if (help) return context.printHelp('verify');
  const input = positionals[0];
  if (input === undefined) {
    throw new CliError('ERR_CLI_MISSING_ARGUMENT', {
      en: 'akashi verify needs an INPUT: a file path, or - for standard input.',
      ja: 'akashi verify には入力（ファイルのパス、または標準入力を表す -）が必要です。',
    });
  }
  const recipient =
    options.recipient === undefined ? undefined : requireOption(options.recipient, 'recipient');
  const allowHosts = (options['allow-host'] ?? []).map(readAllowedHost);
  const fetcher = createGuardedFetcher({ allowHosts });
  const verifier = createBadgeVerifier({ fetchDocument: fetcher.fetchDocument });
  const badge = /^https?:\/\//i.test(input) ? input : readInputBytes(input);
  if (typeof badge !== 'string' && isPdf(badge)) {
    const certificate = await verifyPdfInput(badge, verifier, options.trust ?? []);
    context.stdout(
      options.json === true
        ? `${JSON.stringify(certificate, null, 2)}\n`
        : formatCertificateReport(certificate, context.lang),
    );
    return readCertificateExitStatus(certificate.status);
  }
  const report = await verifier.verify(badge, recipient === undefined ? {} : { recipient });
  context.stdout(
    options.json === true
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReport(report, context.lang),
  );
  return readVerdictExitStatus(report.status);
};
