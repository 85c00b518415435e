/**
 * Dereferencing a verification method URL (a proof's `verificationMethod`, a JWT `kid`) to its
 * public key and controller: did:key offline, did:web and HTTPS through an injected fetcher.
 * Network failures (`ERR_FETCH_FAILED`) stay separate from bad keys and bad identifiers (P18).
 */
import type { KeyObject } from 'node:crypto';
import { AkashiError, isAkashiError } from '../errors/akashi-error.js';
import { readDidKey } from './did-key.js';
import { didWebToUrl } from './did-web.js';
import { decodeMultikey } from './multikey.js';
import {
  findVerificationMethod,
  isJsonObject,
  listsAssertionMethod,
  readVerificationMethodKey,
  type JsonObject,
} from './read-verification-method.js';

/** Fetches and parses a JSON document; throws (ideally `ERR_FETCH_FAILED`) when it cannot. */
export type FetchJson = (url: string) => Promise<unknown>;

export interface ResolvedVerificationMethod {
  /** The verification method id (absolute). */
  readonly id: string;
  /** The `controller` the verification method names. Compare it with `issuer.id` (P13). */
  readonly controller: string;
  /** The verification method type as found (`Multikey`, `JsonWebKey`, …). */
  readonly type: string;
  readonly publicKey: KeyObject;
  /** The controllers whose documents list this method under `assertionMethod`. */
  readonly assertionMethodOf: readonly string[];
  /**
   * The key written in the URL fragment itself when it is a valid Multikey
   * (`…#z6Mk…`). The 1EdTech validator uses it without fetching; trusting it is the caller's
   * decision. It is not checked against `publicKey`.
   */
  readonly fragmentMultikey?: KeyObject;
}

export interface CreateVerificationMethodResolverOptions {
  /** Fetches DID documents and key documents; without it only did:key resolves. */
  readonly fetchJson?: FetchJson;
  /** How long a resolution and a fetched document stay cached; 0 disables caching. */
  readonly ttlMs?: number;
  /** The clock, in milliseconds (injected in tests). */
  readonly now?: () => number;
  /** Most cached entries kept per cache; the oldest is dropped first. */
  readonly maxEntries?: number;
  /** Also dereference `http:` key URLs (local test servers). Off by default. */
  readonly allowHttp?: boolean;
}

export interface VerificationMethodResolver {
  readonly resolve: (url: string) => Promise<ResolvedVerificationMethod>;
  readonly clear: () => void;
}

