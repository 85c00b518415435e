/**
 * `akashi verify cert.pdf [--trust CA.pem]…`: a sealed PDF certificate is verified by
 * `@akashi/certificates` — every PAdES signature (byte range, CMS, chain to the given trust
 * anchors, time-stamps, changes after sealing) and the credential embedded in it, through the
 * same badge verifier as any other input. The readable report lists each check.
 */
import { X509Certificate } from 'node:crypto';
import type { BadgeVerifier, CheckOutcome, LocalizedMessage } from '@akashi/core';
import {
  verifyCertificatePdf,
  type CertificateReport,
  type CertificateStatus,
} from '@akashi/certificates';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type ExitStatus } from './cli-error.js';
import { readInputText } from './file-io.js';
import { localize, type Lang } from './locale.js';

/** Whether the bytes are a PDF (`%PDF-` within the first 1,024 bytes, as readers allow). */
export const isPdf = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** DER certificates from PEM files (each may hold several). */
export const readTrustAnchors = (paths: readonly string[]): Uint8Array[] =>
  paths.flatMap((path) => {
    const pem = readInputText(path);
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
    if (blocks === null) {
      throw new CliError('ERR_CLI_INVALID_VALUE', {
        en: `--trust ${path}: no PEM certificate in it.`,
        ja: `--trust ${path}: PEM 形式の証明書が含まれていません。`,
      });
    }
    return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
  });

const MARKS: Readonly<Record<CheckOutcome, string>> = {
  passed: '✓',
  failed: '✗',
  skipped: '–',
  error: '!',
};

const VERDICTS: Readonly<Record<CertificateStatus, LocalizedMessage>> = {
  valid: {
    en: 'VALID: the seal, its time-stamp and the embedded credential check out.',
    ja: '有効: 電子印（e シール）、タイムスタンプ、埋め込まれた資格情報の確認に合格しました。',
  },
  invalid: {
    en: 'INVALID: the PDF was changed after sealing, or a seal or the credential is not genuine.',
    ja: '無効: 封印後に PDF が変更されたか、電子印または資格情報が真正ではありません。',
  },
  indeterminate: {
    en: 'INDETERMINATE: nothing is wrong as far as could be checked, but who sealed it could not be confirmed (give --trust CA.pem).',
    ja: '判定不能: 確認できた範囲に問題はありませんが、封印した者を確認できませんでした（--trust CA.pem を指定してください）。',
  },
  unreadable: {
    en: 'UNREADABLE: the input is not a readable PDF.',
    ja: '読み取り不可: 入力は読み取れる PDF ではありません。',
  },
};

export const formatCertificateReport = (report: CertificateReport, lang: Lang): string => {
  const lines = [localize(VERDICTS[report.status], lang)];
  for (const check of report.checks) {
    const where = check.signature === undefined ? '' : ` [${check.signature}]`;
    lines.push(`  ${MARKS[check.outcome]} ${check.name}${where}: ${localize(check.message, lang)}`);
  }
  return `${lines.join('\n')}\n`;
};

export const readCertificateExitStatus = (status: CertificateStatus): ExitStatus => {
  if (status === 'valid') return EXIT_OK;
  return status === 'unreadable' ? EXIT_USAGE : EXIT_FAILURE;
};

export const verifyPdfInput = (
  bytes: Uint8Array,
  verifier: BadgeVerifier,
  trustPaths: readonly string[],
): Promise<CertificateReport> =>
  verifyCertificatePdf(bytes, {
    trust: readTrustAnchors(trustPaths),
    verifyCredential: (credential) => verifier.verify(credential),
  });
