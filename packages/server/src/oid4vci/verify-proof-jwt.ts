/**
 * The proof of possession of a credential request (OID4VCI 1.0 Appendix F.1): a JWT the wallet
 * signs with the key the credential will be bound to.
 *
 * - header: `typ` = `openid4vci-proof+jwt`, `alg` EdDSA or ES256, and exactly one of `kid` (a
 *   did:key or did:jwk DID URL) and `jwk` (a public key, bound as its did:jwk); `x5c` is not
 *   taken;
 * - claims: `aud` = the credential issuer, `iat` within the last 5 minutes (1 minute of clock
 *   skew), `nonce` present; `iss` may be absent (anonymous pre-authorized access).
 *
 * Returns the holder's DID and the nonce, which the caller spends; throws `Oid4vciError`
 * (`invalid_proof`) for everything else. Verified with `jose`.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { decodeMultikey } from '@akashi/core';
import {
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTHeaderParameters,
} from 'jose';
import { PROOF_ALGS, PROOF_JWT_TYP } from './oid4vci-metadata.js';
import { Oid4vciError } from './oid4vci-protocol-error.js';

export interface VerifiedProof {
  /** The DID the credential is bound to: the did:key or did:jwk of the proof's key. */
  readonly holderDid: string;
  readonly nonce: string;
}

export interface VerifyProofJwtOptions {
  /** The credential issuer identifier the proof must be addressed to. */
  readonly audience: string;
  readonly now: Date;
}

export const PROOF_MAX_AGE_SECONDS = 300;
export const PROOF_CLOCK_SKEW_SECONDS = 60;

const invalidProof = (description: string): Oid4vciError =>
  new Oid4vciError('invalid_proof', description);

const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  OKP: ['crv', 'kty', 'x'],
  EC: ['crv', 'kty', 'x', 'y'],
};

/** The public members of an OKP or EC JWK, in lexicographic order; undefined for anything else. */
const publicJwkOf = (value: unknown): JsonWebKey | undefined => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const jwk = value as Record<string, unknown>;
  if ('d' in jwk) return undefined;
  const members = typeof jwk.kty === 'string' ? PUBLIC_MEMBERS[jwk.kty] : undefined;
  if (members === undefined) return undefined;
  const picked: Record<string, string> = {};
  for (const member of members) {
    const member_value = jwk[member];
    if (typeof member_value !== 'string') return undefined;
    picked[member] = member_value;
  }
  return picked;
};

const importJwk = (jwk: JsonWebKey): KeyObject => {
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw invalidProof('The proof key (jwk) is not a valid public key.');
  }
};

const didJwkFor = (jwk: JsonWebKey): string =>
  `did:jwk:${Buffer.from(JSON.stringify(jwk), 'utf8').toString('base64url')}`;

/** The key and the holder DID a `kid` DID URL names (did:key or did:jwk). */
const resolveKid = (kid: string): { key: KeyObject; holderDid: string } => {
  const [did = '', fragment, ...rest] = kid.split('#');
  if (rest.length > 0) throw invalidProof('kid is not a DID URL.');
  if (did.startsWith('did:key:')) {
    const multikey = did.slice('did:key:'.length);
    if (fragment !== undefined && fragment !== multikey) {
      throw invalidProof('kid names a key the did:key does not have.');
    }
    try {
      return { key: decodeMultikey(multikey), holderDid: did };
    } catch {
      throw invalidProof('kid is not a did:key of an Ed25519 or P-256 key.');
    }
  }
  if (did.startsWith('did:jwk:')) {
    if (fragment !== undefined && fragment !== '0') {
      throw invalidProof('kid names a key the did:jwk does not have (#0).');
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
    } catch {
      throw invalidProof('kid is not a valid did:jwk.');
    }
    const jwk = publicJwkOf(decoded);
    if (jwk === undefined) throw invalidProof('The did:jwk does not hold a public OKP or EC key.');
    return { key: importJwk(jwk), holderDid: did };
  }
  throw invalidProof('kid must be a did:key or did:jwk DID URL.');
};

const readKey = (header: JWTHeaderParameters): { key: KeyObject; holderDid: string } => {
  if (header.x5c !== undefined) throw invalidProof('x5c proofs are not supported: use kid or jwk.');
  const { kid, jwk } = header;
  if (kid !== undefined && jwk !== undefined) throw invalidProof('Give kid or jwk, not both.');
  if (typeof kid === 'string') return resolveKid(kid);
  if (jwk !== undefined) {
    const publicJwk = publicJwkOf(jwk);
    if (publicJwk === undefined) {
      throw invalidProof('jwk must be a public OKP or EC key, without private members.');
    }
    return { key: importJwk(publicJwk), holderDid: didJwkFor(publicJwk) };
  }
  throw invalidProof('The proof names no key: give kid (a DID URL) or jwk.');
};

const describeJoseError = (error: unknown): string => {
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'aud must be the credential issuer.';
    if (error.claim === 'iat') {
      return `iat must be within the last ${String(PROOF_MAX_AGE_SECONDS)} seconds.`;
    }
    return `The ${error.claim} claim is wrong: ${error.reason}.`;
  }
  if (error instanceof joseErrors.JWTExpired) return 'The proof has expired.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'The proof signature does not verify.';
  }
  return 'The proof is not a valid JWT for its key and alg.';
};

export const verifyProofJwt = async (
  jwt: string,
  options: VerifyProofJwtOptions,
): Promise<VerifiedProof> => {
  let header: JWTHeaderParameters;
  try {
    header = decodeProtectedHeader(jwt) as JWTHeaderParameters;
  } catch {
    throw invalidProof('The proof is not a compact JWT.');
  }
  if (header.typ !== PROOF_JWT_TYP) throw invalidProof(`typ must be ${PROOF_JWT_TYP}.`);
  if (typeof header.alg !== 'string' || !PROOF_ALGS.includes(header.alg)) {
    throw invalidProof(`alg must be one of ${PROOF_ALGS.join(', ')}.`);
  }
  const { key, holderDid } = readKey(header);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(jwt, key, {
      algorithms: [header.alg],
      typ: PROOF_JWT_TYP,
      audience: options.audience,
      currentDate: options.now,
      maxTokenAge: PROOF_MAX_AGE_SECONDS,
      clockTolerance: PROOF_CLOCK_SKEW_SECONDS,
      requiredClaims: ['iat'],
    }));
  } catch (error) {
    throw invalidProof(describeJoseError(error));
  }
  const { nonce } = payload;
  if (typeof nonce !== 'string' || nonce === '') {
    throw invalidProof('The proof has no nonce: fetch one from the nonce endpoint.');
  }
  return { holderDid, nonce };
};
