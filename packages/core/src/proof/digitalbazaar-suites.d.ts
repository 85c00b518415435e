// The Digital Bazaar Data Integrity libraries ship no type declarations; this is the part of
// their API core calls. `DataIntegrityProof` instances are typed as `object` (as in
// e2e/vendor.d.ts) and narrowed where they are used.
declare module '@digitalbazaar/data-integrity' {
  export const DataIntegrityProof: new (options: {
    cryptosuite: unknown;
    signer?: unknown;
    date?: string | Date | null;
  }) => object;
}

declare module '@digitalbazaar/ecdsa-sd-2023-cryptosuite' {
  export function createVerifyCryptosuite(options?: { requiredAlgorithm?: string }): object;
  export function createSignCryptosuite(options?: { mandatoryPointers?: string[] }): object;
  export function createDiscloseCryptosuite(options?: {
    proofId?: string;
    selectivePointers?: string[];
  }): object;
}
