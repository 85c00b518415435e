/**
 * Certificate path building with node:crypto's X509Certificate: from the leaf, through the
 * certificates the CMS carries, to one of the given DER trust anchors — each link's issuer name
 * and signature checked, intermediates required to be CAs, and every certificate on the path
 * valid at the validation time (the time-stamped signing time, else now).
 */
import { X509Certificate } from 'node:crypto';
import { displayName } from './cms-verify.js';

export interface ChainResult {
  readonly trusted: boolean;
  readonly anchor?: string;
  /** Subjects from the leaf up (the anchor last when trusted). */
  readonly path: readonly string[];
  readonly reason?: string;
  /** The first certificate on the path that was not valid at the validation time. */
  readonly invalidAt?: { subject: string; from: string; to: string };
}

const MAX_DEPTH = 10;

export const isValidAt = (certificate: X509Certificate, at: Date): boolean =>
  new Date(certificate.validFrom).getTime() <= at.getTime() &&
  at.getTime() <= new Date(certificate.validTo).getTime();

export const validityOf = (certificate: X509Certificate) => ({
  subject: displayName(certificate.subject),
  from: new Date(certificate.validFrom).toISOString(),
  to: new Date(certificate.validTo).toISOString(),
});

const issues = (issuer: X509Certificate, subject: X509Certificate): boolean => {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

export const parseAnchors = (trust: readonly Uint8Array[]): X509Certificate[] =>
  trust.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });

/** Builds a path from `leaf` to an anchor; `pool` holds the intermediates the CMS carried. */
export const buildChain = (
  leaf: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
): ChainResult => {
  const path: X509Certificate[] = [leaf];
  let current = leaf;
  const finish = (result: Omit<ChainResult, 'path' | 'invalidAt'>, anchor?: X509Certificate) => {
    const all = anchor === undefined ? path : [...path, anchor];
    const expired = all.find((certificate) => !isValidAt(certificate, at));
    return {
      ...result,
      path: all.map((certificate) => displayName(certificate.subject)),
      ...(expired === undefined ? {} : { invalidAt: validityOf(expired) }),
    };
  };
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const self = anchors.find((anchor) => anchor.fingerprint256 === current.fingerprint256);
    if (self !== undefined) {
      path.pop();
      return finish({ trusted: true, anchor: displayName(self.subject) }, self);
    }
    const anchor = anchors.find((candidate) => issues(candidate, current));
    if (anchor !== undefined)
      return finish({ trusted: true, anchor: displayName(anchor.subject) }, anchor);
    const next = pool.find(
      (candidate) =>
        candidate.ca &&
        !path.some((seen) => seen.fingerprint256 === candidate.fingerprint256) &&
        issues(candidate, current),
    );
    if (next === undefined) {
      const selfSigned = current.checkIssued(current);
      const reason = selfSigned
        ? `${displayName(current.subject)} is self-signed and not a trust anchor`
        : `no issuer certificate for ${displayName(current.subject)} (issued by ${displayName(current.issuer)}) leads to a trust anchor`;
      return finish({ trusted: false, reason });
    }
    path.push(next);
    current = next;
  }
  return finish({ trusted: false, reason: `the chain is longer than ${MAX_DEPTH}` });
};
