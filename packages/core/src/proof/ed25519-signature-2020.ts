/**
 * The legacy `Ed25519Signature2020` Linked Data Signature (read only: Akashi verifies it, never
 * issues it). Found in VC 1.1-era Open Badges 3.0 credentials, with the
 * `https://w3id.org/security/suites/ed25519-2020/v1` context.
 *
 * The algorithm is the one of `eddsa-rdfc-2022`: RDFC-1.0 canonicalize the proof options and the
 * document (without `proof`), SHA-256 each, and verify an Ed25519 signature over
 * proofHash ‖ docHash; the proof value is base58btc with the prefix `z`. Two details differ, both
 * taken from jsonld-signatures' `LinkedDataSignature`: the proof's own `@context`, when it has one,
 * is used for the proof options (otherwise the document's), and `jws` and `signatureValue` are
 * left out of them as well as `proofValue`.
 */
import type { KeyObject } from 'node:crypto';
import type { Canonizer } from '../canon/index.js';
import {
  unsecuredDocumentOf,
  verifyEddsaSignature,
  type VerifyEddsaProofResult,
} from './eddsa-rdfc-2022.js';

export const ED25519_SIGNATURE_2020 = 'Ed25519Signature2020';
export const ED25519_SIGNATURE_2020_CONTEXT_URL =
  'https://w3id.org/security/suites/ed25519-2020/v1';

type JsonObject = Record<string, unknown>;

/** The proof options as they are canonicalized for an `Ed25519Signature2020` proof. */
export const ed25519Signature2020OptionsOf = (
  document: JsonObject,
  proof: JsonObject,
): JsonObject => {
  const { proofValue: _value, jws: _jws, signatureValue: _signature, ...options } = proof;
  return { '@context': document['@context'], ...options };
};

/** Checks the signature of one `Ed25519Signature2020` proof with the given Ed25519 public key. */
export const verifyEd25519Signature2020Proof = async (
  document: JsonObject,
  proof: JsonObject,
  publicKey: KeyObject,
  canonizer: Canonizer,
): Promise<VerifyEddsaProofResult> => {
  const [proofCanon, documentCanon] = await Promise.all([
    canonizer.canonicalize(ed25519Signature2020OptionsOf(document, proof)),
    canonizer.canonicalize(unsecuredDocumentOf(document)),
  ]);
  return verifyEddsaSignature(proofCanon.nquads, documentCanon.nquads, proof.proofValue, publicKey);
};
