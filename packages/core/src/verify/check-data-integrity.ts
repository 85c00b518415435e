/**
 * The `jsonld`, `proof` and `issuer` checks of a credential secured with embedded Data
 * Integrity proofs. The safe-mode check and the signature share one canonicalization.
 */
import type { KeyObject } from 'node:crypto';
import type { Canonizer } from '../canon/index.js';
import { isAkashiError } from '../errors/akashi-error.js';
import {
  EDDSA_2022,
  EDDSA_RDFC_2022,
  proofConfigOf,
  unsecuredDocumentOf,
  verifyEddsaSignature,
} from '../proof/index.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';
import type { KeyProvenance, ResolveMethod } from './verify-options.js';
import { decodeFragmentKey, issuerIdOf, methodFailure } from './resolve-key.js';

type Json = Record<string, unknown>;

export interface DataIntegrityChecks {
  readonly jsonld: VerificationCheck;
  readonly proof: VerificationCheck;
  readonly issuer: VerificationCheck;
}

const SUITES: ReadonlySet<string> = new Set([EDDSA_RDFC_2022, EDDSA_2022]);

const jsonldFailure = (error: unknown): VerificationCheck => {
  if (isAkashiError(error) && error.code === 'ERR_CONTEXT_NOT_BUNDLED') {
    return makeCheck('jsonld', 'failed', 'ERR_JSONLD_CONTEXT_NOT_BUNDLED', {
      url: String(error.details?.url),
    });
  }
  const cause = (error as { details?: { cause?: unknown } }).details?.cause;
  if (isAkashiError(cause) && cause.code === 'ERR_CONTEXT_NOT_BUNDLED') {
    return makeCheck('jsonld', 'failed', 'ERR_JSONLD_CONTEXT_NOT_BUNDLED', {
      url: String(cause.details?.url),
    });
  }
  const details = (error as { details?: { event?: { message?: string; details?: unknown } } })
    .details;
  const reason =
    details?.event?.message ?? (error instanceof Error ? error.message : String(error));
  const extra =
    details?.event?.details === undefined ? '' : ` ${JSON.stringify(details.event.details)}`;
  return makeCheck('jsonld', 'failed', 'ERR_JSONLD_UNDEFINED_TERM', { reason: reason + extra });
};

/** An issuer id that names a document the issuer controls (unlike `urn:uuid:`). */
const isResolvableId = (id: string): boolean => /^(?:https?:|did:)/.test(id);

const notChecked = (reason: string) => ({
  proof: makeCheck('proof', 'skipped', 'PROOF_NOT_CHECKED', { reason }),
  issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
});

