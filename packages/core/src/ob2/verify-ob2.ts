/**
 * `verifyOb2`: verifies an Open Badges 2.0 badge (and OB 1.0 / 1.1 ones, upgraded) and returns
 * the same report of named checks as OB 3.0 verification. It never throws because of the input.
 *
 * - Hosted: the input is untrusted; the assertion is fetched from its `id` and what the issuer
 *   serves is what gets checked (410 Gone: revoked). Its BadgeClass and issuer Profile are
 *   fetched and validated, and the origin policy applies.
 * - Signed: the JWS is verified with a key the issuer Profile lists (`publicKey`), then the
 *   issuer's RevocationList is consulted.
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import {
  checkOb2JsonLd,
  checkOb2Schema,
  nodeOf,
  type EvaluatedObject,
} from './check-ob2-documents.js';
import { checkOb2Context } from './check-ob2-context.js';
import { classifyOb2Node, compactOb2Node } from './compact-ob2-node.js';
import { evaluateOb2Assertion } from './evaluate-ob2-assertion.js';
import { fetchHostedPayload } from './fetch-hosted-payload.js';
import { finishOb2Report } from './finish-ob2-report.js';
import { loadIssuerOf } from './load-badge-graph.js';
import { createLinkedNodeLoader, type LoadLinkedNode } from './load-linked-node.js';
import { decodeJwsPayload, readOb2Input, type Ob2InputFormat } from './read-ob2-input.js';
import { upgradeLegacyBadgeObject } from './upgrade-legacy-badge-object.js';
import type { Ob2Input, Ob2VerificationReport, VerifyOb2Options } from './verify-ob2-options.js';

type Json = Record<string, unknown>;

/** A URL may lead to an image that carries a URL (legacy baking): follow at most this many. */
const MAX_URL_HOPS = 2;

const assertOptions = (options: VerifyOb2Options): void => {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError('options: expected { fetchDocument, now }');
  }
  if (typeof options.fetchDocument !== 'function') {
    throw new TypeError('options.fetchDocument: expected a FetchDocument function');
  }
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new TypeError('options.now: expected a valid Date');
  }
};

const FORMAT_NAMES: Readonly<Record<Ob2InputFormat, string>> = {
  json: 'JSON',
  jws: 'JWS',
  png: 'PNG',
  svg: 'SVG',
};

/** A BadgeClass, Profile or other OB 2.0 object handed in on its own: its data is validated. */
const evaluateBadgeObject = async (
  top: EvaluatedObject,
  checks: VerificationCheck[],
  load: LoadLinkedNode,
  format: Ob2InputFormat,
): Promise<Ob2VerificationReport> => {
  const node = nodeOf(top);
  const cls = classifyOb2Node(node);
  const objects = [top];
  let issuer: VerificationCheck | undefined;
  let issuerProfile: Json | undefined;
  if (cls === 'BadgeClass') {
    const followed = await loadIssuerOf(node, load);
    if (followed.object !== undefined) {
      objects.push(followed.object);
      issuerProfile = nodeOf(followed.object);
    }
    issuer = followed.failure;
  }
  checks.push(checkOb2JsonLd(objects), checkOb2Schema(objects));
  if (issuer !== undefined) checks.push(issuer);
  return finishOb2Report(
    checks,
    {
      format,
      credential: node,
      ...(cls === 'BadgeClass' ? { badgeClass: node, issuerProfile } : {}),
    },
    `the input is a ${cls ?? 'badge object'}, not an assertion`,
  );
};

/**
 * Verifies an OB 2.0 badge: an Assertion (object, JSON text), a compact JWS, an assertion URL,
 * or a baked PNG / SVG. Other OB 2.0 objects (a BadgeClass, an issuer Profile) handed in on
 * their own get their data validated, as the reference validator does.
 *
 * @throws TypeError when `options` lacks `fetchDocument` or a valid `now` (misuse only).
 */
