export {
  EDDSA_2022,
  EDDSA_RDFC_2022,
  createEddsaRdfc2022Proof,
  hashEddsaRdfc2022,
  proofConfigOf,
  unsecuredDocumentOf,
  verifyEddsaRdfc2022Proof,
  verifyEddsaSignature,
  type CreateEddsaProofOptions,
  type DataIntegrityProof,
  type VerifyEddsaProofResult,
} from './eddsa-rdfc-2022.js';
export {
  ED25519_SIGNATURE_2020,
  ED25519_SIGNATURE_2020_CONTEXT_URL,
  ed25519Signature2020OptionsOf,
  verifyEd25519Signature2020Proof,
} from './ed25519-signature-2020.js';
export {
  ECDSA_SD_2023,
  verifyEcdsaSd2023Proof,
  type VerifyEcdsaSd2023Options,
  type VerifyEcdsaSd2023Result,
} from './ecdsa-sd-2023.js';
