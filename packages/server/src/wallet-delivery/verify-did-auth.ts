/**
 * DID authentication of a wallet holder (the Learner Credential Wallet's request flow, VC-API
 * exchanges): the wallet signs a Verifiable Presentation with its `did:key`, proof purpose
 * `authentication`, over the exchange's challenge (and domain). The holder is the controller of
 * the proof's key: the DID the delivered credential is bound to.
 *
 * Two proof types, as wallets send them (PROTOCOLS.md §3.1):
 * - `DataIntegrityProof` / `eddsa-rdfc-2022`: checked by the platform's presentation verification
 *   (`vc-api/verify-presentation-proof.ts`: signature, purpose, challenge, domain, holder);
 * - `Ed25519Signature2020` (what the LCW signs with today), which that module does not know:
 *   checked here with the core's `verifyEd25519Signature2020Proof` and the same key resolver
 *   and canonizer, with the same rules.
 * Only `did:key` holders are accepted (the request asks for `acceptedMethods: [{method: "key"}]`;
 * a did:key is resolved offline, nothing is fetched for a wallet).
 */
import { verifyEd25519Signature2020Proof, type ResolvedMethod } from '@akashi/core';
import { ServerError } from '../http/server-error.js';
import { typesOf } from '../vc-api/check-vc-data-model.js';
import { checkPresentationProof } from '../vc-api/verify-presentation-proof.js';
import type { VcApiVerifier } from '../vc-api/vc-api-verifier.js';

type Json = Record<string, unknown>;

export interface DidAuthExpectation {
  readonly challenge: string;
  /** The domains a proof's `domain` may name; `required`: the proof must carry one of them. */
  readonly domains: readonly string[];
  readonly domainRequired: boolean;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const refuse = (reason: string): ServerError =>
  new ServerError('ERR_DELIVERY_PRESENTATION_INVALID', { params: { reason } });

const holderOf = (presentation: Json): string | undefined => {
  const { holder } = presentation;
  if (typeof holder === 'string') return holder;
  return isObject(holder) && typeof holder.id === 'string' ? holder.id : undefined;
};

const DATA_INTEGRITY_SUITES = new Set(['eddsa-rdfc-2022', 'eddsa-2022']);

const checkDomain = (proof: Json, expected: DidAuthExpectation): void => {
  const { domain } = proof;
  if (domain === undefined) {
    if (expected.domainRequired) throw refuse('the proof carries no domain');
    return;
  }
  const given = Array.isArray(domain) ? domain : [domain];
  if (!given.some((item) => typeof item === 'string' && expected.domains.includes(item))) {
    throw refuse('the proof is for another domain');
  }
};

const resolveHolderKey = async (verifier: VcApiVerifier, proof: Json): Promise<ResolvedMethod> => {
  const method = proof.verificationMethod;
  if (typeof method !== 'string' || !method.startsWith('did:key:')) {
    throw refuse('the proof must be made with a did:key verification method');
  }
  let resolved: ResolvedMethod;
  try {
    resolved = await verifier.resolveMethod(method);
  } catch {
    throw refuse('the did:key verification method cannot be resolved');
  }
  if (!method.startsWith(`${resolved.controller}#`)) {
    throw refuse('the verification method does not belong to its DID');
  }
  if (resolved.publicKey.asymmetricKeyType !== 'ed25519') {
    throw refuse('the holder key is not an Ed25519 key');
  }
  return resolved;
};

const verifyEd25519Signature2020 = async (
  verifier: VcApiVerifier,
  presentation: Json,
  proof: Json,
  resolved: ResolvedMethod,
): Promise<void> => {
  let ok = false;
  try {
    const outcome = await verifyEd25519Signature2020Proof(
      presentation,
      proof,
      resolved.publicKey,
      verifier.canonizer,
    );
    ok = outcome.ok;
  } catch {
    throw refuse('the presentation does not pass JSON-LD safe mode');
  }
  if (!ok) throw refuse('the signature does not verify');
};

const verifyDataIntegrity = async (
  verifier: VcApiVerifier,
  presentation: Json,
  proof: Json,
  expected: DidAuthExpectation,
): Promise<void> => {
  const domain = typeof proof.domain === 'string' ? proof.domain : undefined;
  const checks = await checkPresentationProof(
    verifier,
    { ...presentation, proof },
    { challenge: expected.challenge, ...(domain === undefined ? {} : { domain }) },
  );
  const failed = checks.find((check) => check.outcome === 'failed' || check.outcome === 'error');
  if (failed !== undefined) throw refuse(failed.message.en);
};

/** Verifies the DID-auth presentation; returns the holder's DID. */
export const verifyDidAuthentication = async (
  verifier: VcApiVerifier,
  presentation: unknown,
  expected: DidAuthExpectation,
): Promise<string> => {
  if (!isObject(presentation) || !typesOf(presentation.type).includes('VerifiablePresentation')) {
    throw refuse('the body is not a Verifiable Presentation');
  }
  const proofs = (
    Array.isArray(presentation.proof) ? presentation.proof : [presentation.proof]
  ).filter(isObject);
  const [proof, ...others] = proofs;
  if (proof === undefined) throw refuse('the presentation is not signed');
  if (others.length > 0) throw refuse('the presentation must carry exactly one proof');
  if (proof.proofPurpose !== 'authentication') {
    throw refuse('the proof purpose must be "authentication"');
  }
  if (proof.challenge !== expected.challenge) {
    throw refuse('the proof does not carry the challenge of this exchange');
  }
  checkDomain(proof, expected);
  const resolved = await resolveHolderKey(verifier, proof);
  const holder = holderOf(presentation);
  if (holder !== undefined && holder !== resolved.controller) {
    throw refuse('the proof was not made by the holder named in the presentation');
  }
  if (proof.type === 'Ed25519Signature2020') {
    await verifyEd25519Signature2020(verifier, presentation, proof, resolved);
  } else if (
    proof.type === 'DataIntegrityProof' &&
    typeof proof.cryptosuite === 'string' &&
    DATA_INTEGRITY_SUITES.has(proof.cryptosuite)
  ) {
    await verifyDataIntegrity(verifier, presentation, proof, expected);
  } else {
    throw refuse('the proof type is not supported (Ed25519Signature2020 or eddsa-rdfc-2022)');
  }
  return resolved.controller;
};
