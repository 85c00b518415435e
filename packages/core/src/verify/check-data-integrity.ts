/**
 * The `jsonld`, `proof` and `issuer` checks of a credential secured with embedded proofs:
 * Data Integrity `eddsa-rdfc-2022`, `eddsa-2022` (its pre-rename id) and `ecdsa-sd-2023`
 * (derived proofs), and the legacy `Ed25519Signature2020`. The safe-mode check and the EdDSA
 * signatures share one canonicalization; `ecdsa-sd-2023` is checked by the Digital Bazaar
 * cryptosuite (see proof/ecdsa-sd-2023.ts).
 */
import type { KeyObject } from 'node:crypto';
import type { Canonizer } from '../canon/index.js';
import { isAkashiError } from '../errors/akashi-error.js';
import {
  ECDSA_SD_2023,
  ED25519_SIGNATURE_2020,
  EDDSA_2022,
  EDDSA_RDFC_2022,
  ed25519Signature2020OptionsOf,
  proofConfigOf,
  unsecuredDocumentOf,
  verifyEcdsaSd2023Proof,
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

type Suite =
  typeof EDDSA_RDFC_2022 | typeof EDDSA_2022 | typeof ECDSA_SD_2023 | typeof ED25519_SIGNATURE_2020;

const DATA_INTEGRITY_SUITES: ReadonlySet<string> = new Set([
  EDDSA_RDFC_2022,
  EDDSA_2022,
  ECDSA_SD_2023,
]);

const suiteOf = (proof: Json): Suite | undefined => {
  if (proof.type === ED25519_SIGNATURE_2020) return ED25519_SIGNATURE_2020;
  if (
    proof.type === 'DataIntegrityProof' &&
    typeof proof.cryptosuite === 'string' &&
    DATA_INTEGRITY_SUITES.has(proof.cryptosuite)
  ) {
    return proof.cryptosuite as Suite;
  }
  return undefined;
};

/** The proof options as each suite canonicalizes them. */
const optionsOf = (credential: Json, proof: Json): Json =>
  proof.type === ED25519_SIGNATURE_2020
    ? ed25519Signature2020OptionsOf(credential, proof)
    : proofConfigOf(credential, proof);

const isP256 = (key: KeyObject): boolean =>
  key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';

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

const proofFailure = (
  code: Parameters<typeof makeCheck>[2],
  params: Record<string, string> = {},
): { proof: VerificationCheck; issuer: VerificationCheck } => ({
  proof: makeCheck('proof', 'failed', code, params),
  issuer: makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
});

type KeyLookup =
  | {
      readonly ok: true;
      readonly publicKey: KeyObject;
      readonly controller: string;
      readonly issuerCheck: VerificationCheck;
    }
  | { readonly ok: false; readonly proof: VerificationCheck; readonly issuer: VerificationCheck };

/** The public key of `method`, and whether it may sign for `issuer` (P13, ADR 0002). */
const lookUpKey = async (
  method: string,
  issuer: string | undefined,
  resolveMethod: ResolveMethod,
  keyProvenance: KeyProvenance,
): Promise<KeyLookup> => {
  const fragmentKey =
    keyProvenance === 'validator-compatible' ? decodeFragmentKey(method) : undefined;
  if (fragmentKey !== undefined) {
    const { publicKey, controller } = fragmentKey;
    const issuerCheck =
      issuer !== undefined && controller === issuer
        ? makeCheck('issuer', 'passed', 'ISSUER_KEY_IN_FRAGMENT', { issuer })
        : makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', {
            controller,
            issuer: issuer ?? '',
          });
    return { ok: true, publicKey, controller, issuerCheck };
  }
  try {
    const { publicKey, controller, assertionMethodOf } = await resolveMethod(method);
    let issuerCheck: VerificationCheck;
    if (issuer === undefined) issuerCheck = makeCheck('issuer', 'failed', 'ERR_ISSUER_MISSING');
    else if (controller !== issuer) {
      issuerCheck =
        keyProvenance === 'validator-compatible' && !isResolvableId(issuer)
          ? makeCheck('issuer', 'passed', 'ISSUER_UNCONFIRMED', { issuer, controller })
          : makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', { controller, issuer });
    } else if (!assertionMethodOf.includes(issuer)) {
      issuerCheck = makeCheck('issuer', 'failed', 'ERR_ISSUER_NOT_AUTHORIZED', { issuer, method });
    } else issuerCheck = makeCheck('issuer', 'passed', 'ISSUER_OK', { issuer });
    return { ok: true, publicKey, controller, issuerCheck };
  } catch (error) {
    return { ok: false, ...methodFailure(method, error) };
  }
};

