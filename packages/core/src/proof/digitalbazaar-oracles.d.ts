// Digital Bazaar libraries the tests use as independent oracles (dev dependencies; they ship no
// type declarations). Only the parts the tests call.
declare module '@digitalbazaar/vc' {
  type DocumentLoader = (url: string) => Promise<{
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }>;
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<Record<string, unknown>>;
  export function derive(options: {
    verifiableCredential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<{ verified: boolean; error?: unknown }>;
}

declare module '@digitalbazaar/ecdsa-multikey' {
  export interface EcdsaMultikeyKeyPair {
    id?: string;
    controller?: string;
    readonly publicKeyMultibase: string;
    signer(): { readonly id?: string; readonly algorithm: string };
  }
  export function generate(options: {
    curve: 'P-256' | 'P-384';
    id?: string;
    controller?: string;
  }): Promise<EcdsaMultikeyKeyPair>;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export const Ed25519Signature2020: new (options?: {
    signer?: {
      readonly id: string;
      readonly algorithm: string;
      sign(input: { data: Uint8Array }): Promise<Uint8Array>;
    };
    date?: string | Date;
  }) => object;
}
