/**
 * The checks of an OB 2.0 Assertion once its input has been read: find the authoritative
 * assertion (hosted: what the issuer serves at its id; signed: the JWS payload), load its
 * BadgeClass and issuer Profile, then run every check on them.
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import { checkAssertionJws } from './check-assertion-jws.js';
import { checkHostedOrigin } from './check-hosted-origin.js';
import {
  checkOb2JsonLd,
  checkOb2Schema,
  nodeOf,
  type EvaluatedObject,
} from './check-ob2-documents.js';
import { checkOb2Context } from './check-ob2-context.js';
import { checkOb2Recipient } from './check-ob2-recipient.js';
import { checkOb2Revocation } from './check-ob2-revocation.js';
import { checkOb2Validity } from './check-ob2-validity.js';
import { compactOb2Node } from './compact-ob2-node.js';
import { fetchHostedPayload } from './fetch-hosted-payload.js';
import { finishOb2Report } from './finish-ob2-report.js';
import { loadBadgeGraph } from './load-badge-graph.js';
import type { LoadLinkedNode } from './load-linked-node.js';
import type { Ob2InputFormat } from './read-ob2-input.js';
import { upgradeLegacyBadgeObject } from './upgrade-legacy-badge-object.js';
import type {
  Ob2SourceVersion,
  Ob2VerificationReport,
  VerifyOb2Options,
} from './verify-ob2-options.js';

type Json = Record<string, unknown>;

export interface EvaluateOb2AssertionInput {
  /** The assertion as handed in (after upgrade and compaction). */
  readonly top: EvaluatedObject;
  readonly parse: VerificationCheck;
  /** The compact JWS it came in, if any. */
  readonly jws: string | undefined;
  /** The URL it was fetched from, if the verifier was handed a URL. */
  readonly fetchedFrom: string | undefined;
  readonly format: Ob2InputFormat;
  readonly sourceVersion: Ob2SourceVersion;
  readonly options: VerifyOb2Options;
  readonly load: LoadLinkedNode;
}

type Authoritative =
  | { readonly ok: true; readonly assertion: EvaluatedObject; readonly proof?: VerificationCheck }
  | { readonly ok: false; readonly checks: VerificationCheck[]; readonly reason: string };

const isHosted = (node: Json): boolean => {
  const verification = node.verification;
  const type =
    typeof verification === 'object' && verification !== null
      ? (verification as Json).type
      : undefined;
  return type === 'hosted' || type === 'HostedBadge';
};

/** Hosted: what the issuer serves at the assertion's id replaces what the verifier was handed. */
const fetchAuthoritative = async (input: EvaluateOb2AssertionInput): Promise<Authoritative> => {
  const node = nodeOf(input.top);
  const id = node.id;
  if (typeof id !== 'string' || !/^https?:\/\//i.test(id)) {
    const proof = makeCheck('proof', 'failed', 'ERR_OB2_HOSTED_NOT_HTTP', { id: String(id) });
    return { ok: false, checks: [proof], reason: 'the assertion is not hosted at its id' };
  }
  const ok = makeCheck('proof', 'passed', 'OB2_HOSTED_OK', { url: id });
  if (input.fetchedFrom === id) return { ok: true, assertion: input.top, proof: ok };
  const { fetchDocument, maxInputBytes } = input.options;
  const hosted = await fetchHostedPayload(fetchDocument, id, maxInputBytes);
  if (!hosted.ok) {
    const status = hosted.gone
      ? [makeCheck('status', 'failed', 'STATUS_REVOKED', {}, { source: id })]
      : [];
    return {
      ok: false,
      checks: [hosted.proof, ...status],
      reason: 'the assertion could not be retrieved from its id',
    };
  }
  if (hosted.payload.kind !== 'json') {
    const proof = makeCheck('proof', 'failed', 'ERR_OB2_HOSTED_MALFORMED', {
      url: id,
      reason: `a ${hosted.payload.kind === 'jws' ? 'JWS' : 'URL'}, not assertion JSON`,
    });
    return { ok: false, checks: [proof], reason: 'the issuer serves no assertion at its id' };
  }
  const upgraded = upgradeLegacyBadgeObject(hosted.payload.json, {
    url: id,
    expected: 'Assertion',
  });
  const served: EvaluatedObject = {
    name: 'assertion',
    raw: upgraded.node,
    compacted: await compactOb2Node(upgraded.node),
    expected: 'Assertion',
  };
  const servedId = nodeOf(served).id;
  if (servedId !== id) {
    const proof = makeCheck('proof', 'failed', 'ERR_OB2_HOSTED_ID_MISMATCH', {
      url: id,
      id: String(servedId),
    });
    return { ok: false, checks: [proof], reason: 'the issuer serves another assertion at its id' };
  }
  return { ok: true, assertion: served, proof: ok };
};

