import { createHash } from 'node:crypto';

/** The identity-hash algorithms Akashi reads. It only ever produces `sha256`. */
export type IdentityHashAlgorithm = 'sha256' | 'md5';

/**
 * `<algorithm>$<hex>` where hex = H(UTF-8(identity + salt)): the salt is appended (OB 2.0 §1.4,
 * the same in OB 3.0). Reading md5 hashes is supported; emit sha256 only.
 */
export const hashIdentityWith = (
  algorithm: IdentityHashAlgorithm,
  identity: string,
  salt = '',
): string =>
  `${algorithm}$${createHash(algorithm)
    .update(identity + salt, 'utf8')
    .digest('hex')}`;

/**
 * An OB IdentityHash: `sha256$` + hex(SHA-256(UTF-8(identity + salt))), salt appended.
 * The identity is hashed exactly as given; normalise e-mail addresses first with
 * `normalizeEmail`.
 *
 * @example hashIdentity('mayze') // 'sha256$7a1a1b3f…2c60c6'
 */
export const hashIdentity = (identity: string, salt?: string): string =>
  hashIdentityWith('sha256', identity, salt);
