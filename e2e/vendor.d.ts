// Declarations for the untyped Digital Bazaar libraries the interop tests use as oracles
// (only the parts the tests call). @digitalcredentials/verifier-core ships its own types.

type InteropJson = Record<string, unknown>;

interface InteropRemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

type InteropDocumentLoader = (url: string) => Promise<InteropRemoteDocument>;

declare module '@digitalbazaar/vc' {
  export interface IssueOptions {
    credential: InteropJson;
    suite: unknown;
    documentLoader: InteropDocumentLoader;
    now?: string | Date;
  }
  export interface ProofResult {
    verified: boolean;
    error?: unknown;
    proof?: InteropJson;
  }
  export interface VerifyCredentialResult {
    verified: boolean;
    error?: unknown;
    results?: ProofResult[];
  }
  export interface VerifyCredentialOptions {
    credential: unknown;
    suite: unknown;
    documentLoader: InteropDocumentLoader;
    now?: string | Date;
    checkStatus?: () => Promise<{ verified: boolean }>;
  }
  export function issue(options: IssueOptions): Promise<InteropJson>;
  export function verifyCredential(
    options: VerifyCredentialOptions,
  ): Promise<VerifyCredentialResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export const DataIntegrityProof: new (options: {
    cryptosuite: unknown;
    signer?: unknown;
    date?: string | Date | null;
  }) => object;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { readonly name: string };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyKeyPair {
    readonly id?: string;
    readonly controller?: string;
    readonly publicKeyMultibase: string;
    readonly secretKeyMultibase?: string;
    readonly publicKey: Uint8Array;
    readonly secretKey?: Uint8Array;
    export(options?: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<InteropJson & { publicKeyMultibase?: string; secretKeyMultibase?: string }>;
    signer(): {
      readonly id?: string;
      readonly algorithm: string;
      sign(input: { data: Uint8Array }): Promise<Uint8Array>;
    };
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519MultikeyKeyPair>;
  export function from(key: InteropJson): Promise<Ed25519MultikeyKeyPair>;
  export function toJwk(options: {
    keyPair: Ed25519MultikeyKeyPair;
    secretKey?: boolean;
  }): Promise<{
    kty: string;
    crv: string;
    x: string;
    d?: string;
  }>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function checkStatus(options: {
    credential: unknown;
    documentLoader: InteropDocumentLoader;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: unknown; results?: { status: boolean }[] }>;
}
