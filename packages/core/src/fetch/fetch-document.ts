/**
 * The contract of Akashi's one outbound HTTP path. Everything remote (hosted assertions,
 * profiles, keys, DID documents, status and revocation lists, schemas, images) is fetched
 * through a `FetchDocument`; the guarded implementation lives beside this file.
 */

export interface FetchedDocument {
  /** The final URL, after redirects. */
  readonly url: string;
  /** Any HTTP status is returned (410 Gone means "revoked" for OB 2.0 hosted badges). */
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
  /**
   * The final response's headers, names lower-cased, repeated ones joined with `, ` (e.g.
   * `link`, `retry-after`, `www-authenticate`). Set by the guarded fetcher.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FetchDocumentOptions {
  /** The Accept header; default `application/ld+json, application/json;q=0.9, *\/*;q=0.1`. */
  readonly accept?: string;
  /**
   * Extra request headers (e.g. `authorization` for an API call with a bearer token). A request
   * with extra headers is never answered from the cache nor stored in it. They cannot replace
   * the headers the fetcher sets itself (`accept`, `accept-encoding`, `user-agent`).
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Fetches a document. Resolves for every HTTP status; rejects only with an `AkashiError`
 * `ERR_FETCH_FAILED` (transport failure, timeout, size cap, refused address, too many
 * redirects), whose `details.reason` says which.
 */
export type FetchDocument = (
  url: string,
  options?: FetchDocumentOptions,
) => Promise<FetchedDocument>;

/**
 * Why a fetch failed: `details.reason` of an `ERR_FETCH_FAILED` error. `http-status` and
 * `invalid-json` come only from `fetchJson` (a non-2xx status, a body that is not JSON).
 */
export type FetchFailureReason =
  | 'timeout'
  | 'too-large'
  | 'refused-address'
  | 'dns'
  | 'connection'
  | 'too-many-redirects'
  | 'bad-url'
  | 'content-type'
  | 'tls'
  | 'http-status'
  | 'invalid-json';
