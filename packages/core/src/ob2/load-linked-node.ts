/**
 * Loads the badge objects an assertion links to (BadgeClass, issuer Profile, CryptographicKey,
 * RevocationList) through the caller's `FetchDocument`, once per URL and verification. A
 * document must answer 2xx with a JSON object; OB 1.x objects are upgraded, then compacted
 * into the OB 2.0 context. A document whose HTTP(S) `id` names another host than the one it was
 * fetched from is refused: it cannot speak for that id. (Another path on the same host is
 * accepted and noted, like the reference validator's redirection warning; a non-HTTP id such as
 * `urn:uuid:` is accepted, and the origin policy then says it cannot be enforced.)
 */
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../verify/exceeds-json-depth.js';
import type { FetchDocument, FetchedDocument } from '../fetch/fetch-document.js';
import { compactOb2Node, type CompactOb2NodeResult } from './compact-ob2-node.js';
import {
  upgradeLegacyBadgeObject,
  type LegacyBadgeObjectClass,
} from './upgrade-legacy-badge-object.js';
import type { Ob2SourceVersion } from './verify-ob2-options.js';

type Json = Record<string, unknown>;

/** How a linked document is named in messages. */
export type LinkedObjectName =
  'BadgeClass' | 'issuer Profile' | 'CryptographicKey' | 'RevocationList';

const EXPECTED_CLASS: Readonly<Record<LinkedObjectName, LegacyBadgeObjectClass | undefined>> = {
  BadgeClass: 'BadgeClass',
  'issuer Profile': 'Profile',
  CryptographicKey: undefined,
  RevocationList: undefined,
};

export type LinkedNode =
  | {
      readonly ok: true;
      readonly url: string;
      /** As received (upgraded when OB 1.x). */
      readonly raw: Json;
      readonly compacted: CompactOb2NodeResult;
      readonly version: Ob2SourceVersion;
      readonly changes: readonly string[];
      /** Set when the document declares an id other than the URL it was fetched from. */
      readonly declaredId?: string;
    }
  | {
      readonly ok: false;
      readonly kind: 'unreachable';
      readonly url: string;
      readonly reason: string;
    }
  | { readonly ok: false; readonly kind: 'http'; readonly url: string; readonly status: number }
  | {
      readonly ok: false;
      readonly kind: 'malformed';
      readonly url: string;
      readonly reason: string;
    }
  | { readonly ok: false; readonly kind: 'id-host'; readonly url: string; readonly id: string };

export type FetchOutcome =
  | { readonly ok: true; readonly document: FetchedDocument }
  | { readonly ok: false; readonly reason: string };

/** Fetches, turning a rejection (network, timeout, refused address) into a reason. */
export const fetchOutcome = async (
  fetchDocument: FetchDocument,
  url: string,
): Promise<FetchOutcome> => {
  try {
    return { ok: true, document: await fetchDocument(url) };
  } catch (error) {
    const details = (error as { details?: { reason?: unknown } }).details;
    const reason =
      typeof details?.reason === 'string'
        ? details.reason
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, reason };
  }
};

/** Parses a body as a JSON object, or says why it is not one. */
export const parseJsonObject = (body: Uint8Array): { json: Json } | { reason: string } => {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: 'not a JSON object' };
  }
  if (exceedsJsonDepth(value)) return { reason: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  return { json: value as Json };
};

const hostOf = (iri: string): string | undefined => {
  if (!/^https?:\/\//i.test(iri)) return undefined;
  try {
    return new URL(iri).host;
  } catch {
    return undefined;
  }
};

const load = async (
  fetchDocument: FetchDocument,
  url: string,
  name: LinkedObjectName,
): Promise<LinkedNode> => {
  const fetched = await fetchOutcome(fetchDocument, url);
  if (!fetched.ok) return { ok: false, kind: 'unreachable', url, reason: fetched.reason };
  const { status, body } = fetched.document;
  if (status < 200 || status > 299) return { ok: false, kind: 'http', url, status };
  const parsed = parseJsonObject(body);
  if ('reason' in parsed) return { ok: false, kind: 'malformed', url, reason: parsed.reason };
  const { node, version, changes } = upgradeLegacyBadgeObject(parsed.json, {
    url,
    expected: EXPECTED_CLASS[name],
  });
  const compacted = await compactOb2Node(node);
  const id = compacted.ok ? compacted.node.id : node.id;
  if (typeof id !== 'string' || id === url) {
    return { ok: true, url, raw: node, compacted, version, changes };
  }
  const declaredHost = hostOf(id);
  if (declaredHost !== undefined && declaredHost !== hostOf(url)) {
    return { ok: false, kind: 'id-host', url, id };
  }
  return { ok: true, url, raw: node, compacted, version, changes, declaredId: id };
};

export type LoadLinkedNode = (url: string, name: LinkedObjectName) => Promise<LinkedNode>;

/** A loader that fetches each URL at most once (one per verification: no cache across calls). */
export const createLinkedNodeLoader = (fetchDocument: FetchDocument): LoadLinkedNode => {
  const seen = new Map<string, Promise<LinkedNode>>();
  return (url, name) => {
    let pending = seen.get(url);
    if (pending === undefined) {
      pending = load(fetchDocument, url, name);
      seen.set(url, pending);
    }
    return pending;
  };
};
