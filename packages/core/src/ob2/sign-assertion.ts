import { CompactSign } from 'jose';
import { AkashiError } from '../errors/akashi-error.js';
import type { SigningKey } from '../keys/signing-key.js';
import type { Assertion } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

export interface SignAssertionOptions {
  /**
   * The URL of the issuer's CryptographicKey document for `key` (listed in the issuer Profile's
   * `publicKey`). Written as `verification.creator`.
   */
  readonly creator: string;
}

/**
 * Signs an OB 2.0 Assertion: returns the compact JWS (`{"alg":"RS256"}` header) whose payload is
 * the Assertion JSON with `verification: { type: 'SignedBadge', creator }`. Bake the JWS itself
 * into the badge image. A verifier takes the key only from the issuer Profile's `publicKey`.
 *
 * @throws TypeError when the assertion already names another verification method or creator.
 * @throws AkashiError `ERR_KEY_UNSUPPORTED` for a key that is not RSA (2048 bits or more);
 *   `ERR_CREDENTIAL_INVALID` when the assertion does not match the strict schema.
 */
export const signAssertion = async (
  assertion: Assertion,
  key: SigningKey,
  options: SignAssertionOptions,
): Promise<string> => {
  if (typeof assertion !== 'object' || (assertion as unknown) === null) {
    throw new TypeError('assertion: expected an OB 2.0 Assertion object');
  }
  if (typeof options !== 'object' || typeof options.creator !== 'string') {
    throw new TypeError('options.creator: expected the URL of the CryptographicKey');
  }
  const { creator } = options;
  const current = (assertion as { verification?: { type?: unknown; creator?: unknown } })
    .verification;
  if (
    current !== undefined &&
    (current.type !== 'SignedBadge' ||
      (current.creator !== undefined && current.creator !== creator))
  ) {
    throw new TypeError(
      'assertion.verification: expected { type: "SignedBadge" } with options.creator as creator',
    );
  }
  if (key.type !== 'rsa' || key.alg !== 'RS256') {
    throw new AkashiError('ERR_KEY_UNSUPPORTED', {
      en: `Open Badges 2.0 signed assertions use RS256: an RSA key is needed, not ${key.type}.`,
      ja: `Open Badges 2.0 の署名付きアサーションは RS256 を使います。${key.type} ではなく RSA 鍵が必要です。`,
    });
  }
  const payload = assertStrictOb2Model<Assertion>('Assertion', {
    ...assertion,
    verification: { type: 'SignedBadge', creator },
  });
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(key.privateKey);
};
