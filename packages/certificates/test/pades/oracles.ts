/**
 * Test oracles for sealed PDFs: poppler `pdfsig` (trusting the test CA through an NSS db),
 * `openssl cms -verify` on the signed byte ranges, `openssl ts -verify` on time-stamp tokens, and
 * a small extractor of the signatures (`/ByteRange`, `/Contents`) written by the sealer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface ExtractedSignature {
  readonly byteRange: readonly [number, number, number, number];
  /** The DER in `/Contents`, padding removed. */
  readonly der: Uint8Array;
  /** The whole `/Contents` value, padding included. */
  readonly contents: Uint8Array;
  /** The signed bytes (both ranges concatenated). */
  readonly signed: Uint8Array;
}

function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return 2 + n + len;
}

export function extractSignatures(pdf: Uint8Array): ExtractedSignature[] {
  const text = Buffer.from(pdf).toString('latin1');
  const re = /\/ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)\s*\]\/Contents <([0-9a-fA-F]+)>/g;
  return [...text.matchAll(re)].map((m) => {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const raw = Buffer.from(m[5] ?? '', 'hex');
    const der = raw.subarray(0, derLength(raw));
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    return { byteRange: [a, b, c, d], der, contents: raw, signed };
  });
}

/** `pdfsig` output (stdout + stderr). OCSP stays on: the test certificates have no AIA. */
export function pdfsig(nssDir: string, file: string): string {
  const r = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

/** `openssl cms -verify` of a detached CMS over its byte ranges; returns the exit output. */
export function opensslCmsVerify(dir: string, sig: ExtractedSignature, caPem: string): string {
  const id = createHash('sha1').update(sig.der).digest('hex').slice(0, 12);
  const content = join(dir, `content-${id}.bin`);
  const cms = join(dir, `cms-${id}.der`);
  writeFileSync(content, sig.signed);
  writeFileSync(cms, sig.der);
  const args = ['-CAfile', caPem, '-purpose', 'any', '-out', '/dev/null'];
  const r = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content, ...args],
    { encoding: 'utf8' },
  );
  return `${r.stdout}${r.stderr}`.trim();
}

/** `openssl ts -verify` of a token against a SHA-256 digest (hex). */
export function opensslTsVerify(
  dir: string,
  token: Uint8Array,
  digest: Uint8Array,
  caPem: string,
): string {
  const file = join(
    dir,
    `token-${createHash('sha1').update(token).digest('hex').slice(0, 12)}.der`,
  );
  writeFileSync(file, token);
  const r = spawnSync(
    'openssl',
    [
      'ts',
      '-verify',
      '-token_in',
      '-in',
      file,
      '-digest',
      Buffer.from(digest).toString('hex'),
      '-CAfile',
      caPem,
    ],
    { encoding: 'utf8' },
  );
  return `${r.stdout}${r.stderr}`.trim();
}

/** The signer info's signed attribute OIDs, signature value and signature time-stamp token. */
export function inspectCms(der: Uint8Array): {
  signedAttrTypes: string[];
  signatureValue: Uint8Array;
  token?: Uint8Array;
} {
  const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result });
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no SignerInfo');
  const tokenAttr = signerInfo.unsignedAttrs?.attributes.find(
    (a) => a.type === '1.2.840.113549.1.9.16.2.14',
  );
  const tokenValue = tokenAttr?.values[0] as asn1js.AsnType | undefined;
  return {
    signedAttrTypes: signerInfo.signedAttrs?.attributes.map((a) => a.type) ?? [],
    signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
    ...(tokenValue ? { token: new Uint8Array(tokenValue.toBER()) } : {}),
  };
}

export const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

export function pdftotext(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}
