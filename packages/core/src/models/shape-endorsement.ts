import type { DataIntegrityProof } from './data-integrity-proof.js';
import type { EndorsementCredential } from './endorsement-credential.js';
import { toArray } from './builder-input.js';

/**
 * A signed EndorsementCredential to embed (in a credential, an achievement or a profile), as
 * `buildEndorsementCredential` made it plus its proof; a single proof object is accepted.
 */
export type EmbeddedEndorsementInput = Omit<EndorsementCredential, 'proof'> & {
  readonly proof?: DataIntegrityProof | readonly DataIntegrityProof[] | undefined;
};

/** The endorsement with `proof` as an array (what the strict schema requires). */
export const shapeEmbeddedEndorsement = (
  input: EmbeddedEndorsementInput,
): EndorsementCredential => {
  const { proof, ...rest } = input;
  const proofs = toArray(proof);
  return proofs === undefined ? rest : { ...rest, proof: proofs };
};
