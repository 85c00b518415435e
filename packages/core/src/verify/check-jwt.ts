/** The `proof` and `issuer` checks of a VC-JWT (OB 3.0 JWT profile). */
import { decodeJwtCredential, verifyJwtCredential } from '../jwt/index.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';
import type { FetchJson, KeyProvenance, ResolvedMethod, ResolveMethod } from './verify-options.js';
import { issuerIdOf, methodFailure } from './resolve-key.js';

type Json = Record<string, unknown>;

export interface JwtChecks {
  readonly credential?: Json;
  readonly proof: VerificationCheck;
  readonly issuer: VerificationCheck;
}

const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

const sameKey = (a: Json, b: Json): boolean =>
  PUBLIC_MEMBERS.every((member) => a[member] === b[member]);

/** Is the header's `jwk` listed in the JWKS the issuer publishes at /.well-known/jwks.json? */
const checkJwks = async (
  jwk: Json,
  issuer: string,
  fetchJson: FetchJson | undefined,
): Promise<VerificationCheck> => {
  let url: string;
  try {
    url = new URL('/.well-known/jwks.json', issuer).href;
    if (!url.startsWith('https://') && !url.startsWith('http://'))
      throw new Error('not an http(s) issuer');
  } catch {
    return makeCheck('issuer', 'failed', 'ERR_ISSUER_NOT_AUTHORIZED', { issuer, method: 'jwk' });
  }
  if (fetchJson === undefined) {
    return makeCheck('issuer', 'error', 'ERR_PROOF_METHOD_UNREACHABLE', {
      method: url,
      reason: 'no fetcher configured',
    });
  }
  try {
    const set = (await fetchJson(url)) as { keys?: unknown };
    const keys = Array.isArray(set.keys) ? (set.keys as Json[]) : [];
    return keys.some((key) => typeof key === 'object' && sameKey(key, jwk))
      ? makeCheck('issuer', 'passed', 'ISSUER_OK', { issuer })
      : makeCheck('issuer', 'failed', 'ERR_ISSUER_NOT_AUTHORIZED', { issuer, method: 'jwk' });
  } catch (error) {
    return makeCheck('issuer', 'error', 'ERR_PROOF_METHOD_UNREACHABLE', {
      method: url,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
};

export const checkJwt = async (
  jwt: string,
  resolveMethod: ResolveMethod,
  keyProvenance: KeyProvenance,
  fetchJson: FetchJson | undefined,
): Promise<JwtChecks> => {
  let resolved: ResolvedMethod | undefined;
  let kid: string | undefined;
  let resolveError: unknown;
  const result = await verifyJwtCredential(jwt, {
    resolveKey: async (keyId: string) => {
      kid = keyId;
      try {
        resolved = await resolveMethod(keyId);
      } catch (error) {
        resolveError = error;
        throw error;
      }
      return resolved.publicKey;
    },
  });
  // A JWT whose signature cannot be checked is still read, so that the report can say why.
  const decoded = decodeJwtCredential(jwt);
  const readable = decoded.ok ? { credential: decoded.credential } : {};
  if (resolveError !== undefined && kid !== undefined)
    return { ...readable, ...methodFailure(kid, resolveError) };
  if (!result.ok) {
    return {
      ...readable,
      proof: makeCheck(
        'proof',
        'failed',
        'ERR_PROOF_JWT',
        { reason: result.message.en },
        { code: result.code },
      ),
      issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
    };
  }
  const credential: Json = result.credential;
  const proof = makeCheck('proof', 'passed', 'PROOF_OK', { suite: `VC-JWT ${result.header.alg}` });
  const issuer = issuerIdOf(credential);
  if (issuer === undefined)
    return { credential, proof, issuer: makeCheck('issuer', 'failed', 'ERR_ISSUER_MISSING') };
  if (resolved !== undefined && kid !== undefined) {
    if (resolved.controller !== issuer) {
      return {
        credential,
        proof,
        issuer: makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', {
          controller: resolved.controller,
          issuer,
        }),
      };
    }
    return {
      credential,
      proof,
      issuer: resolved.assertionMethodOf.includes(issuer)
        ? makeCheck('issuer', 'passed', 'ISSUER_OK', { issuer })
        : makeCheck('issuer', 'failed', 'ERR_ISSUER_NOT_AUTHORIZED', { issuer, method: kid }),
    };
  }
  // The key came embedded in the header.
  const jwk = result.header.jwk as Json | undefined;
  if (jwk === undefined)
    return {
      credential,
      proof,
      issuer: makeCheck('issuer', 'failed', 'ERR_ISSUER_NOT_AUTHORIZED', { issuer, method: 'jwk' }),
    };
  if (keyProvenance === 'validator-compatible') {
    return {
      credential,
      proof,
      issuer: makeCheck('issuer', 'passed', 'ISSUER_KEY_EMBEDDED', { issuer }),
    };
  }
  return { credential, proof, issuer: await checkJwks(jwk, issuer, fetchJson) };
};
