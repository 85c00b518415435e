/**
 * The `status` check: W3C Bitstring Status List entries. Lists are fetched through the
 * verifier's fetcher, their own proofs verified, and cached; revocation and suspension are
 * reported separately.
 */
import { checkStatusEntry } from '../status/index.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';

type Json = Record<string, unknown>;

/** A fetched list credential, or why it cannot be used. */
export type LoadedStatusList =
  | { readonly ok: true; readonly credential: Json }
  | { readonly ok: false; readonly check: VerificationCheck };

export type LoadStatusList = (
  url: string,
  credentialIssuer: string | undefined,
) => Promise<LoadedStatusList>;

const asList = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is Json => typeof v === 'object' && v !== null,
  );

export const checkStatus = async (
  credential: Json,
  issuer: string | undefined,
  loadStatusList: LoadStatusList,
): Promise<VerificationCheck> => {
  const entries = asList(credential.credentialStatus);
  if (entries.length === 0) return makeCheck('status', 'skipped', 'STATUS_NONE');
  const outcomes: VerificationCheck[] = [];
  for (const entry of entries) {
    if (entry.type !== 'BitstringStatusListEntry') {
      outcomes.push(
        makeCheck('status', 'skipped', 'STATUS_UNSUPPORTED', { type: String(entry.type) }),
      );
      continue;
    }
    const url = entry.statusListCredential;
    if (typeof url !== 'string') {
      outcomes.push(
        makeCheck('status', 'failed', 'ERR_STATUS_MALFORMED', { reason: 'statusListCredential' }),
      );
      continue;
    }
    const list = await loadStatusList(url, issuer);
    if (!list.ok) {
      outcomes.push(list.check);
      continue;
    }
    const result = checkStatusEntry(entry, list.credential);
    if (!result.ok) {
      outcomes.push(
        makeCheck(
          'status',
          'failed',
          'ERR_STATUS_MALFORMED',
          { reason: result.message.en },
          { code: result.code },
        ),
      );
    } else if (result.set && result.purpose === 'revocation') {
      outcomes.push(
        makeCheck('status', 'failed', 'STATUS_REVOKED', {}, { statusListCredential: url }),
      );
    } else if (result.set && result.purpose === 'suspension') {
      outcomes.push(
        makeCheck('status', 'failed', 'STATUS_SUSPENDED', {}, { statusListCredential: url }),
      );
    } else {
      outcomes.push(makeCheck('status', 'passed', 'STATUS_OK'));
    }
  }
  // The most serious outcome speaks for the credential: revoked, then suspended, then the rest.
  const order = [
    'STATUS_REVOKED',
    'STATUS_SUSPENDED',
    'ERR_STATUS_MALFORMED',
    'ERR_STATUS_LIST_INVALID',
    'ERR_STATUS_UNREACHABLE',
    'STATUS_OK',
    'STATUS_UNSUPPORTED',
  ];
  outcomes.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  return outcomes[0] as VerificationCheck;
};
