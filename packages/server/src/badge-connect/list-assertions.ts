/**
 * `GET /ims/ob/v2p1/assertions`: a page of the account's Open Badges 2.0 wallet badges (ADR 0011:
 * the wallet is the host) — the rows with `ob_version` 2 that the learner has not removed, oldest
 * first. A badge that came as a signed assertion (a compact JWS, sent as such or baked in an
 * image) is listed in `signedAssertions`, every other one as its verified assertion in
 * `assertions`. `since` keeps the badges added or
 * updated after it. Paging as the Open Badges 3.0 API's `getCredentials`: `X-Total-Count`, and
 * `Link` with absolute URLs that keep `limit` and `since` — `first` and `last` always, `next`
 * while more follow, `prev` when `offset` > 0; last offset = floor((total − 1) / limit) · limit.
 */
import type { Database } from '../db/open-database.js';
import {
  DEFAULT_ASSERTION_LIMIT,
  MAX_ASSERTION_LIMIT,
  type AssertionsQueryValue,
} from './badge-connect-schemas.js';

export interface AssertionPage {
  readonly assertions: Record<string, unknown>[];
  readonly signedAssertions: string[];
  readonly total: number;
  /** The `Link` header value. */
  readonly link: string;
}

const parseJson = (text: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
};

export const buildPageLinks = (
  url: string,
  query: { readonly limit: number; readonly offset: number; readonly since?: string | undefined },
  total: number,
): string => {
  const { limit, offset, since } = query;
  const at = (rel: string, target: number): string => {
    const parameters = new URLSearchParams({ limit: String(limit), offset: String(target) });
    if (since !== undefined) parameters.set('since', since);
    return `<${url}?${parameters.toString()}>; rel="${rel}"`;
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [at('first', 0), at('last', last)];
  if (offset + limit < total) links.push(at('next', offset + limit));
  if (offset > 0) links.push(at('prev', Math.max(0, Math.min(offset - limit, last))));
  return links.join(', ');
};

export const listAssertions = async (
  db: Database,
  userId: string,
  query: AssertionsQueryValue,
  url: string,
): Promise<AssertionPage> => {
  const limit = Math.min(query.limit ?? DEFAULT_ASSERTION_LIMIT, MAX_ASSERTION_LIMIT);
  const offset = query.offset ?? 0;
  const since = query.since === undefined ? undefined : new Date(query.since).toISOString();
  let base = db.kysely
    .selectFrom('wallet_credentials')
    .where('user_id', '=', userId)
    .where('ob_version', '=', 2)
    .where('removed_at', 'is', null);
  if (since !== undefined) base = base.where('updated_at', '>', since);
  const counted = await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  const rows = await base
    .select(['credential', 'credential_jwt'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const assertions: Record<string, unknown>[] = [];
  const signedAssertions: string[] = [];
  for (const row of rows) {
    if (row.credential_jwt !== null) {
      signedAssertions.push(row.credential_jwt);
    } else {
      assertions.push(parseJson(row.credential));
    }
  }
  return {
    assertions,
    signedAssertions,
    total,
    link: buildPageLinks(url, { limit, offset, since: query.since }, total),
  };
};