interface ProofToCheck {
  readonly proof: Json;
  readonly suite: Suite;
  readonly proofCanon: string;
}

/** Checks one supported proof: its shape, its key, then its signature. */
const checkOneProof = async (
  credential: Json,
  { proof, suite, proofCanon }: ProofToCheck,
  documentCanon: string,
  resolveMethod: ResolveMethod,
  keyProvenance: KeyProvenance,
): Promise<{ proof: VerificationCheck; issuer: VerificationCheck }> => {
  const method = proof.verificationMethod;
  if (typeof method !== 'string')
    return proofFailure('ERR_PROOF_MALFORMED', { reason: 'verificationMethod' });
  if (proof.proofPurpose !== 'assertionMethod') return proofFailure('ERR_PROOF_PURPOSE');
  const key = await lookUpKey(method, issuerIdOf(credential), resolveMethod, keyProvenance);
  if (!key.ok) return { proof: key.proof, issuer: key.issuer };
  const { publicKey, controller, issuerCheck } = key;
  if (suite === ECDSA_SD_2023) {
    if (!isP256(publicKey))
      return proofFailure('ERR_PROOF_METHOD_INVALID', { method, reason: 'not a P-256 key' });
    const result = await verifyEcdsaSd2023Proof(credential, proof, {
      publicKey,
      verificationMethod: method,
      controller,
    });
    if (!result.ok) {
      return result.reason === 'signature-mismatch'
        ? proofFailure('ERR_PROOF_SIGNATURE')
        : proofFailure('ERR_PROOF_MALFORMED', { reason: `proofValue: ${result.message}` });
    }
    return { proof: makeCheck('proof', 'passed', 'PROOF_OK', { suite }), issuer: issuerCheck };
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    return proofFailure('ERR_PROOF_METHOD_INVALID', { method, reason: 'not an Ed25519 key' });
  const result = verifyEddsaSignature(proofCanon, documentCanon, proof.proofValue, publicKey);
  if (!result.ok) {
    return result.reason === 'malformed-proof-value'
      ? proofFailure('ERR_PROOF_MALFORMED', { reason: 'proofValue' })
      : proofFailure('ERR_PROOF_SIGNATURE');
  }
  return { proof: makeCheck('proof', 'passed', 'PROOF_OK', { suite }), issuer: issuerCheck };
};

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
      proofCanons.push((await canonizer.canonicalize(optionsOf(credential, proof))).nquads);
  } catch (error) {
    return { jsonld: jsonldFailure(error), ...notChecked('JSON-LD') };
  }
  const jsonld = makeCheck('jsonld', 'passed', 'JSONLD_OK');
  if (proofs.length === 0) return { jsonld, ...proofFailure('ERR_PROOF_MISSING') };
  const supported = proofs.flatMap((proof, index): ProofToCheck[] => {
    const suite = suiteOf(proof);
    return suite === undefined ? [] : [{ proof, suite, proofCanon: proofCanons[index] as string }];
  });
  if (supported.length === 0) {
    const kinds = proofs.map(
      (p) => `${String(p.type)}${typeof p.cryptosuite === 'string' ? `/${p.cryptosuite}` : ''}`,
    );
    return { jsonld, ...proofFailure('ERR_PROOF_UNSUPPORTED', { reason: kinds.join(', ') }) };
  }
  // Every supported proof must verify; the least favourable issuer outcome is reported.
  let issuerCheck: VerificationCheck | undefined;
  for (const candidate of supported) {
    const checked = await checkOneProof(
      credential,
      candidate,
      documentCanon,
      resolveMethod,
      keyProvenance,
    );
    if (checked.proof.outcome !== 'passed') return { jsonld, ...checked };
    if (issuerCheck === undefined || checked.issuer.outcome !== 'passed')
      issuerCheck = checked.issuer;
  }
  const suite = supported.map((candidate) => candidate.suite).join(', ');
  return {
    jsonld,
    proof: makeCheck('proof', 'passed', 'PROOF_OK', { suite }),
    issuer: issuerCheck ?? makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED'),
  };
};
