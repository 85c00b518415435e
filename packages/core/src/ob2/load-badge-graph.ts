/**
 * Follows an assertion's `badge` to its BadgeClass and the BadgeClass's `issuer` to its Profile,
 * fetching the ones given as IRIs. An embedded BadgeClass is taken as it is (the issuer's
 * signature or hosting vouches for it). An embedded issuer Profile with an HTTP(S) id is not:
 * its keys and verification policy decide who the issuer is, so whoever wrote the assertion
 * must not supply them. It is fetched from its id, and the embedded copy is ignored.
 */
import type { VerificationCheck } from '../verify/verification-report.js';
import {
  embeddedObject,
  linkedFailureCheck,
  nodeOf,
  type EvaluatedObject,
} from './check-ob2-documents.js';
import type { LinkedObjectName, LoadLinkedNode } from './load-linked-node.js';
import type { Ob2ModelName } from './ob2-models.js';

type Json = Record<string, unknown>;

export interface BadgeGraph {
  readonly badgeClass?: EvaluatedObject;
  readonly issuer?: EvaluatedObject;
  /** The `issuer` check outcome when a linked document could not be loaded. */
  readonly failure?: VerificationCheck;
  /** Linked documents whose declared id differs from the URL they came from (same host). */
  readonly redirected: readonly { readonly url: string; readonly id: string }[];
}

export interface FollowedLink {
  readonly object?: EvaluatedObject;
  readonly failure?: VerificationCheck;
  readonly redirect?: { readonly url: string; readonly id: string };
}

const follow = async (
  reference: unknown,
  name: LinkedObjectName,
  expected: Ob2ModelName,
  load: LoadLinkedNode,
): Promise<FollowedLink> => {
  let url = reference;
  if (typeof reference === 'object' && reference !== null && !Array.isArray(reference)) {
    const id = (reference as Json).id;
    const fromId = name === 'issuer Profile' && typeof id === 'string' && /^https?:\/\//i.test(id);
    if (!fromId) return { object: embeddedObject(name, reference as Json, expected) };
    url = id;
  }
  if (typeof url !== 'string') return {};
  const linked = await load(url, name);
  if (!linked.ok) return { failure: linkedFailureCheck(name, linked) };
  return {
    object: { name, raw: linked.raw, compacted: linked.compacted, expected },
    ...(linked.declaredId === undefined
      ? {}
      : { redirect: { url: linked.url, id: linked.declaredId } }),
  };
};

/** Loads the issuer Profile of a BadgeClass node. */
export const loadIssuerOf = async (badgeClass: Json, load: LoadLinkedNode): Promise<FollowedLink> =>
  follow(badgeClass.issuer, 'issuer Profile', 'Profile', load);

/** Loads the BadgeClass an assertion's `badge` names, and its issuer Profile. */
export const loadBadgeGraph = async (badge: unknown, load: LoadLinkedNode): Promise<BadgeGraph> => {
  const redirected: { url: string; id: string }[] = [];
  const badgeClass = await follow(badge, 'BadgeClass', 'BadgeClass', load);
  if (badgeClass.redirect !== undefined) redirected.push(badgeClass.redirect);
  if (badgeClass.object === undefined) {
    return {
      ...(badgeClass.failure === undefined ? {} : { failure: badgeClass.failure }),
      redirected,
    };
  }
  const issuer = await loadIssuerOf(nodeOf(badgeClass.object), load);
  if (issuer.redirect !== undefined) redirected.push(issuer.redirect);
  return {
    badgeClass: badgeClass.object,
    ...(issuer.object === undefined ? {} : { issuer: issuer.object }),
    ...(issuer.failure === undefined ? {} : { failure: issuer.failure }),
    redirected,
  };
};
