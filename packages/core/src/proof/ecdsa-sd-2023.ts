/**
 * Verifying `ecdsa-sd-2023` derived proofs (W3C Data Integrity ECDSA, selective disclosure) with
 * the established implementation: `@digitalbazaar/ecdsa-sd-2023-cryptosuite` run by
 * `@digitalbazaar/data-integrity`'s `DataIntegrityProof`, exactly as jsonld-signatures runs one
 * proof of a proof set (the document without `proof`; the proof with the document's `@context`).
 *
 * The caller resolves the verification method and decides whether its controller may sign for
 * the issuer; this module only checks the signatures. Contexts come from the bundled loader and
 * the key is handed over as a Multikey document, so nothing is ever fetched here.
 */
import type { KeyObject } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { MULTIKEY_V1_URL } from '../contexts/bundled-contexts.js';
import { defaultDocumentLoader, type DocumentLoader } from '../contexts/document-loader.js';
import { encodeMultikey } from '../keys/multikey.js';
import { unsecuredDocumentOf } from './eddsa-rdfc-2022.js';

export const ECDSA_SD_2023 = 'ecdsa-sd-2023';

type JsonObject = Record<string, unknown>;

export interface VerifyEcdsaSd2023Options {
  /** The P-256 public key of the verification method. */
  readonly publicKey: KeyObject;
  /** The proof's `verificationMethod` (the id the key is served under). */
  readonly verificationMethod: string;
  /** The method's controller, as resolved by the caller. */
  readonly controller: string;
  /** Serves JSON-LD contexts; default: the bundled contexts only. */
  readonly documentLoader?: DocumentLoader;
}

export type VerifyEcdsaSd2023Result =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'malformed-proof-value' | 'signature-mismatch';
      readonly message: string;
    };

interface VerifyingSuite {
  verifyProof(options: {
    proof: JsonObject;
    document: JsonObject;
    proofSet: JsonObject[];
    documentLoader: DocumentLoader;
  }): Promise<{ verified: boolean; error?: unknown }>;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The cryptosuite's words for "the data does not match the signatures". */
const isMismatch = (message: string): boolean =>
  message === 'Invalid signature.' || message.startsWith('Signature count');

/**
 * Checks one `ecdsa-sd-2023` derived proof. A base proof (the issuer's, meant for the holder
 * only) or an undecodable proof value is `malformed-proof-value`; a document whose disclosed
 * statements do not match the signatures is `signature-mismatch`. Never throws for bad input.
 */
export const verifyEcdsaSd2023Proof = async (
  document: JsonObject,
  proof: JsonObject,
  options: VerifyEcdsaSd2023Options,
): Promise<VerifyEcdsaSd2023Result> => {
  if (typeof proof.proofValue !== 'string' || !/^u[A-Za-z0-9_-]+$/.test(proof.proofValue)) {
    return {
      ok: false,
      reason: 'malformed-proof-value',
      message: 'proofValue is not multibase base64url',
    };
  }
  const { verificationMethod: id, controller } = options;
  const method = {
    '@context': MULTIKEY_V1_URL,
    id,
    type: 'Multikey',
    controller,
    publicKeyMultibase: encodeMultikey(options.publicKey),
  };
  const contexts = options.documentLoader ?? defaultDocumentLoader;
  const documentLoader: DocumentLoader = (url) =>
    url === id
      ? Promise.resolve({ contextUrl: null, documentUrl: url, document: method })
      : contexts(url);
  const suite = new DataIntegrityProof({
    cryptosuite: createVerifyCryptosuite(),
  }) as VerifyingSuite;
  const withContext: JsonObject = { '@context': document['@context'], ...proof };
  let result: { verified: boolean; error?: unknown };
  try {
    result = await suite.verifyProof({
      proof: withContext,
      document: unsecuredDocumentOf(document),
      proofSet: [withContext],
      documentLoader,
    });
  } catch (error) {
    result = { verified: false, error };
  }
  if (result.verified) return { ok: true };
  const message = messageOf(result.error);
  return {
    ok: false,
    reason: isMismatch(message) ? 'signature-mismatch' : 'malformed-proof-value',
    message,
  };
};
