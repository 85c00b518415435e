/**
 * `verifyCertificatePdf`: the verifier of sealed PDF certificates. It reads the PDF's revisions
 * and signatures, checks every signature and document time-stamp (byte range, CMS, time-stamp,
 * certificate chain), whether anything changed after sealing, and the embedded Open
 * Badges credential through an injected credential verifier (the CLI passes `@akashi/core`'s
 * `verify`). It never throws: every failure becomes a check in the report.
 */
import type { VerificationReport } from '@akashi/core';
import type { PDFContext } from 'pdf-lib';
import type {
  CertificateCheck,
  CertificateReport,
  EmbeddedCredential,
  RevisionInfo,
  SignatureInfo,
} from './certificate-report.js';
import { decideCertificateStatus, makeCertificateCheck } from './certificate-report.js';
import { parseAnchors } from './chain.js';
import { checkSignature } from './check-signature.js';
import { compareRevisions, modificationCheck } from './check-modifications.js';
import { extractCredentials } from './embedded-credentials.js';
import { countRawByteRanges, findRevisions, findSignatures, parsePdf } from './pdf-structure.js';

/** Verifies one embedded credential; `@akashi/core`'s `verify` fits as it is. */
export type CredentialVerifier = (
  credential: string | Record<string, unknown>,
) => Promise<VerificationReport>;

