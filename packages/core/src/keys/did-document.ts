import type { JsonWebKey } from 'node:crypto';

export const DID_V1_CONTEXT_URL = 'https://www.w3.org/ns/did/v1';
/** Defines the `JsonWebKey` verification method type (VC-JOSE-COSE). Not bundled for JSON-LD. */
export const JWK_V1_CONTEXT_URL = 'https://w3id.org/security/jwk/v1';

/** A verification method as Akashi writes it: W3C Multikey, or JsonWebKey for RSA. */
export interface VerificationMethod {
  readonly id: string;
  readonly type: 'Multikey' | 'JsonWebKey';
  readonly controller: string;
  readonly publicKeyMultibase?: string;
  readonly publicKeyJwk?: JsonWebKey;
}

/** A DID document as Akashi writes it (did:key resolution, did:web publication). */
export interface DidDocument {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly verificationMethod: readonly VerificationMethod[];
  readonly assertionMethod: readonly string[];
  readonly authentication?: readonly string[];
  readonly capabilityInvocation?: readonly string[];
  readonly capabilityDelegation?: readonly string[];
}
