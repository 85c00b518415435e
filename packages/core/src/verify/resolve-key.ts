/** Key lookup for verification: the validator-compatible fragment shortcut and failure mapping. */
import type { KeyObject } from 'node:crypto';
import { isAkashiError } from '../errors/akashi-error.js';
import { decodeMultikey } from '../keys/index.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';

export const issuerIdOf = (credential: Record<string, unknown>): string | undefined => {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (typeof issuer === 'object' && issuer !== null) {
    const id = (issuer as Record<string, unknown>).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
};

/** `https://issuer.example/x#z6Mk…`: the key in the fragment and the URL before it. */
export const decodeFragmentKey = (
  method: string,
): { publicKey: KeyObject; controller: string } | undefined => {
  const hash = method.indexOf('#');
  if (hash < 0 || !/^https?:\/\//.test(method)) return undefined;
  try {
    return { publicKey: decodeMultikey(method.slice(hash + 1)), controller: method.slice(0, hash) };
  } catch {
    return undefined;
  }
};

/** Maps a key-resolution failure to the proof and issuer checks (network ≠ invalid). */
export const methodFailure = (
  method: string,
  error: unknown,
): { proof: VerificationCheck; issuer: VerificationCheck } => {
  const issuer = makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED');
  const reason = error instanceof Error ? error.message : String(error);
  if (isAkashiError(error)) {
    switch (error.code) {
      case 'ERR_FETCH_FAILED':
        return {
          proof: makeCheck('proof', 'error', 'ERR_PROOF_METHOD_UNREACHABLE', { method, reason }),
          issuer,
        };
      case 'ERR_DID_UNSUPPORTED':
        return {
          proof: makeCheck('proof', 'failed', 'ERR_PROOF_METHOD_UNSUPPORTED', { method }),
          issuer,
        };
      default:
        return {
          proof: makeCheck('proof', 'failed', 'ERR_PROOF_METHOD_INVALID', { method, reason }),
          issuer,
        };
    }
  }
  return {
    proof: makeCheck('proof', 'failed', 'ERR_PROOF_METHOD_INVALID', { method, reason }),
    issuer,
  };
};
