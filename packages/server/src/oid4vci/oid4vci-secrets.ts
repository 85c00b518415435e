/**
 * The secrets of OpenID for Verifiable Credential Issuance (ADR 0011), all random (256 bits,
 * base64url) and kept only as SHA-256 hashes:
 * - the pre-authorized code and the access token, on the exchange row;
 * - the transaction code (6 digits), on the exchange row;
 * - `c_nonce` values, in a single-use register shared by every app node.
 *
 * A `c_nonce` is handed out by the nonce endpoint (no authentication, so it cannot belong to an
 * exchange) and by the token endpoint (draft 13). It lives 5 minutes and is spent by the first
 * proof that names it, valid or not. The register is the `rate_limits` table (one row per nonce:
 * `window_start` = when it was issued, `count` 0 until spent): the one atomic, multi-node,
 * self-pruning counter store the platform has, used here through its ordinary columns.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/open-database.js';

/** Seconds a `c_nonce` stays usable. */
export const C_NONCE_LIFETIME_SECONDS = 300;

const NONCE_KEY_PREFIX = 'oid4vci:c_nonce:';

/** A new random secret: 32 bytes, base64url (43 characters). */
export const createSecret = (): string => randomBytes(32).toString('base64url');

/** SHA-256 (hex) of a secret, as stored. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** A transaction code: 6 random decimal digits. */
export const createTxCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** True when `secret` hashes to `hash` (constant time). */
export const matchesHash = (secret: string, hash: string): boolean => {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** Issues a `c_nonce`, usable once within `C_NONCE_LIFETIME_SECONDS`. */
export const issueCNonce = async (db: Database, now: Date): Promise<string> => {
  const nonce = createSecret();
  await db.kysely
    .insertInto('rate_limits')
    .values({
      key: `${NONCE_KEY_PREFIX}${hashSecret(nonce)}`,
      window_start: now.toISOString(),
      count: 0,
    })
    .execute();
  return nonce;
};

/**
 * Spends a `c_nonce`: true when it was issued here, has not expired and was not spent before.
 * One atomic update, so two proofs racing with the same nonce cannot both pass.
 */
export const spendCNonce = async (db: Database, nonce: string, now: Date): Promise<boolean> => {
  if (nonce.length === 0 || nonce.length > 128) return false;
  const issuedAfter = new Date(now.getTime() - C_NONCE_LIFETIME_SECONDS * 1000).toISOString();
  const result = await db.kysely
    .updateTable('rate_limits')
    .set({ count: 1 })
    .where('key', '=', `${NONCE_KEY_PREFIX}${hashSecret(nonce)}`)
    .where('count', '=', 0)
    .where('window_start', '>', issuedAfter)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
};
