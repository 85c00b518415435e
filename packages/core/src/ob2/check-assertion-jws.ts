/**
 * The `proof` and `issuer` checks of a signed OB 2.0 assertion. Candidate keys come only from
 * the issuer Profile's `publicKey` (an IRI, an embedded CryptographicKey, or a list); a
 * `verification.creator` must be one of them and is then the only candidate. Each key is a
 * CryptographicKey (`publicKeyPem`) whose `owner` must be the issuer. The JWS must be RS256.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import type { LoadLinkedNode } from './load-linked-node.js';

type Json = Record<string, unknown>;

/** Without a `creator`, at most this many of the issuer's keys are fetched and tried. */
export const MAX_CANDIDATE_KEYS = 10;

export interface AssertionJwsChecks {
  readonly proof: VerificationCheck;
  readonly issuer: VerificationCheck;
}

const notChecked = (): VerificationCheck => makeCheck('issuer', 'skipped', 'ISSUER_NOT_CHECKED');

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key references of a Profile: IRIs, or the ids of embedded keys (kept with them). */
const keyReferences = (issuer: Json): { id: string; embedded?: Json }[] =>
  asList(issuer.publicKey).flatMap((entry) => {
    if (typeof entry === 'string') return [{ id: entry }];
    if (isObject(entry) && typeof entry.id === 'string') return [{ id: entry.id, embedded: entry }];
    return [];
  });

type KeyOutcome =
  | { readonly kind: 'key'; readonly id: string; readonly key: KeyObject; readonly owner: unknown }
  | { readonly kind: 'unreachable'; readonly id: string; readonly reason: string }
  | { readonly kind: 'invalid'; readonly id: string; readonly reason: string };

const readKey = async (
  reference: { id: string; embedded?: Json },
  load: LoadLinkedNode,
): Promise<KeyOutcome> => {
  const { id } = reference;
  let document = reference.embedded;
  if (document === undefined || typeof document.publicKeyPem !== 'string') {
    const linked = await load(id, 'CryptographicKey');
    if (!linked.ok) {
      return linked.kind === 'unreachable'
        ? { kind: 'unreachable', id, reason: linked.reason }
        : {
            kind: 'invalid',
            id,
            reason: linked.kind === 'http' ? `HTTP ${linked.status}` : linked.kind,
          };
    }
    document = linked.compacted.ok ? linked.compacted.node : linked.raw;
  }
  const { publicKeyPem, owner } = document;
  if (typeof publicKeyPem !== 'string') return { kind: 'invalid', id, reason: 'no publicKeyPem' };
  try {
    return { kind: 'key', id, key: createPublicKey(publicKeyPem), owner };
  } catch (error) {
    return { kind: 'invalid', id, reason: error instanceof Error ? error.message : String(error) };
  }
};

const verifies = async (jws: string, key: KeyObject): Promise<boolean> => {
  try {
    await compactVerify(jws, key, { algorithms: ['RS256'] });
    return true;
  } catch {
    return false;
  }
};

export const checkAssertionJws = async (
  jws: string,
  assertion: Json,
  issuer: Json,
  load: LoadLinkedNode,
): Promise<AssertionJwsChecks> => {
  const issuerId = typeof issuer.id === 'string' ? issuer.id : '';
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(jws).alg;
  } catch {
    alg = undefined;
  }
  if (alg !== 'RS256') {
    return {
      proof: makeCheck('proof', 'failed', 'ERR_OB2_SIGNED_ALG', { alg: String(alg) }),
      issuer: notChecked(),
    };
  }
  const references = keyReferences(issuer);
  if (references.length === 0) {
    return {
      proof: makeCheck('proof', 'failed', 'ERR_OB2_SIGNED_NO_KEYS', { issuer: issuerId }),
      issuer: notChecked(),
    };
  }
  const verification = isObject(assertion.verification) ? assertion.verification : {};
  const creator = verification.creator;
  const candidates =
    typeof creator === 'string'
      ? references.filter((ref) => ref.id === creator)
      : references.slice(0, MAX_CANDIDATE_KEYS);
  if (candidates.length === 0) {
    return {
      proof: makeCheck('proof', 'failed', 'ERR_OB2_SIGNED_CREATOR', {
        creator: String(creator),
        issuer: issuerId,
      }),
      issuer: notChecked(),
    };
  }
  const problems: Exclude<KeyOutcome, { kind: 'key' }>[] = [];
  for (const reference of candidates) {
    const outcome = await readKey(reference, load);
    if (outcome.kind !== 'key') {
      problems.push(outcome);
      continue;
    }
    if (!(await verifies(jws, outcome.key))) continue;
    const proof = makeCheck('proof', 'passed', 'OB2_SIGNED_OK', { key: outcome.id });
    return {
      proof,
      issuer:
        outcome.owner === issuerId
          ? makeCheck('issuer', 'passed', 'ISSUER_OK', { issuer: issuerId })
          : makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', {
              controller: typeof outcome.owner === 'string' ? outcome.owner : '(no owner)',
              issuer: issuerId,
            }),
    };
  }
  const unreachable = problems.find((problem) => problem.kind === 'unreachable');
  if (unreachable !== undefined) {
    return {
      proof: makeCheck('proof', 'error', 'ERR_PROOF_METHOD_UNREACHABLE', {
        method: unreachable.id,
        reason: unreachable.reason,
      }),
      issuer: notChecked(),
    };
  }
  const [invalid] = problems;
  if (invalid !== undefined && problems.length === candidates.length) {
    return {
      proof: makeCheck('proof', 'failed', 'ERR_PROOF_METHOD_INVALID', {
        method: invalid.id,
        reason: invalid.reason,
      }),
      issuer: notChecked(),
    };
  }
  return { proof: makeCheck('proof', 'failed', 'ERR_PROOF_SIGNATURE'), issuer: notChecked() };
};
