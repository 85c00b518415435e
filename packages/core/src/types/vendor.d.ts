// Minimal declarations for the untyped libraries core uses (only what we call).
declare module 'jsonld' {
  interface JsonLdOptions {
    documentLoader?: (url: string) => Promise<unknown>;
    safe?: boolean;
    base?: string | null;
    algorithm?: 'RDFC-1.0';
    format?: 'application/n-quads';
  }
  const jsonld: {
    toRDF(input: unknown, options?: JsonLdOptions): Promise<unknown[]>;
    canonize(input: unknown, options?: JsonLdOptions): Promise<string>;
    expand(input: unknown, options?: JsonLdOptions): Promise<unknown[]>;
  };
  export default jsonld;
}

declare module 'rdf-canonize' {
  const rdfCanonize: {
    canonize(
      input: unknown,
      options: {
        algorithm: 'RDFC-1.0';
        inputFormat?: 'application/n-quads';
        format?: 'application/n-quads';
        maxWorkFactor?: number;
      },
    ): Promise<unknown>;
  };
  export default rdfCanonize;
}

declare module 'base58-universal' {
  export function encode(input: Uint8Array, maxline?: number): string;
  /** `undefined` for a character outside the alphabet. */
  export function decode(input: string): Uint8Array | undefined;
}
