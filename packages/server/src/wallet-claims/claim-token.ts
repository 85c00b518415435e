/**
 * The claim link of an award e-mail (ADR 0010): `PUBLIC_URL/wallet/claim/{awardId}?token=…`,
 * where the token is the HMAC-SHA256 of the award id under the master key's claim key
 * (`keys/master-key.ts`, HKDF info `akashi/wallet-claim/v1`), base64url. Stateless: nothing is
 * stored per award, a bulk job of 100,000 awards pays one HMAC each, and only the platform can
 * make a token.
 */
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/** The token for `awardId`: 43 base64url characters. */
export const createClaimToken = (key: KeyObject, awardId: string): string =>
  createHmac('sha256', key).update(`award:${awardId}`, 'utf8').digest('base64url');

/** Whether `token` is the token of `awardId`, compared in constant time. */
export const checkClaimToken = (key: KeyObject, awardId: string, token: string): boolean => {
  const expected = Buffer.from(createClaimToken(key, awardId), 'utf8');
  const given = Buffer.from(token, 'utf8');
  // Same length first (timingSafeEqual needs it); the length of a valid token is public.
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The link the award e-mail carries. */
export const claimUrl = (publicUrl: string, key: KeyObject, awardId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/wallet/claim/${encodeURIComponent(awardId)}?token=${createClaimToken(key, awardId)}`;
