/**
 * The `status` check: W3C Bitstring Status List entries, and the deprecated
 * `1EdTechRevocationList` (still found in VC 1.1-era badges). Lists are fetched through the
 * verifier's fetcher and cached; Bitstring lists have their own proofs verified. Revocation and
 * suspension are reported separately; a list that cannot be fetched is an `error`, never a
 * verdict (the 1EdTech validator only warns).
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

/** Loads a 1EdTech Revocation List (a plain JSON document; `credential` holds it). */
export type LoadRevocationList = (url: string) => Promise<LoadedStatusList>;

export interface StatusLoaders {
  readonly loadStatusList: LoadStatusList;
  readonly loadRevocationList: LoadRevocationList;
}

export const REVOCATION_LIST_TYPE = '1EdTechRevocationList';

const asList = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is Json => typeof v === 'object' && v !== null,
  );

/**
 * A 1EdTech Revocation List entry `{id: <list URL>, type}`: revoked when the list's
 * `revokedCredential` array (the validator reads `revokedCredentials`; both are read) has an
 * entry whose `id` is the credential's and whose `revoked` is not `false`.
 */
const checkRevocationListEntry = async (
  entry: Json,
  credential: Json,
  loadRevocationList: LoadRevocationList,
): Promise<VerificationCheck> => {
  const url = entry.id;
  if (typeof url !== 'string' || !URL.canParse(url))
    return makeCheck('status', 'failed', 'ERR_STATUS_MALFORMED', { reason: 'id (the list URL)' });
  const { id } = credential;
  if (typeof id !== 'string') {
    return makeCheck('status', 'failed', 'ERR_STATUS_MALFORMED', {
      reason: 'the credential has no id to look up in the revocation list',
    });
  }
  const list = await loadRevocationList(url);
  if (!list.ok) return list.check;
  const revoked = [
    ...asList(list.credential.revokedCredential),
    ...asList(list.credential.revokedCredentials),
  ].some((item) => item.id === id && item.revoked !== false);
  return revoked
    ? makeCheck('status', 'failed', 'STATUS_REVOKED', {}, { revocationList: url })
    : makeCheck('status', 'passed', 'STATUS_OK', {}, { revocationList: url });
};

export const checkStatus = async (
  credential: Json,
  issuer: string | undefined,
  { loadStatusList, loadRevocationList }: StatusLoaders,
): Promise<VerificationCheck> => {
  const entries = asList(credential.credentialStatus);
  if (entries.length === 0) return makeCheck('status', 'skipped', 'STATUS_NONE');
  const outcomes: VerificationCheck[] = [];
  for (const entry of entries) {
    if (entry.type === REVOCATION_LIST_TYPE) {
      outcomes.push(await checkRevocationListEntry(entry, credential, loadRevocationList));
      continue;
    }
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
