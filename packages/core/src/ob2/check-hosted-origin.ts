/**
 * The origin policy of a hosted assertion (openbadges-validator-core
 * `hosted_id_in_verification_scope`, ported unchanged by the 1EdTech validator):
 *
 * 1. When the issuer's `verification` policy lists `startsWith` prefixes, the assertion id must
 *    start with one of them (this narrows, it does not widen).
 * 2. The assertion id's host must be one of the policy's `allowedOrigins`, or, without them, the
 *    host of the issuer Profile id.
 * 3. An issuer id that is not an HTTP(S) URL leaves nothing to enforce: accepted, and said so.
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';

type Json = Record<string, unknown>;

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is string => typeof item === 'string',
  );

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
};

export const checkHostedOrigin = (assertionId: string, issuer: Json): VerificationCheck => {
  const issuerId = typeof issuer.id === 'string' ? issuer.id : '';
  const policy =
    typeof issuer.verification === 'object' && issuer.verification !== null
      ? (issuer.verification as Json)
      : {};
  const prefixes = strings(policy.startsWith);
  if (prefixes.length > 0 && !prefixes.some((prefix) => assertionId.startsWith(prefix))) {
    return makeCheck('issuer', 'failed', 'ERR_OB2_ORIGIN_STARTS_WITH', {
      id: assertionId,
      issuer: issuerId,
      prefixes: prefixes.join(', '),
    });
  }
  const issuerHost = /^https?:\/\//i.test(issuerId) ? hostOf(issuerId) : undefined;
  const allowed =
    policy.allowedOrigins === undefined
      ? strings(issuerHost)
      : strings(policy.allowedOrigins).map((host) => host.toLowerCase());
  if (issuerHost === undefined || allowed.length === 0) {
    return makeCheck('issuer', 'passed', 'OB2_ORIGIN_UNENFORCEABLE', { issuer: issuerId });
  }
  const host = hostOf(assertionId);
  if (host === undefined || !allowed.includes(host)) {
    return makeCheck('issuer', 'failed', 'ERR_OB2_ORIGIN_HOST', {
      id: assertionId,
      issuer: issuerId,
      hosts: allowed.join(', '),
    });
  }
  return makeCheck('issuer', 'passed', 'OB2_ORIGIN_OK', { id: assertionId, issuer: issuerId });
};
