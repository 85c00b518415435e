/**
 * Loading the lists a credential's status is read from, cached for the verifier's TTL (failures
 * are not kept):
 * - W3C Bitstring Status List credentials: their own proofs are verified and their issuer must
 *   be the credential's;
 * - 1EdTech Revocation Lists (deprecated, still in the wild): plain JSON documents.
 */
import type { Canonizer } from '../canon/index.js';
import { checkDataIntegrity } from './check-data-integrity.js';
import type { LoadedStatusList, LoadRevocationList, LoadStatusList } from './check-status.js';
import { createTtlCache } from './create-ttl-cache.js';
import type { RemoteDocuments, RemoteResult } from './remote-documents.js';
import { issuerIdOf } from './resolve-key.js';
import { makeCheck } from './verification-report.js';
import type { KeyProvenance, ResolveMethod } from './verify-options.js';

type Json = Record<string, unknown>;

export interface StatusListLoaders {
  readonly loadStatusList: LoadStatusList;
  readonly loadRevocationList: LoadRevocationList;
}

export interface CreateStatusListLoadersOptions {
  readonly remote: RemoteDocuments;
  readonly canonizer: Canonizer;
  readonly resolveMethod: ResolveMethod;
  readonly keyProvenance: KeyProvenance;
  readonly ttlMs: number;
  readonly now: () => number;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A fetched list as a JSON object, or the `status` check that says why it cannot be used. */
const readList = (url: string, loaded: RemoteResult<unknown>): LoadedStatusList => {
  if (!loaded.ok) {
    return {
      ok: false,
      check: makeCheck('status', 'error', 'ERR_STATUS_UNREACHABLE', { url, reason: loaded.reason }),
    };
  }
  if (!isObject(loaded.value)) {
    return {
      ok: false,
      check: makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', {
        reason: 'not a JSON object',
      }),
    };
  }
  return { ok: true, credential: loaded.value };
};

export const createStatusListLoaders = (
  options: CreateStatusListLoadersOptions,
): StatusListLoaders => {
  const { remote, canonizer, resolveMethod, keyProvenance } = options;
  const keep = (loaded: LoadedStatusList) => loaded.ok;
  const statusLists = createTtlCache(options.ttlMs, options.now, keep);
  const revocationLists = createTtlCache(options.ttlMs, options.now, keep);

  const fetchStatusList = async (
    url: string,
    credentialIssuer: string | undefined,
  ): Promise<LoadedStatusList> => {
    const list = readList(url, await remote.loadJson(url));
    if (!list.ok) return list;
    const { credential } = list;
    const { jsonld, proof, issuer } = await checkDataIntegrity(
      credential,
      canonizer,
      resolveMethod,
      keyProvenance,
    );
    const failed = [jsonld, proof, issuer].find((check) => check.outcome !== 'passed');
    if (failed !== undefined) {
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', {
          reason: failed.message.en,
        }),
      };
    }
    if (credentialIssuer !== undefined && issuerIdOf(credential) !== credentialIssuer) {
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', {
          reason: 'the list has another issuer',
        }),
      };
    }
    return list;
  };

  return {
    loadStatusList: (url, credentialIssuer) =>
      statusLists.get(`${credentialIssuer ?? ''} ${url}`, () =>
        fetchStatusList(url, credentialIssuer),
      ),
    loadRevocationList: (url) =>
      revocationLists.get(url, async () => readList(url, await remote.loadJson(url))),
  };
};
