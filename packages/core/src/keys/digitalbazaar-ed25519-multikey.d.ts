// @digitalbazaar/ed25519-multikey (a dev dependency, used as an independent oracle in tests)
// ships no type declarations; this is the part of its API the tests call.
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyKeyPair {
    readonly publicKeyMultibase: string;
    readonly secretKeyMultibase?: string;
    readonly publicKey: Uint8Array;
    readonly secretKey?: Uint8Array;
    export(options?: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
      raw?: boolean;
    }): Promise<{ publicKeyMultibase?: string; secretKeyMultibase?: string }>;
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519MultikeyKeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyKeyPair>;
}