export const checkDataIntegrity = async (
  credential: Json,
  canonizer: Canonizer,
  resolveMethod: ResolveMethod,
  keyProvenance: KeyProvenance,
): Promise<DataIntegrityChecks> => {
  const proofs = (Array.isArray(credential.proof) ? credential.proof : [credential.proof]).filter(
    (p): p is Json => typeof p === 'object' && p !== null,
  );
  // Safe mode: the document and every proof's options must expand without dropping anything.
  let documentCanon: string;
  const proofCanons: string[] = [];
  try {
    documentCanon = (await canonizer.canonicalize(unsecuredDocumentOf(credential))).nquads;
    for (const proof of proofs)
      proofCanons.push((await canonizer.canonicalize(proofConfigOf(credential, proof))).nquads);
  } catch (error) {
    return { jsonld: jsonldFailure(error), ...notChecked('JSON-LD') };
  }
  const jsonld = makeCheck('jsonld', 'passed', 'JSONLD_OK');
  if (proofs.length === 0) {
    return {
      jsonld,
      proof: makeCheck('proof', 'failed', 'ERR_PROOF_MISSING'),
      issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
    };
  }
  const supported = proofs.flatMap((proof, index) =>
    proof.type === 'DataIntegrityProof' &&
    typeof proof.cryptosuite === 'string' &&
    SUITES.has(proof.cryptosuite)
      ? [{ proof, canon: proofCanons[index] as string }]
      : [],
  );
  if (supported.length === 0) {
    const kinds = proofs.map(
      (p) => `${String(p.type)}${typeof p.cryptosuite === 'string' ? `/${p.cryptosuite}` : ''}`,
    );
    return {
      jsonld,
      proof: makeCheck('proof', 'failed', 'ERR_PROOF_UNSUPPORTED', { reason: kinds.join(', ') }),
      issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
    };
  }

  const issuer = issuerIdOf(credential);
  let issuerCheck: VerificationCheck | undefined;
  for (const { proof, canon } of supported) {
    const method = proof.verificationMethod;
    if (typeof method !== 'string') {
      return {
        jsonld,
        proof: makeCheck('proof', 'failed', 'ERR_PROOF_MALFORMED', {
          reason: 'verificationMethod',
        }),
        issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
      };
    }
    if (proof.proofPurpose !== 'assertionMethod') {
      return {
        jsonld,
        proof: makeCheck('proof', 'failed', 'ERR_PROOF_PURPOSE'),
        issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
      };
    }
    let publicKey: KeyObject;
    let controllerCheck: VerificationCheck;
    const fragmentKey =
      keyProvenance === 'validator-compatible' ? decodeFragmentKey(method) : undefined;
    if (fragmentKey !== undefined) {
      publicKey = fragmentKey.publicKey;
      controllerCheck =
        issuer !== undefined && fragmentKey.controller === issuer
          ? makeCheck('issuer', 'passed', 'ISSUER_KEY_IN_FRAGMENT', { issuer })
          : makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', {
              controller: fragmentKey.controller,
              issuer: issuer ?? '',
            });
    } else {
      try {
        const resolved = await resolveMethod(method);
        publicKey = resolved.publicKey;
        if (issuer === undefined)
          controllerCheck = makeCheck('issuer', 'failed', 'ERR_ISSUER_MISSING');
        else if (resolved.controller !== issuer) {
          controllerCheck =
            keyProvenance === 'validator-compatible' && !isResolvableId(issuer)
              ? makeCheck('issuer', 'passed', 'ISSUER_UNCONFIRMED', {
                  issuer,
                  controller: resolved.controller,
                })
              : makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', {
                  controller: resolved.controller,
                  issuer,
                });
        } else if (!resolved.assertionMethodOf.includes(issuer)) {
          controllerCheck = makeCheck('issuer', 'failed', 'ERR_ISSUER_NOT_AUTHORIZED', {
            issuer,
            method,
          });
        } else controllerCheck = makeCheck('issuer', 'passed', 'ISSUER_OK', { issuer });
      } catch (error) {
        return { jsonld, ...methodFailure(method, error) };
      }
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') {
      return {
        jsonld,
        proof: makeCheck('proof', 'failed', 'ERR_PROOF_METHOD_INVALID', {
          method,
          reason: 'not an Ed25519 key',
        }),
        issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
      };
    }
    const result = verifyEddsaSignature(canon, documentCanon, proof.proofValue, publicKey);
    if (!result.ok) {
      const proofCheck =
        result.reason === 'malformed-proof-value'
          ? makeCheck('proof', 'failed', 'ERR_PROOF_MALFORMED', { reason: 'proofValue' })
          : makeCheck('proof', 'failed', 'ERR_PROOF_SIGNATURE');
      return {
        jsonld,
        proof: proofCheck,
        issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
      };
    }
    if (issuerCheck === undefined || controllerCheck.outcome !== 'passed')
      issuerCheck = controllerCheck;
  }
  const suite = supported.map(({ proof }) => String(proof.cryptosuite)).join(', ');
  return {
    jsonld,
    proof: makeCheck('proof', 'passed', 'PROOF_OK', { suite }),
    issuer: issuerCheck ?? makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
  };
};