const withDetails = (
  check: VerificationCheck,
  details: Record<string, unknown>,
): VerificationCheck => ({
  ...check,
  details: { ...check.details, ...details },
});

export const evaluateOb2Assertion = async (
  input: EvaluateOb2AssertionInput,
): Promise<Ob2VerificationReport> => {
  const { parse, jws, format, options, load } = input;
  const hosted = isHosted(nodeOf(input.top));
  const parts = { format, signed: !hosted, sourceVersion: input.sourceVersion };
  const early = (checks: VerificationCheck[], reason: string) =>
    finishOb2Report(
      [
        parse,
        checkOb2Context(input.top.raw),
        checkOb2JsonLd([input.top]),
        checkOb2Schema([input.top]),
        ...checks,
      ],
      { ...parts, credential: nodeOf(input.top) },
      reason,
    );
  let authoritative: Authoritative;
  if (hosted) authoritative = await fetchAuthoritative(input);
  else if (jws === undefined) {
    const proof = makeCheck('proof', 'failed', 'ERR_OB2_SIGNED_NOT_JWS');
    authoritative = { ok: false, checks: [proof], reason: 'the signature could not be checked' };
  } else authoritative = { ok: true, assertion: input.top };
  if (!authoritative.ok) return early(authoritative.checks, authoritative.reason);

  const assertion = { ...authoritative.assertion, expected: 'Assertion' as const };
  const node = nodeOf(assertion);
  const graph = await loadBadgeGraph(node.badge, load);
  const objects = [assertion, graph.badgeClass, graph.issuer].filter(
    (object): object is EvaluatedObject => object !== undefined,
  );
  const issuerNode = graph.issuer === undefined ? undefined : nodeOf(graph.issuer);
  let proof = authoritative.proof;
  let issuer: VerificationCheck;
  if (graph.failure !== undefined) {
    issuer = graph.failure;
    proof ??= makeCheck('proof', 'skipped', 'PROOF_NOT_CHECKED', {
      reason: 'the issuer Profile could not be loaded',
    });
  } else if (issuerNode === undefined) {
    issuer = makeCheck('issuer', 'failed', 'ERR_ISSUER_MISSING');
    proof ??= makeCheck('proof', 'skipped', 'PROOF_NOT_CHECKED', { reason: 'no issuer' });
  } else if (hosted) {
    issuer = checkHostedOrigin(String(node.id), issuerNode);
  } else {
    const signed = await checkAssertionJws(jws ?? '', node, issuerNode, load);
    proof = signed.proof;
    issuer = signed.issuer;
  }
  if (graph.redirected.length > 0) issuer = withDetails(issuer, { redirected: graph.redirected });
  const status =
    graph.failure === undefined
      ? await checkOb2Revocation(node, issuerNode, hosted, load)
      : makeCheck('status', 'skipped', 'OB2_NOT_CHECKED', {
          reason: 'the issuer Profile could not be loaded',
        });
  const checks = [
    parse,
    checkOb2Context(assertion.raw),
    checkOb2JsonLd(objects),
    checkOb2Schema(objects),
    ...(proof === undefined ? [] : [proof]),
    issuer,
    checkOb2Validity(node, options.now),
    status,
    checkOb2Recipient(node, options.recipient),
  ];
  return finishOb2Report(checks, {
    ...parts,
    credential: node,
    badgeClass: graph.badgeClass === undefined ? undefined : nodeOf(graph.badgeClass),
    issuerProfile: issuerNode,
  });
};
