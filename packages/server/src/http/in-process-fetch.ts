/**
 * A core `FetchDocument` that answers the platform's own public URLs (under `PUBLIC_URL`) from
 * the app itself, through `app.inject`, exactly as a verifier on the network would see them:
 * DID documents, status lists, OB 2.0 assertions and profiles. So the platform's own verifier
 * (badge pages, the VC-API, tests) checks a fresh revocation at once, with no HTTP round trip to
 * itself and no need for `PUBLIC_URL` to be reachable from inside. Every other URL goes to
 * `fallback` (the guarded fetcher), or fails as unreachable without one.
 */
import { AkashiError, type FetchDocument } from '@akashi/core';
import type { App } from './app-context.js';

const DEFAULT_ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';

export const createInProcessFetchDocument = (
  app: Pick<App, 'inject'>,
  publicUrl: string,
  fallback?: FetchDocument,
): FetchDocument => {
  const origin = new URL(publicUrl).origin;
  const base = publicUrl.replace(/\/+$/, '');
  return async (url, options) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    const own = parsed !== undefined && parsed.origin === origin && url.startsWith(`${base}/`);
    if (!own || parsed === undefined) {
      if (fallback !== undefined) return fallback(url, options);
      throw new AkashiError(
        'ERR_FETCH_FAILED',
        {
          en: `Fetching ${url} failed: only this platform's own documents are available here.`,
          ja: `${url} の取得に失敗しました。ここで取得できるのはこのプラットフォーム自身の文書だけです。`,
        },
        { details: { url, reason: 'refused-address' } },
      );
    }
    const response = await app.inject({
      method: 'GET',
      url: `${parsed.pathname}${parsed.search}`,
      headers: { accept: options?.accept ?? DEFAULT_ACCEPT },
    });
    const contentType = response.headers['content-type'];
    return {
      url,
      status: response.statusCode,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      body: new Uint8Array(response.rawPayload),
    };
  };
};
