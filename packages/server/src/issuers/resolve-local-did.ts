/**
 * Lets the platform's own verifier (badge pages, the VC-API) check what the platform signed
 * without going out to the network: our issuers' DID documents, profiles, JWKS and key documents
 * are answered from the database, exactly as the public routes serve them.
 *
 *   const local = createLocalMethodResolver(context, { fallback: guarded.fetchDocument });
 *   const verifier = createBadgeVerifier({ fetchDocument: local.fetchDocument, cacheTtlMs: 5_000 });
 *   await local.resolve('did:web:badges.example.ac.jp:issuers:…#z6Mk…'); // a core ResolvedMethod
 *
 * URLs outside `${PUBLIC_URL}/issuers/…` go to `fallback` (the guarded fetcher); without one they
 * fail as unreachable (`ERR_FETCH_FAILED`). did:key needs no document at all.
 */
import {
  AkashiError,
  createVerificationMethodResolver,
  type FetchDocument,
  type FetchedDocument,
  type ResolveMethod,
} from '@akashi/core';
import type { AppContext } from '../http/app-context.js';
import { isServerError } from '../http/server-error.js';
import {
  buildIssuerDidDocument,
  buildIssuerJwks,
  buildIssuerKeyDocument,
  buildOb2IssuerDocument,
  loadIssuerWithKeys,
} from './issuer-documents.js';

export interface LocalMethodResolver {
  /** A core `ResolveMethod`: a verification method URL → its key, controller and asserters. */
  readonly resolve: ResolveMethod;
  /** A core `FetchDocument` answering our issuer documents locally (for `createVerifier`). */
  readonly fetchDocument: FetchDocument;
  /** Whether `url` is one of our issuer documents (answered without HTTP). */
  readonly isLocal: (url: string) => boolean;
}

export interface CreateLocalMethodResolverOptions {
  /** Fetches every other URL (use `createGuardedFetcher().fetchDocument`). */
  readonly fallback?: FetchDocument;
}

type LocalTarget =
  | { readonly kind: 'profile' | 'did' | 'jwks'; readonly id: string }
  | { readonly kind: 'key'; readonly id: string; readonly kid: string };

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** Which of our documents `url` names, if any. */
const matchLocal = (publicUrl: string, url: string): LocalTarget | undefined => {
  if (!URL.canParse(url)) return undefined;
  const base = new URL(publicUrl);
  const target = new URL(url);
  if (target.origin !== base.origin || target.search !== '') return undefined;
  const prefix = `${base.pathname.replace(/\/$/, '')}/issuers/`;
  if (!target.pathname.startsWith(prefix)) return undefined;
  const parts = target.pathname.slice(prefix.length).split('/').map(decode);
  if (parts.some((part) => part === undefined || part === '')) return undefined;
  const [id, second, third, ...rest] = parts as string[];
  if (id === undefined || rest.length > 0) return undefined;
  if (second === undefined) return { kind: 'profile', id };
  if (third === undefined && second === 'did.json') return { kind: 'did', id };
  if (third === undefined && second === 'jwks.json') return { kind: 'jwks', id };
  if (third !== undefined && second === 'keys') return { kind: 'key', id, kid: third };
  return undefined;
};

const answer = (url: string, status: number, document: unknown): FetchedDocument => ({
  url,
  status,
  contentType: 'application/ld+json',
  body: new TextEncoder().encode(JSON.stringify(document)),
});

const unreachable = (url: string): AkashiError =>
  new AkashiError(
    'ERR_FETCH_FAILED',
    {
      en: `Fetching ${url} failed: only this platform's issuer documents are available here.`,
      ja: `${url} の取得に失敗しました。ここで取得できるのはこのプラットフォームの発行者文書だけです。`,
    },
    { details: { url, reason: 'refused-address' } },
  );

export const createLocalMethodResolver = (
  context: AppContext,
  options: CreateLocalMethodResolverOptions = {},
): LocalMethodResolver => {
  const { publicUrl } = context.config;

  const buildLocal = async (target: LocalTarget): Promise<unknown> => {
    const issuer = await loadIssuerWithKeys(context, target.id);
    switch (target.kind) {
      case 'profile':
        return buildOb2IssuerDocument(issuer, publicUrl);
      case 'did':
        return buildIssuerDidDocument(issuer, publicUrl);
      case 'jwks':
        return buildIssuerJwks(issuer);
      case 'key':
        return buildIssuerKeyDocument(issuer, target.kid, publicUrl);
    }
  };

  const fetchDocument: FetchDocument = async (url, fetchOptions) => {
    const target = matchLocal(publicUrl, url);
    if (target === undefined) {
      if (options.fallback === undefined) throw unreachable(url);
      return options.fallback(url, fetchOptions);
    }
    try {
      return answer(url, 200, await buildLocal(target));
    } catch (error) {
      if (isServerError(error) && error.status === 404) return answer(url, 404, {});
      throw error;
    }
  };

  const resolver = createVerificationMethodResolver({
    ttlMs: 0,
    fetchJson: async (url) => {
      const document = await fetchDocument(url);
      if (document.status < 200 || document.status > 299) {
        throw new AkashiError(
          'ERR_FETCH_FAILED',
          {
            en: `Fetching ${url} failed: HTTP ${String(document.status)}.`,
            ja: `${url} の取得に失敗しました: HTTP ${String(document.status)}。`,
          },
          { details: { url, reason: 'http-status', status: document.status } },
        );
      }
      return JSON.parse(new TextDecoder().decode(document.body)) as unknown;
    },
  });

  return {
    resolve: (url) => resolver.resolve(url),
    fetchDocument,
    isLocal: (url) => matchLocal(publicUrl, url) !== undefined,
  };
};
