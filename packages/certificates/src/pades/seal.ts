/**
 * PAdES baseline sealing (ETSI EN 319 142-1) of any PDF by incremental updates, never touching
 * the original bytes: B-B (CAdES detached signature, time in `/M`), B-T (plus a signature
 * time-stamp), B-LT (plus a DSS with the signer and TSA chains and the given revocation data) and
 * B-LTA (plus a document time-stamp). Only SHA-256 digests reach the signer and the TSA.
 */
import type { DigestSigner, TimestampAuthority } from '../signer.js';
import { buildCadesSignature, cmsCertificates } from './cms.js';
import { appendDss } from './dss.js';
import { PdfFile } from './pdf-reader.js';
import { PdfName, pdfDate, textString, type PdfDict } from './pdf-syntax.js';
import { appendSignatureField, byteRangeDigest, fillContents } from './signature-field.js';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface SealOptions {
  readonly signer: DigestSigner;
  /** Required from B-T up. */
  readonly tsa?: TimestampAuthority;
  readonly level: PadesLevel;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** The claimed signing time written to `/M`; defaults to now. */
  readonly signingTime?: Date;
  /** Revocation data for the DSS (B-LT, B-LTA): DER CRLs and OCSP responses. */
  readonly revocation?: {
    readonly crls?: readonly Uint8Array[];
    readonly ocsps?: readonly Uint8Array[];
  };
  /** Bytes reserved for the CMS in `/Contents`; by default estimated from the chain. */
  readonly reserve?: number;
}

const padded = (der: Uint8Array, capacity: number): Uint8Array => {
  const contents = new Uint8Array(capacity);
  contents.set(der);
  return contents;
};

/** Room for a time-stamp token with its TSA chain. */
const TOKEN_RESERVE = 12_288;

/** Seals `pdf` at the given PAdES baseline level; returns the whole updated file. */
export async function sealPdf(pdf: Uint8Array, options: SealOptions): Promise<Uint8Array> {
  const { signer, tsa, level } = options;
  if (level !== 'B-B' && !tsa) throw new Error(`PAdES ${level} needs a time-stamping authority`);
  const chain = await signer.certificates();
  const chainBytes = chain.reduce((n, c) => n + c.length, 0);
  const capacity =
    options.reserve ?? Math.max(8192, chainBytes + 2048 + (level === 'B-B' ? 0 : TOKEN_RESERVE));

  const entries: PdfDict = new Map();
  entries.set('Type', new PdfName('Sig'));
  entries.set('Filter', new PdfName('Adobe.PPKLite'));
  entries.set('SubFilter', new PdfName('ETSI.CAdES.detached'));
  entries.set('M', pdfDate(options.signingTime ?? new Date()));
  if (options.reason !== undefined) entries.set('Reason', textString(options.reason));
  if (options.location !== undefined) entries.set('Location', textString(options.location));
  if (options.contactInfo !== undefined)
    entries.set('ContactInfo', textString(options.contactInfo));

  const slot = appendSignatureField(new PdfFile(pdf), entries, capacity);
  const signature = await buildCadesSignature(
    byteRangeDigest(slot),
    signer,
    level === 'B-B' ? undefined : tsa,
  );
  let out = fillContents(slot, signature.cms);
  if (level === 'B-LT' || level === 'B-LTA') {
    const tsaCerts = signature.timestampToken ? cmsCertificates(signature.timestampToken) : [];
    out = appendDss(out, {
      certs: [...chain, ...tsaCerts],
      crls: options.revocation?.crls ?? [],
      ocsps: options.revocation?.ocsps ?? [],
      vriSignatures: [padded(signature.cms, capacity)],
    });
  }
  if (level === 'B-LTA' && tsa) out = await appendDocumentTimestamp(out, tsa);
  return out;
}

/**
 * Appends a document time-stamp (`/Type /DocTimeStamp`, `/SubFilter /ETSI.RFC3161`) over the
 * whole file: the last step of B-LTA, and its renewal (after a fresh DSS) before the TSA
 * certificate expires.
 */
export async function appendDocumentTimestamp(
  pdf: Uint8Array,
  tsa: TimestampAuthority,
  reserve = TOKEN_RESERVE,
): Promise<Uint8Array> {
  const entries: PdfDict = new Map();
  entries.set('Type', new PdfName('DocTimeStamp'));
  entries.set('Filter', new PdfName('Adobe.PPKLite'));
  entries.set('SubFilter', new PdfName('ETSI.RFC3161'));
  const slot = appendSignatureField(new PdfFile(pdf), entries, reserve, 'DocTimeStamp');
  const token = await tsa.timestamp(byteRangeDigest(slot));
  return fillContents(slot, token);
}
