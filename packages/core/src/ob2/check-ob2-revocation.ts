/**
 * The `status` check of an OB 2.0 assertion: `revoked: true` in the assertion itself (hosted),
 * then the issuer's RevocationList, when its Profile names one: the assertion is revoked when
 * its `id` (or legacy `uid`) is listed in `revokedAssertions`, as a string or as an object with
 * `id` / `uid` (and `revocationReason`). (A hosted assertion answered with 410 Gone never
 * reaches this check.)
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import { classifyOb2Node } from './compact-ob2-node.js';
import type { LoadLinkedNode } from './load-linked-node.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const revoked = (details: Record<string, unknown>): VerificationCheck =>
  makeCheck('status', 'failed', 'STATUS_REVOKED', {}, details);

const listInvalid = (reason: string): VerificationCheck =>
  makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', { reason });

export const checkOb2Revocation = async (
  assertion: Json,
  issuer: Json | undefined,
  hosted: boolean,
  load: LoadLinkedNode,
): Promise<VerificationCheck> => {
  if (assertion.revoked === true) {
    return revoked({
      source: 'assertion',
      ...(typeof assertion.revocationReason === 'string'
        ? { revocationReason: assertion.revocationReason }
        : {}),
    });
  }
  const url = issuer?.revocationList;
  if (typeof url !== 'string') {
    // A hosted assertion was just fetched from its issuer, who would have answered 410 or
    // `revoked: true`; a signed one without a list cannot be revoked.
    return hosted
      ? makeCheck('status', 'passed', 'STATUS_OK')
      : makeCheck('status', 'skipped', 'STATUS_NONE');
  }
  const linked = await load(url, 'RevocationList');
  if (!linked.ok) {
    return linked.kind === 'unreachable'
      ? makeCheck('status', 'error', 'ERR_STATUS_UNREACHABLE', { url, reason: linked.reason })
      : listInvalid(
          linked.kind === 'http'
            ? `HTTP ${linked.status} from ${url}`
            : linked.kind === 'malformed'
              ? linked.reason
              : `it declares the id ${linked.id}`,
        );
  }
  const list = linked.raw;
  const cls = linked.compacted.ok ? classifyOb2Node(linked.compacted.node) : undefined;
  if (cls !== 'RevocationList') return listInvalid(`${url} is not a RevocationList`);
  if (typeof list.issuer === 'string' && list.issuer !== issuer?.id) {
    return listInvalid('the list has another issuer');
  }
  const entries: unknown[] = Array.isArray(list.revokedAssertions)
    ? list.revokedAssertions
    : list.revokedAssertions === undefined
      ? []
      : [list.revokedAssertions];
  const ids = [assertion.id, assertion.uid].filter((id): id is string => typeof id === 'string');
  for (const entry of entries) {
    const listed =
      typeof entry === 'string' ? [entry] : isObject(entry) ? [entry.id, entry.uid] : [];
    if (listed.some((id) => typeof id === 'string' && ids.includes(id))) {
      const reason = isObject(entry) ? entry.revocationReason : undefined;
      return revoked({
        source: url,
        ...(typeof reason === 'string' ? { revocationReason: reason } : {}),
      });
    }
  }
  return makeCheck('status', 'passed', 'STATUS_OK');
};
