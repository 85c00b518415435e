/**
 * What the badge page says about an award now: active, revoked (with the issuer's reason),
 * suspended (with the reason), expired, or not yet valid, each told apart (a displayer must show
 * them separately: STANDARDS.md §2.7, §7.10). The issuer's decision outranks the dates, in the
 * order the core verifier decides its verdict (`decideStatus`).
 */
import type { Award } from '../awards/award.js';

export type AwardLiveStatus =
  | { readonly kind: 'active' }
  | { readonly kind: 'revoked'; readonly reason: string | null; readonly since: string | null }
  | { readonly kind: 'suspended'; readonly reason: string | null }
  | { readonly kind: 'expired'; readonly since: string }
  | { readonly kind: 'not-yet-valid'; readonly from: string };

export const computeAwardLiveStatus = (
  award: Pick<Award, 'state' | 'stateReason' | 'revokedAt' | 'validFrom' | 'validUntil'>,
  now: Date,
): AwardLiveStatus => {
  if (award.state === 'revoked') {
    return { kind: 'revoked', reason: award.stateReason, since: award.revokedAt };
  }
  if (award.state === 'suspended') return { kind: 'suspended', reason: award.stateReason };
  if (award.validUntil !== null && Date.parse(award.validUntil) < now.getTime()) {
    return { kind: 'expired', since: award.validUntil };
  }
  if (Date.parse(award.validFrom) > now.getTime()) {
    return { kind: 'not-yet-valid', from: award.validFrom };
  }
  return { kind: 'active' };
};
