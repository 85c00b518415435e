import { Type, type Static } from '@sinclair/typebox';
import { createDateTimeSchema, lenientKit, strictKit } from './model-kit.js';
import { createEnumSchema } from './vocabularies.js';

/** Data Integrity cryptosuites Akashi emits (eddsa-rdfc-2022 by default). */
export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'ecdsa-sd-2023'] as const;
export type Cryptosuite = (typeof CRYPTOSUITES)[number];

export const PROOF_PURPOSES = [
  'assertionMethod',
  'authentication',
  'capabilityInvocation',
  'capabilityDelegation',
  'keyAgreement',
] as const;
export type ProofPurpose = (typeof PROOF_PURPOSES)[number];

/** An embedded `DataIntegrityProof` (VC Data Integrity 1.0), as Akashi emits it. */
export const DataIntegrityProofSchema = Type.Object(
  {
    id: Type.Optional(strictKit.uri('An identifier of the proof.')),
    type: Type.Literal('DataIntegrityProof'),
    cryptosuite: createEnumSchema(CRYPTOSUITES, 'The cryptographic suite.'),
    created: Type.Optional(createDateTimeSchema('When the proof was created.')),
    expires: Type.Optional(createDateTimeSchema('When the proof expires.')),
    verificationMethod: strictKit.uri(
      'The key that verifies the proof (a DID URL or an HTTPS URL).',
    ),
    proofPurpose: createEnumSchema(PROOF_PURPOSES, 'The purpose of the proof.'),
    proofValue: Type.String({
      pattern: '^(z[1-9A-HJ-NP-Za-km-z]+|u[A-Za-z0-9_-]+)$',
      description: 'The multibase-encoded signature (base58btc `z…` or base64url `u…`).',
    }),
    domain: Type.Optional(strictKit.text('The security domain of the proof.')),
    challenge: Type.Optional(strictKit.text('A challenge against replay.')),
    nonce: Type.Optional(strictKit.text('A nonce.')),
    previousProof: Type.Optional(strictKit.text('The id of a previous proof (proof chains).')),
  },
  strictKit.model('DataIntegrityProof', 'An embedded Data Integrity proof.'),
);
export type DataIntegrityProof = Static<typeof DataIntegrityProofSchema>;

/**
 * Any embedded proof as received: Data Integrity or a legacy suite (`Ed25519Signature2020`,
 * `eddsa-2022`). Whether it verifies is the proof check's business, not the schema's.
 */
export const LenientProofSchema = Type.Object(
  {
    type: lenientKit.text('The proof type, e.g. DataIntegrityProof.'),
    created: Type.Optional(createDateTimeSchema('When the proof was created.')),
    cryptosuite: Type.Optional(lenientKit.text('The cryptographic suite.')),
    challenge: Type.Optional(lenientKit.text()),
    domain: Type.Optional(lenientKit.text()),
    nonce: Type.Optional(lenientKit.text()),
    proofPurpose: Type.Optional(lenientKit.text('The purpose of the proof.')),
    proofValue: Type.Optional(lenientKit.text('The proof value.')),
    verificationMethod: Type.Optional(lenientKit.uri('The key that verifies the proof.')),
  },
  lenientKit.model('Proof', 'An embedded proof of any type.'),
);
export type LenientProof = Static<typeof LenientProofSchema>;
