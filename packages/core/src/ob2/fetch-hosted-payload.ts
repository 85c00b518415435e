/**
 * Fetches a hosted assertion (or an assertion URL handed to the verifier) from its issuer. The
 * answer decides the `proof` check of a hosted badge: 410 Gone means revoked; any other status
 * outside 2xx means the issuer does not serve it (4xx: failed; 5xx and 429: the verdict cannot
 * be reached); a network failure is an `error`, never a failure.
 */
import type { FetchDocument } from '../fetch/fetch-document.js';
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import { fetchOutcome } from './load-linked-node.js';
import { readOb2Input, type Ob2InputFormat, type Ob2Payload } from './read-ob2-input.js';

export type HostedPayload =
  | { readonly ok: true; readonly payload: Ob2Payload; readonly format: Ob2InputFormat }
  | { readonly ok: false; readonly proof: VerificationCheck; readonly gone: boolean };

export const fetchHostedPayload = async (
  fetchDocument: FetchDocument,
  url: string,
  maxBytes: number | undefined,
): Promise<HostedPayload> => {
  const fetched = await fetchOutcome(fetchDocument, url);
  if (!fetched.ok) {
    return {
      ok: false,
      gone: false,
      proof: makeCheck('proof', 'error', 'ERR_OB2_HOSTED_UNREACHABLE', {
        url,
        reason: fetched.reason,
      }),
    };
  }
  const { status, body } = fetched.document;
  if (status === 410) {
    return {
      ok: false,
      gone: true,
      proof: makeCheck('proof', 'skipped', 'OB2_HOSTED_GONE', { url }),
    };
  }
  if (status < 200 || status > 299) {
    const outcome = status >= 500 || status === 429 ? 'error' : 'failed';
    return {
      ok: false,
      gone: false,
      proof: makeCheck('proof', outcome, 'ERR_OB2_HOSTED_HTTP', { url, status }),
    };
  }
  const read = readOb2Input(body, maxBytes);
  if (!read.ok) {
    return {
      ok: false,
      gone: false,
      proof: makeCheck('proof', 'failed', 'ERR_OB2_HOSTED_MALFORMED', {
        url,
        reason: read.check.message.en,
      }),
    };
  }
  return { ok: true, payload: read.payload, format: read.format };
};