export interface VerifyCertificateOptions {
  /** DER trust anchors for the signer's (and the TSAs') chains; none: `chain` is skipped. */
  readonly trust?: readonly Uint8Array[];
  /** The validation time when no time-stamp proves an earlier one (default: now). */
  readonly now?: Date;
  readonly verifyCredential?: CredentialVerifier;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const report = (
  checks: CertificateCheck[],
  revisions: readonly RevisionInfo[] = [],
  signatures: readonly SignatureInfo[] = [],
  credentials: readonly EmbeddedCredential[] = [],
): CertificateReport => {
  const status = decideCertificateStatus(checks);
  return { status, valid: status === 'valid', checks, revisions, signatures, credentials };
};

const hasPdfHeader = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');

const credentialChecks = async (
  context: PDFContext,
  verifyCredential: CredentialVerifier | undefined,
): Promise<{ checks: CertificateCheck[]; credentials: EmbeddedCredential[] }> => {
  const files = extractCredentials(context);
  const checks: CertificateCheck[] = [];
  const credentials: EmbeddedCredential[] = [];
  if (files.length === 0) {
    checks.push(makeCertificateCheck('credential', 'skipped', 'CREDENTIAL_NONE'));
  }
  for (const { file, generation, credential, problem } of files) {
    if (generation === undefined || credential === undefined) {
      checks.push(
        makeCertificateCheck('credential', 'failed', 'ERR_CREDENTIAL_UNREADABLE', {
          file,
          reason: problem ?? '',
        }),
      );
      continue;
    }
    const params = {
      file,
      generation: generation === 'ob3' ? 'Open Badges 3.0' : 'Open Badges 2.0',
    };
    if (verifyCredential === undefined) {
      credentials.push({ file, generation, credential });
      checks.push(makeCertificateCheck('credential', 'skipped', 'CREDENTIAL_NOT_VERIFIED', params));
      continue;
    }
    let result: VerificationReport;
    try {
      result = await verifyCredential(credential);
    } catch (error) {
      credentials.push({ file, generation, credential });
      checks.push(
        makeCertificateCheck('credential', 'error', 'ERR_CHECK_CRASHED', {
          reason: reasonOf(error),
        }),
      );
      continue;
    }
    credentials.push({ file, generation, credential, report: result });
    const details = { status: result.status };
    if (result.valid) {
      checks.push(
        makeCertificateCheck('credential', 'passed', 'CREDENTIAL_OK', params, { details }),
      );
    } else if (result.status === 'indeterminate') {
      checks.push(
        makeCertificateCheck(
          'credential',
          'error',
          'ERR_CREDENTIAL_INDETERMINATE',
          { ...params, status: result.status },
          { details },
        ),
      );
    } else {
      checks.push(
        makeCertificateCheck(
          'credential',
          'failed',
          'ERR_CREDENTIAL_INVALID',
          { ...params, status: result.status },
          { details },
        ),
      );
    }
  }
  return { checks, credentials };
};

const verifyParsed = async (
  bytes: Uint8Array,
  options: VerifyCertificateOptions,
): Promise<CertificateReport> => {
  const revisions = findRevisions(bytes);
  let context: PDFContext;
  try {
    if (revisions.length === 0) throw new Error('no startxref … %%EOF trailer');
    context = await parsePdf(bytes);
  } catch (error) {
    return report(
      [
        makeCertificateCheck('pdf-parse', 'failed', 'ERR_PDF_MALFORMED', {
          reason: reasonOf(error),
        }),
      ],
      revisions,
    );
  }
  const found = findSignatures(context);
  const parseDetails = {
    revisions: revisions.map((revision) => revision.end),
    incrementalUpdates: revisions.length - 1,
    rawByteRangeKeys: countRawByteRanges(bytes),
  };
  const checks = [
    makeCertificateCheck(
      'pdf-parse',
      'passed',
      'PDF_PARSE_OK',
      { revisions: revisions.length, signatures: found.length },
      { details: parseDetails },
    ),
  ];
  const ctx = {
    bytes,
    revisions,
    anchors: parseAnchors(options.trust ?? []),
    now: options.now ?? new Date(),
  };
  const signatures: SignatureInfo[] = [];
  for (const signature of found) {
    try {
      const outcome = checkSignature(signature, ctx);
      checks.push(...outcome.checks);
      signatures.push(outcome.info);
    } catch (error) {
      checks.push(
        makeCertificateCheck(
          'cms',
          'error',
          'ERR_CHECK_CRASHED',
          { reason: reasonOf(error) },
          { signature: signature.field },
        ),
      );
    }
  }
  if (found.length === 0) {
    checks.push(makeCertificateCheck('cms', 'failed', 'ERR_NO_SIGNATURE'));
    checks.push(makeCertificateCheck('modified-after-signing', 'skipped', 'MODIFIED_NOT_CHECKED'));
  } else {
    const ordinary = signatures.filter((info) => info.kind === 'signature');
    // The first seal is the base: later revisions may only add DSS data, time-stamps or seals.
    const first = (ordinary.length > 0 ? ordinary : signatures)[0];
    const range = first?.byteRange ?? [];
    const end = (range[2] ?? 0) + (range[3] ?? 0);
    try {
      if (range.length !== 4 || end <= 0 || end > bytes.length)
        throw new Error('the first signature has no usable byte range');
      checks.push(modificationCheck(await compareRevisions(bytes, end)));
    } catch (error) {
      checks.push(
        makeCertificateCheck('modified-after-signing', 'error', 'ERR_CHECK_CRASHED', {
          reason: reasonOf(error),
        }),
      );
    }
  }
  const credential = await credentialChecks(context, options.verifyCredential);
  checks.push(...credential.checks);
  return report(checks, revisions, signatures, credential.credentials);
};

/** Verifies a sealed PDF certificate. Never throws. */
export const verifyCertificatePdf = async (
  pdfBytes: Uint8Array,
  options: VerifyCertificateOptions = {},
): Promise<CertificateReport> => {
  if (!(pdfBytes instanceof Uint8Array) || pdfBytes.length === 0) {
    return report([makeCertificateCheck('pdf-parse', 'failed', 'ERR_PDF_EMPTY')]);
  }
  if (!hasPdfHeader(pdfBytes))
    return report([makeCertificateCheck('pdf-parse', 'failed', 'ERR_PDF_NOT_PDF')]);
  try {
    return await verifyParsed(pdfBytes, options);
  } catch (error) {
    return report([
      makeCertificateCheck('pdf-parse', 'error', 'ERR_CHECK_CRASHED', { reason: reasonOf(error) }),
    ]);
  }
};
