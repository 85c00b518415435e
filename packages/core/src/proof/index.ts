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
