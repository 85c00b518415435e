/**
 * The `eddsa-rdfc-2022` cryptosuite of W3C Data Integrity EdDSA (and its pre-rename id
 * `eddsa-2022`, the same algorithm): RDFC-1.0 canonicalize the proof options (with the
 * document's `@context`, without `proofValue`) and the document (without `proof`), SHA-256
 * each, and sign proofHash ‖ docHash with Ed25519; the proof value is base58btc, prefix `z`.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { decode as decodeBase58, encode as encodeBase58 } from 'base58-universal';
import type { Canonizer } from '../canon/index.js';

export const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022';
export const EDDSA_2022 = 'eddsa-2022';

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  created?: string;
  verificationMethod: string;
  cryptosuite: string;
  proofPurpose: string;
  proofValue: string;
  [extra: string]: unknown;
}

export interface CreateEddsaProofOptions {
  readonly privateKey: KeyObject;
  readonly verificationMethod: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`; omitted from the proof when not given. */
  readonly created?: string;
  readonly proofPurpose?: string;
  readonly canonizer: Canonizer;
}

type JsonObject = Record<string, unknown>;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const withoutProof = (document: JsonObject): JsonObject => {
  const { proof: _proof, ...rest } = document;
  return rest;
};

/** The bytes that are signed: SHA-256(canonical proof options) ‖ SHA-256(canonical document). */
export const hashEddsaRdfc2022 = async (
  document: JsonObject,
  proofOptions: JsonObject,
  canonizer: Canonizer,
): Promise<Buffer> => {
  const { proofValue: _value, ...options } = proofOptions;
  const config = { '@context': document['@context'], ...options };
  const [proofCanon, documentCanon] = await Promise.all([
    canonizer.canonicalize(config),
    canonizer.canonicalize(withoutProof(document)),
  ]);
  return Buffer.concat([sha256(proofCanon.nquads), sha256(documentCanon.nquads)]);
};

/** Creates the proof for `document` (which must not carry one already). */
export const createEddsaRdfc2022Proof = async (
  document: JsonObject,
  options: CreateEddsaProofOptions,
): Promise<DataIntegrityProof> => {
  const proofOptions: JsonObject = {
    type: 'DataIntegrityProof',
    ...(options.created === undefined ? {} : { created: options.created }),
    verificationMethod: options.verificationMethod,
    cryptosuite: EDDSA_RDFC_2022,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
  };
  const data = await hashEddsaRdfc2022(document, proofOptions, options.canonizer);
  const signature = sign(null, data, options.privateKey);
  return { ...proofOptions, proofValue: 'z' + encodeBase58(signature) } as DataIntegrityProof;
};

export type VerifyEddsaProofResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'malformed-proof-value' | 'signature-mismatch' };

/** The proof options as they are canonicalized: the document's context, no `proofValue`. */
export const proofConfigOf = (document: JsonObject, proof: JsonObject): JsonObject => {
  const { proofValue: _value, ...options } = proof;
  return { '@context': document['@context'], ...options };
};

/** The document as it is canonicalized: without `proof`. */
export const unsecuredDocumentOf = withoutProof;

/**
 * Checks an eddsa-rdfc-2022 / eddsa-2022 signature from the two canonical forms (so that a
 * verifier that already canonicalized them, e.g. for its safe-mode check, does not do it twice).
 */
export const verifyEddsaSignature = (
  proofCanon: string,
  documentCanon: string,
  proofValue: unknown,
  publicKey: KeyObject,
): VerifyEddsaProofResult =>
  checkSignature(Buffer.concat([sha256(proofCanon), sha256(documentCanon)]), proofValue, publicKey);

/** A 64-byte signature from a base58btc (`z…`) proof value, or `undefined`. */
const decodeProofValue = (value: unknown): Uint8Array | undefined => {
  if (typeof value !== 'string' || !/^z[1-9A-HJ-NP-Za-km-z]+$/.test(value)) return undefined;
  const signature = decodeBase58(value.slice(1));
  return signature?.length === 64 ? signature : undefined;
};

const checkSignature = (
  data: Buffer,
  proofValue: unknown,
  publicKey: KeyObject,
): VerifyEddsaProofResult => {
  const signature = decodeProofValue(proofValue);
  if (signature === undefined) return { ok: false, reason: 'malformed-proof-value' };
  return verify(null, data, publicKey, signature)
    ? { ok: true }
    : { ok: false, reason: 'signature-mismatch' };
};

/** Checks the signature of one eddsa-rdfc-2022 / eddsa-2022 proof with the given public key. */
export const verifyEddsaRdfc2022Proof = async (
  document: JsonObject,
  proof: JsonObject,
  publicKey: KeyObject,
  canonizer: Canonizer,
): Promise<VerifyEddsaProofResult> => {
  if (decodeProofValue(proof.proofValue) === undefined)
    return { ok: false, reason: 'malformed-proof-value' };
  return checkSignature(
    await hashEddsaRdfc2022(document, proof, canonizer),
    proof.proofValue,
    publicKey,
  );
};
