/**
 * `getCredentials` (ADR 0011: the wallet is the host): one page of the account's Open Badges 3.0
 * wallet credentials, not removed and not kept unverified, in a stable order (`created_at`, `id`), optionally only those
 * issued after `since` (by `issued_at`, else `created_at`). A credential that came as a VC-JWT
 * goes in `compactJwsString` as it was stored; every other one in `credential` as JSON. The page
 * comes with the total and the RFC 8288 `Link` header: `first` and `last` always, `next` while
 * more follow, `prev` when the page does not start at 0; absolute URLs that keep `since`.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { WalletCredentialsTable } from '../wallet/wallet-tables.js';
import { OB3_API_BASE } from './service-description.js';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 100;

export interface CredentialPageQuery {
  readonly limit: number;
  readonly offset: number;
  /** An instant (ISO 8601, UTC), or undefined for all. */
  readonly since: string | undefined;
  /** `since` as the client wrote it, for the links. */
  readonly sinceText: string | undefined;
}

export interface GetCredentialsResponse {
  readonly credential: Record<string, unknown>[];
  readonly compactJwsString: string[];
}

export interface CredentialPage {
  readonly body: GetCredentialsResponse;
  readonly total: number;
  readonly link: string;
}

const HAS_ZONE = /(?:[Zz]|[+-]\d{2}:?\d{2})$/;

/**
 * `since` as an instant: a date-time with or without a zone (the specification's example,
 * `YYYY-MM-DDThh:mm:ss`, has none: it is read as UTC).
 */
export const readSince = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const time = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
  if (Number.isNaN(time)) {
    throw new ServerError('ERR_OB3_QUERY_INVALID', {
      params: { parameter: 'since', reason: 'not an ISO 8601 date-time.' },
    });
  }
  return new Date(time).toISOString();
};

type Row = Pick<WalletCredentialsTable, 'format' | 'credential' | 'credential_jwt'>;

/** Whether a stored row is answered as its compact JWS. */
export const isCompactJws = (row: Row, credential: Record<string, unknown>): boolean =>
  row.credential_jwt !== null && (row.format === 'ob3-jwt' || credential.proof === undefined);

/** The `Link` header of a page (absolute URLs). */
export const buildPagingLink = (
  publicUrl: string,
  { limit, offset, sinceText }: Pick<CredentialPageQuery, 'limit' | 'offset' | 'sinceText'>,
  total: number,
): string => {
  const url = (at: number): string => {
    const search = new URLSearchParams({ limit: String(limit), offset: String(at) });
    if (sinceText !== undefined) search.set('since', sinceText);
    return `${publicUrl}${OB3_API_BASE}/credentials?${search.toString()}`;
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links: [string, number][] = [];
  if (offset + limit < total) links.push(['next', offset + limit]);
  links.push(['last', last]);
  links.push(['first', 0]);
  if (offset > 0) links.push(['prev', Math.max(0, Math.min(offset - limit, last))]);
  return links.map(([rel, at]) => `<${url(at)}>; rel="${rel}"`).join(', ');
};

export const getCredentials = async (
  db: Database,
  publicUrl: string,
  userId: string,
  query: CredentialPageQuery,
): Promise<CredentialPage> => {
  let base = db.kysely
    .selectFrom('wallet_credentials')
    .where('user_id', '=', userId)
    .where('ob_version', '=', 3)
    .where('removed_at', 'is', null)
    // A badge the learner kept although it did not verify stays in the wallet, marked, but the
    // API does not hand it on: every credential a host returns must verify.
    .where('status', '!=', 'unverified');
  if (query.since !== undefined) {
    const since = query.since;
    base = base.where((eb) => eb(eb.fn.coalesce('issued_at', 'created_at'), '>', since));
  }
  const counted = await base
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('total'))
    .executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  const rows = await base
    .select(['format', 'credential', 'credential_jwt'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const body: GetCredentialsResponse = { credential: [], compactJwsString: [] };
  for (const row of rows) {
    const credential = JSON.parse(row.credential) as Record<string, unknown>;
    if (isCompactJws(row, credential)) body.compactJwsString.push(row.credential_jwt as string);
    else body.credential.push(credential);
  }
  return { body, total, link: buildPagingLink(publicUrl, query, total) };
};
