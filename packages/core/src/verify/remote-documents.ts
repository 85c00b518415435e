/**
 * How the verifier reaches remote documents (keys, status and revocation lists, JSON Schemas,
 * refreshed credentials): through the caller's `fetchDocument` (Akashi's guarded fetcher
 * contract) or its older `fetchJson`. A load either gives the document or says why not:
 *
 * - `not-found`: the server answered 404 or 410, so the document does not exist;
 * - `unreachable`: a transport failure, any other HTTP status, or a body that is not JSON. This
 *   is never a verdict on the credential (P18).
 *
 * With `fetchJson` only, every failure is `unreachable` unless the fetcher throws an
 * `ERR_FETCH_FAILED` AkashiError whose `details.status` is 404 or 410.
 */
import { exceedsJsonDepth } from './exceeds-json-depth.js';
import { AkashiError, isAkashiError } from '../errors/akashi-error.js';
import type { FetchDocument, FetchFailureReason } from '../fetch/fetch-document.js';
import type { FetchJson } from '../keys/index.js';
import type { VerifyInput } from './parse-input.js';

export type RemoteResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly kind: 'not-found' | 'unreachable';
      readonly reason: string;
      readonly status?: number;
    };

export interface RemoteDocuments {
  /** For the key resolver and the status lists: throws `ERR_FETCH_FAILED` when it cannot. */
  readonly fetchJson: FetchJson | undefined;
  /** Loads a JSON document. */
  readonly loadJson: (url: string, accept?: string) => Promise<RemoteResult<unknown>>;
  /** Loads a credential as served: JSON, or a compact JWT when `fetchDocument` is given. */
  readonly loadCredential: (url: string) => Promise<RemoteResult<VerifyInput>>;
}

const JSON_ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';
const CREDENTIAL_ACCEPT =
  'application/vc+ld+json, application/ld+json, application/json;q=0.9, text/plain;q=0.5';

const GONE = new Set([404, 410]);

/** An `ERR_FETCH_FAILED` in the guarded fetcher's terms (`details.reason`, `details.status`). */
const fetchFailed = (
  url: string,
  reason: Extract<FetchFailureReason, 'http-status' | 'invalid-json'>,
  status?: number,
): AkashiError => {
  const what = reason === 'http-status' ? `HTTP ${String(status)}` : 'the body is not JSON';
  return new AkashiError(
    'ERR_FETCH_FAILED',
    { en: `Fetching ${url} failed: ${what}.`, ja: `${url} の取得に失敗しました: ${what}。` },
    { details: { url, reason, ...(status === undefined ? {} : { status }) } },
  );
};

const parseJson = (url: string, body: Uint8Array): unknown => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
  } catch {
    throw fetchFailed(url, 'invalid-json');
  }
  // Deeper documents would only be refused later by a stack overflow.
  if (exceedsJsonDepth(value)) throw fetchFailed(url, 'invalid-json');
  return value;
};

/** A `FetchJson` on top of a `FetchDocument`: 2xx JSON bodies only. */
export const fetchJsonFrom =
  (fetchDocument: FetchDocument): FetchJson =>
  async (url) => {
    const document = await fetchDocument(url, { accept: JSON_ACCEPT });
    if (document.status < 200 || document.status > 299)
      throw fetchFailed(url, 'http-status', document.status);
    return parseJson(url, document.body);
  };

/** What a failed load tells the checks: not found (404/410) or unreachable, and why. */
const failureOf = (error: unknown): RemoteResult<never> => {
  const details = isAkashiError(error) ? error.details : undefined;
  const status = typeof details?.status === 'number' ? details.status : undefined;
  const reason =
    status !== undefined
      ? `HTTP ${String(status)}`
      : error instanceof Error
        ? error.message
        : String(error);
  return {
    ok: false,
    kind: status !== undefined && GONE.has(status) ? 'not-found' : 'unreachable',
    reason,
    ...(status === undefined ? {} : { status }),
  };
};

const NO_FETCHER: RemoteResult<never> = {
  ok: false,
  kind: 'unreachable',
  reason: 'no fetcher configured',
};

export const createRemoteDocuments = (options: {
  readonly fetchJson?: FetchJson | undefined;
  readonly fetchDocument?: FetchDocument | undefined;
}): RemoteDocuments => {
  const { fetchDocument } = options;
  if (fetchDocument !== undefined && options.fetchJson !== undefined) {
    throw new TypeError('createVerifier: give either options.fetchJson or options.fetchDocument');
  }
  const fetchJson = fetchDocument === undefined ? options.fetchJson : fetchJsonFrom(fetchDocument);

  const loadJson = async (url: string, accept = JSON_ACCEPT): Promise<RemoteResult<unknown>> => {
    if (fetchDocument === undefined) {
      if (fetchJson === undefined) return NO_FETCHER;
      try {
        return { ok: true, value: await fetchJson(url) };
      } catch (error) {
        return failureOf(error);
      }
    }
    try {
      const document = await fetchDocument(url, { accept });
      if (document.status < 200 || document.status > 299)
        return failureOf(fetchFailed(url, 'http-status', document.status));
      return { ok: true, value: parseJson(url, document.body) };
    } catch (error) {
      return failureOf(error);
    }
  };

  const loadCredential = async (url: string): Promise<RemoteResult<VerifyInput>> => {
    if (fetchDocument === undefined) {
      const result = await loadJson(url);
      if (!result.ok) return result;
      const { value } = result;
      return typeof value === 'string' || (typeof value === 'object' && value !== null)
        ? { ok: true, value: value as VerifyInput }
        : failureOf(fetchFailed(url, 'invalid-json'));
    }
    try {
      const document = await fetchDocument(url, { accept: CREDENTIAL_ACCEPT });
      if (document.status < 200 || document.status > 299)
        return failureOf(fetchFailed(url, 'http-status', document.status));
      return { ok: true, value: document.body };
    } catch (error) {
      return failureOf(error);
    }
  };

  return { fetchJson, loadJson, loadCredential };
};