export const verifyOb2 = async (
  input: Ob2Input,
  options: VerifyOb2Options,
): Promise<Ob2VerificationReport> => {
  assertOptions(options);
  const read = readOb2Input(input, options.maxInputBytes);
  if (!read.ok) return finishOb2Report([read.check], {}, 'the input could not be read');
  const load = createLinkedNodeLoader(options.fetchDocument);
  let { payload } = read;
  let format = read.format;
  let fetchedFrom: string | undefined;
  for (let hop = 0; payload.kind === 'url' && hop < MAX_URL_HOPS; hop++) {
    const url = payload.url;
    const hosted = await fetchHostedPayload(options.fetchDocument, url, options.maxInputBytes);
    if (!hosted.ok) {
      const parse = makeCheck('parse', 'passed', 'PARSE_OK', { format: `URL ${url}` });
      const status = hosted.gone
        ? [makeCheck('status', 'failed', 'STATUS_REVOKED', {}, { source: url })]
        : [];
      return finishOb2Report(
        [parse, hosted.proof, ...status],
        { format },
        'the assertion could not be retrieved',
      );
    }
    fetchedFrom = url;
    payload = hosted.payload;
    if (format === 'json') format = hosted.format;
  }
  if (payload.kind === 'url') {
    const parse = makeCheck('parse', 'failed', 'ERR_PARSE_UNKNOWN_FORMAT');
    return finishOb2Report([parse], { format }, 'the input could not be read');
  }
  let json: Json;
  let jws: string | undefined;
  if (payload.kind === 'jws') {
    const decoded = decodeJwsPayload(payload.jws);
    if ('reason' in decoded) {
      const parse = makeCheck('parse', 'failed', 'ERR_OB2_PARSE_JWS', { reason: decoded.reason });
      return finishOb2Report([parse], { format }, 'the input could not be read');
    }
    json = decoded.json;
    jws = payload.jws;
  } else {
    json = payload.json;
  }
  const upgraded = upgradeLegacyBadgeObject(json);
  const formatName = FORMAT_NAMES[format];
  const parse =
    upgraded.version === '2.0'
      ? makeCheck('parse', 'passed', 'PARSE_OK', { format: formatName })
      : makeCheck('parse', 'passed', 'OB2_PARSE_UPGRADED', {
          format: formatName,
          version: upgraded.version,
          changes: upgraded.changes.join('; '),
        });
  const compacted = await compactOb2Node(upgraded.node);
  const cls = classifyOb2Node(compacted.ok ? compacted.node : upgraded.node);
  const top: EvaluatedObject = {
    name: cls === 'Assertion' ? 'assertion' : (cls ?? 'badge object'),
    raw: upgraded.node,
    compacted,
  };
  const context = checkOb2Context(upgraded.node);
  const jsonld = checkOb2JsonLd([top]);
  if (context.outcome !== 'passed' || jsonld.outcome !== 'passed') {
    // Not OB 2.0 JSON-LD: nothing is fetched on its behalf.
    return finishOb2Report(
      [parse, context, jsonld, checkOb2Schema([top])],
      { format, credential: nodeOf(top), sourceVersion: upgraded.version },
      'the input is not Open Badges 2.0 JSON-LD',
    );
  }
  if (cls !== 'Assertion') {
    // A JWS, a baked image or a badge URL stands for an assertion: anything else there is a
    // forgery or a mistake, never a valid badge.
    if (jws !== undefined || fetchedFrom !== undefined || format === 'png' || format === 'svg') {
      const notAssertion = makeCheck('proof', 'failed', 'ERR_OB2_NOT_ASSERTION', {
        type: cls ?? JSON.stringify(upgraded.node.type ?? null),
      });
      return finishOb2Report(
        [parse, context, jsonld, notAssertion],
        { format, credential: nodeOf(top), sourceVersion: upgraded.version },
        'the signed or baked payload is not an assertion',
      );
    }
    return evaluateBadgeObject(top, [parse, context], load, format);
  }
  return evaluateOb2Assertion({
    top,
    parse,
    jws,
    fetchedFrom,
    format,
    sourceVersion: upgraded.version,
    options,
    load,
  });
};
