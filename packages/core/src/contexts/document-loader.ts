import { AkashiError } from '../errors/akashi-error.js';
import { bundledContexts } from './bundled-contexts.js';

/** The shape jsonld.js and the Digital Bazaar libraries expect from a document loader. */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export interface CreateDocumentLoaderOptions {
  /** Further documents served as they are (DID documents, keys in tests). Never fetched. */
  readonly documents?: ReadonlyMap<string, unknown>;
}

/**
 * A JSON-LD document loader that serves only bundled contexts (and any documents the caller
 * supplies) and refuses every other URL with `ERR_CONTEXT_NOT_BUNDLED`. It never fetches.
 */
export const createDocumentLoader = (options: CreateDocumentLoaderOptions = {}): DocumentLoader => {
  const extra = options.documents;
  return (url: string) => {
    const document = bundledContexts.get(url) ?? extra?.get(url);
    if (document === undefined) {
      return Promise.reject(
        new AkashiError(
          'ERR_CONTEXT_NOT_BUNDLED',
          {
            en: `The JSON-LD context ${url} is not bundled with Akashi; remote contexts are never fetched.`,
            ja: `JSON-LD コンテキスト ${url} は Akashi に同梱されていません。リモートのコンテキストは取得しません。`,
          },
          { details: { url } },
        ),
      );
    }
    return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
};

/** The default loader: bundled contexts only. */
export const defaultDocumentLoader: DocumentLoader = createDocumentLoader();
