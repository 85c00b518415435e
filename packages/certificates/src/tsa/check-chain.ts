/**
 * Path building for a signer or TSA certificate with node:crypto's X509Certificate: from the
 * leaf through intermediates (taken from the CMS or the trust list) to one of the configured
 * trust anchors, each link's signature verified, each certificate valid at the given time and
 * every issuer below the anchor a CA. No revocation checking here (that is B-LT data).
 */
import { X509Certificate } from 'node:crypto';

const MAX_DEPTH = 8;

export type ChainCheck =
  | { readonly ok: true; readonly path: readonly X509Certificate[] }
  | { readonly ok: false; readonly reason: string };

const toX509 = (der: Uint8Array): X509Certificate | undefined => {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch {
    return undefined;
  }
};

const validAt = (certificate: X509Certificate, at: Date): boolean =>
  new Date(certificate.validFrom) <= at && at <= new Date(certificate.validTo);

const issues = (issuer: X509Certificate, subject: X509Certificate): boolean =>
  subject.checkIssued(issuer) && subject.verify(issuer.publicKey);

/** Builds and checks the path from `leaf` to one of `anchors` at time `at`. */
export const checkChain = (
  leaf: Uint8Array,
  pool: readonly Uint8Array[],
  anchors: readonly Uint8Array[],
  at: Date,
): ChainCheck => {
  const start = toX509(leaf);
  if (start === undefined) return { ok: false, reason: 'the certificate does not parse' };
  const trusted = anchors.map(toX509).filter((x): x is X509Certificate => x !== undefined);
  const intermediates = pool.map(toX509).filter((x): x is X509Certificate => x !== undefined);
  const path: X509Certificate[] = [start];
  let current = start;
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    if (!validAt(current, at)) {
      return { ok: false, reason: `${current.subject} is not valid at ${at.toISOString()}` };
    }
    if (trusted.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) {
      return { ok: true, path };
    }
    const anchor = trusted.find((candidate) => issues(candidate, current));
    if (anchor !== undefined) {
      if (!validAt(anchor, at)) {
        return { ok: false, reason: `the trust anchor ${anchor.subject} is not valid then` };
      }
      path.push(anchor);
      return { ok: true, path };
    }
    const next = intermediates.find(
      (candidate) =>
        candidate.ca &&
        candidate.fingerprint256 !== current.fingerprint256 &&
        !path.some((seen) => seen.fingerprint256 === candidate.fingerprint256) &&
        issues(candidate, current),
    );
    if (next === undefined) {
      return { ok: false, reason: `no trusted issuer found for ${current.subject}` };
    }
    path.push(next);
    current = next;
  }
  return { ok: false, reason: 'the certificate path is too long' };
};