export const DEFAULT_RESOLVER_TTL_MS = 5 * 60_000;
const DEFAULT_MAX_ENTRIES = 1000;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const DID = /^did:([a-z0-9]+):[^#]+$/;

type Resolution = Omit<ResolvedVerificationMethod, 'fragmentMultikey'>;

/** The key written as a Multikey in a URL fragment (`…#z6Mk…`), or `undefined`. */
export const readFragmentMultikey = (url: string): KeyObject | undefined => {
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? '' : url.slice(hash + 1);
  if (!fragment.startsWith('z')) return undefined;
  try {
    return decodeMultikey(fragment);
  } catch {
    return undefined;
  }
};

interface PromiseCache<V> {
  get: (key: string, load: () => Promise<V>) => Promise<V>;
  clear: () => void;
}

/** Caches promises (so concurrent callers share one fetch); a rejected load is not kept. */
const createPromiseCache = <V>(
  ttlMs: number,
  maxEntries: number,
  now: () => number,
): PromiseCache<V> => {
  const entries = new Map<string, { expiresAt: number; value: Promise<V> }>();
  return {
    get: (key, load) => {
      const time = now();
      const hit = entries.get(key);
      if (hit !== undefined && hit.expiresAt > time) return hit.value;
      entries.delete(key);
      const value = load();
      if (ttlMs <= 0) return value;
      const entry = { expiresAt: time + ttlMs, value };
      entries.set(key, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    clear: () => {
      entries.clear();
    },
  };
};

const unsupported = (url: string, en: string, ja: string): AkashiError =>
  new AkashiError(
    'ERR_DID_UNSUPPORTED',
    {
      en: `Cannot resolve the verification method ${url}: ${en}.`,
      ja: `検証方法 ${url} を解決できません: ${ja}。`,
    },
    { details: { verificationMethod: url } },
  );

const invalid = (
  code: 'ERR_DID_INVALID' | 'ERR_KEY_INVALID' | 'ERR_KEY_NOT_FOUND',
  url: string,
  en: string,
  ja: string,
): AkashiError =>
  new AkashiError(
    code,
    { en: `Verification method ${url}: ${en}.`, ja: `検証方法 ${url}: ${ja}。` },
    { details: { verificationMethod: url } },
  );

/** Reads a verification method out of a DID or controller document whose id is `baseId`. */
const readFromControllerDocument = (
  document: JsonObject,
  baseId: string,
  methodId: string | undefined,
  trustedAsController: boolean,
): Resolution => {
  const { id, method } = findVerificationMethod(document, baseId, methodId);
  const { type, publicKey } = readVerificationMethodKey(method, id);
  const controller = typeof method.controller === 'string' ? method.controller : baseId;
  const asserted = trustedAsController && listsAssertionMethod(document, baseId, id);
  return { id, controller, type, publicKey, assertionMethodOf: asserted ? [baseId] : [] };
};

/**
 * Creates a resolver whose `resolve(url)` caches resolutions and fetched documents for `ttlMs`
 * (default five minutes). Failures are not cached.
 */
export const createVerificationMethodResolver = (
  options: CreateVerificationMethodResolverOptions = {},
): VerificationMethodResolver => {
  const { fetchJson, allowHttp = false } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_RESOLVER_TTL_MS;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const resolutions = createPromiseCache<ResolvedVerificationMethod>(ttlMs, maxEntries, now);
  const documents = createPromiseCache<unknown>(ttlMs, maxEntries, now);

  const fetchDocument = (documentUrl: string): Promise<unknown> => {
    if (fetchJson === undefined) {
      return Promise.reject(
        new AkashiError(
          'ERR_FETCH_FAILED',
          {
            en: `Cannot fetch ${documentUrl}: no fetcher is configured (only did:key resolves offline).`,
            ja: `${documentUrl} を取得できません。取得処理が設定されていません（オフラインで解決できるのは did:key だけです）。`,
          },
          { details: { url: documentUrl } },
        ),
      );
    }
    return documents.get(documentUrl, async () => {
      try {
        return await fetchJson(documentUrl);
      } catch (cause) {
        if (isAkashiError(cause)) throw cause;
        throw new AkashiError(
          'ERR_FETCH_FAILED',
          {
            en: `Fetching ${documentUrl} failed: ${cause instanceof Error ? cause.message : String(cause)}.`,
            ja: `${documentUrl} の取得に失敗しました。`,
          },
          { details: { url: documentUrl }, cause },
        );
      }
    });
  };

  const resolveDidUrl = async (
    url: string,
    did: string,
    fragment: string | undefined,
  ): Promise<Resolution> => {
    const method = DID.exec(did)?.[1];
    if (method === undefined) {
      throw invalid(
        'ERR_DID_INVALID',
        url,
        'it is not a well-formed DID URL',
        '正しい DID URL ではありません',
      );
    }
    if (method === 'key') {
      const { multikey, publicKey } = readDidKey(did);
      const id = `${did}#${multikey}`;
      if (fragment !== undefined && fragment !== multikey) {
        throw invalid(
          'ERR_KEY_NOT_FOUND',
          url,
          `a did:key has only the method #${multikey}`,
          `did:key の検証方法は #${multikey} だけです`,
        );
      }
      return { id, controller: did, type: 'Multikey', publicKey, assertionMethodOf: [did] };
    }
    if (method === 'web') {
      const document = await fetchDocument(didWebToUrl(did));
      if (!isJsonObject(document) || document.id !== did) {
        throw invalid(
          'ERR_DID_INVALID',
          url,
          `the DID document is not a document whose id is ${did}`,
          `DID 文書が id ${did} の文書ではありません`,
        );
      }
      return readFromControllerDocument(
        document,
        did,
        fragment === undefined ? undefined : url,
        true,
      );
    }
    throw unsupported(
      url,
      `the DID method "${method}" is not supported (did:key and did:web are)`,
      `DID メソッド "${method}" には対応していません（対応は did:key と did:web）`,
    );
  };

  /** The controllers among `controller` that list `methodId` under assertionMethod. */
  const readAssertingControllers = async (
    controller: string,
    methodId: string,
    keyDocument: JsonObject,
    keyDocumentUrl: string,
  ): Promise<string[]> => {
    let document: unknown;
    try {
      if (controller === keyDocumentUrl) document = keyDocument;
      else if (controller.startsWith('did:web:'))
        document = await fetchDocument(didWebToUrl(controller));
      else if (
        /^https:\/\/[^#]+$/.test(controller) ||
        (allowHttp && /^http:\/\/[^#]+$/.test(controller))
      ) {
        document = await fetchDocument(controller);
      } else return [];
    } catch (cause) {
      // A network failure must be reported as one; a bad controller simply does not assert.
      if (isAkashiError(cause) && cause.code === 'ERR_FETCH_FAILED') throw cause;
      return [];
    }
    const asserts =
      isJsonObject(document) &&
      (document.id === undefined || document.id === controller) &&
      listsAssertionMethod(document, controller, methodId);
    return asserts ? [controller] : [];
  };

  const resolveHttpUrl = async (url: string, documentUrl: string): Promise<Resolution> => {
    if (!URL.canParse(documentUrl) || new URL(documentUrl).hostname === '') {
      throw invalid('ERR_DID_INVALID', url, 'it is not a valid URL', '正しい URL ではありません');
    }
    const document = await fetchDocument(documentUrl);
    if (!isJsonObject(document)) {
      throw invalid(
        'ERR_KEY_INVALID',
        url,
        `${documentUrl} is not a JSON object`,
        `${documentUrl} が JSON オブジェクトではありません`,
      );
    }
    const isKeyDocument =
      document.publicKeyMultibase !== undefined ||
      document.publicKeyJwk !== undefined ||
      document.publicKeyBase58 !== undefined;
    if (!isKeyDocument) {
      const trusted = document.id === undefined || document.id === documentUrl;
      return readFromControllerDocument(
        document,
        documentUrl,
        url === documentUrl ? undefined : url,
        trusted,
      );
    }
    if (typeof document.id === 'string' && document.id !== url && document.id !== documentUrl) {
      throw invalid(
        'ERR_KEY_INVALID',
        url,
        `the key document says its id is ${document.id}`,
        `鍵文書の id が ${document.id} になっています`,
      );
    }
    if (typeof document.controller !== 'string') {
      throw invalid(
        'ERR_KEY_INVALID',
        url,
        'the key document names no controller',
        '鍵文書に controller がありません',
      );
    }
    const { type, publicKey } = readVerificationMethodKey(document, url);
    const { controller } = document;
    const assertionMethodOf = await readAssertingControllers(
      controller,
      url,
      document,
      documentUrl,
    );
    return { id: url, controller, type, publicKey, assertionMethodOf };
  };

  const dereference = async (url: string): Promise<ResolvedVerificationMethod> => {
    const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
    if (scheme === undefined)
      throw unsupported(url, 'it has no URI scheme', 'URI スキームがありません');
    const hash = url.indexOf('#');
    const base = hash < 0 ? url : url.slice(0, hash);
    const fragment = hash < 0 ? undefined : url.slice(hash + 1);
    if (fragment === '')
      throw invalid('ERR_DID_INVALID', url, 'its fragment is empty', 'フラグメントが空です');
    let resolution: Resolution;
    if (scheme === 'did') resolution = await resolveDidUrl(url, base, fragment);
    else if (scheme === 'https' || (scheme === 'http' && allowHttp)) {
      resolution = await resolveHttpUrl(url, base);
    } else {
      throw unsupported(
        url,
        `the URI scheme "${scheme}:" is not supported (did:key, did:web and https are)`,
        `URI スキーム "${scheme}:" には対応していません（対応は did:key、did:web、https）`,
      );
    }
    const fragmentMultikey = readFragmentMultikey(url);
    return fragmentMultikey === undefined ? resolution : { ...resolution, fragmentMultikey };
  };

  return {
    resolve: (url) => {
      if (typeof url !== 'string') throw new TypeError('resolve: url must be a string');
      return resolutions.get(url, () => dereference(url));
    },
    clear: () => {
      resolutions.clear();
      documents.clear();
    },
  };
};

export interface ResolveVerificationMethodOptions {
  /** Fetches DID and key documents. Without it only did:key resolves (from a shared cache). */
  readonly fetchJson?: FetchJson;
}

const offlineResolver = createVerificationMethodResolver();

/**
 * Resolves one verification method URL. Without `fetchJson` a shared offline resolver (did:key
 * only) is used; with it, nothing is cached: use `createVerificationMethodResolver` to cache.
 */
export const resolveVerificationMethod = (
  url: string,
  options: ResolveVerificationMethodOptions = {},
): Promise<ResolvedVerificationMethod> =>
  options.fetchJson === undefined
    ? offlineResolver.resolve(url)
    : createVerificationMethodResolver({ fetchJson: options.fetchJson, ttlMs: 0 }).resolve(url);
