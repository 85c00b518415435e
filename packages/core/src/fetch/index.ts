/** Akashi's one outbound HTTP path: the `FetchDocument` contract and the guarded fetcher. */
export type {
  FetchDocument,
  FetchDocumentOptions,
  FetchedDocument,
  FetchFailureReason,
} from './fetch-document.js';
export {
  createGuardedFetcher,
  DEFAULT_FETCH_ACCEPT,
  DEFAULT_FETCH_CACHE_MAX_BYTES,
  DEFAULT_FETCH_CACHE_MAX_ENTRIES,
  DEFAULT_FETCH_CACHE_TTL_MS,
  DEFAULT_FETCH_MAX_BYTES,
  DEFAULT_FETCH_MAX_REDIRECTS,
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_FETCH_USER_AGENT,
  type GuardedFetcher,
  type GuardedFetcherOptions,
} from './create-guarded-fetcher.js';
export { lookupHost, type HostLookup, type ResolvedAddress } from './create-target-policy.js';
export { isPublicAddress } from './is-public-address.js';
export { isJsonMediaType } from './read-json-document.js';
export {
  createGuardedPoster,
  GUARDED_POST_TIMEOUT_MS,
  GuardedPostError,
  type GuardedPost,
  type GuardedPostFailure,
  type GuardedPosterOptions,
  type GuardedPostRequest,
  type GuardedPostResponse,
} from './create-guarded-poster.js';
