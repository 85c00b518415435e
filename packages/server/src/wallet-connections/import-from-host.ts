/**
 * Importing a learner's credentials from a connected host (`getCredentials`, then `getProfile`):
 * pages followed by `Link rel="next"` (absolute or relative; only on the host's own origin, so
 * the bearer token never goes elsewhere), at most 50 pages and 5,000 credentials; a 429 / 503
 * stops the import there, saying when the host asks to come back (`Retry-After`). Each
 * credential (a Data Integrity object from `credential`, a compact JWS from `compactJwsString`)
 * goes through the wallet's import — verified first; genuine ones are kept (new or merged),
 * the others are skipped and reported with their verdict. Provenance: the wallet rows keep the
 * host's credentials URL as their source.
 */
import { ServerError } from '../http/server-error.js';
import { OB3_SCOPES } from '../oauth/scopes.js';
import { importWalletCredential, type WalletDeps } from '../wallet/import-wallet-credential.js';
import type { ImportSource } from '../wallet/read-import-input.js';
import {
  createAuthorisedCaller,
  requireConnected,
  type OpenConnection,
} from './connection-tokens.js';
import { hostGet, type HostAnswer } from './host-http.js';
import { OB3_API_PATH } from './read-service-description.js';
import type { ConnectionDeps } from './register-remote-host.js';

export const MAX_IMPORT_PAGES = 50;
export const MAX_IMPORT_CREDENTIALS = 5000;

export interface SkippedCredential {
  readonly reason: 'unverified' | 'unreadable';
  readonly verdict?: string;
  readonly credentialId?: string;
  readonly name?: string;
}

export type ImportStop = 'busy' | 'page-limit' | 'credential-limit' | 'other-origin';

export interface ImportOutcome {
  readonly imported: number;
  readonly merged: number;
  readonly skipped: SkippedCredential[];
  readonly profile: Readonly<Record<string, unknown>> | null;
  readonly pages: number;
  /** Why the import stopped before the last page (absent: every page was read). */
  readonly stopped?: { readonly reason: ImportStop; readonly retryAfterSeconds?: number };
}

/** The target of the `Link` header's `rel="next"`, resolved against the page's URL. */
export const nextLinkOf = (link: string | undefined, base: string): string | undefined => {
  if (link === undefined) return undefined;
  for (const match of link.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const [, target = '', parameters = ''] = match;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s,]+))/i.exec(parameters);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('next') && URL.canParse(target, base)) {
      return new URL(target, base).href;
    }
  }
  return undefined;
};

/** `Retry-After` in seconds (delta-seconds or an HTTP date), when given. */
export const retryAfterSecondsOf = (value: string | undefined, now: Date): number | undefined => {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
};

const hostError = (answer: HostAnswer, note = '') =>
  new ServerError('ERR_WALLET_CONNECTION_HOST_ERROR', {
    params: { problem: `HTTP ${String(answer.status)}${note}` },
  });

const stringField = (value: unknown, name: string): string | undefined => {
  const field = (value as Record<string, unknown> | null | undefined)?.[name];
  return typeof field === 'string' ? field.slice(0, 500) : undefined;
};

/** The id and name of a credential, for the report of one that was skipped. */
const describe = (item: unknown): Pick<SkippedCredential, 'credentialId' | 'name'> => {
  let credential: unknown = item;
  if (typeof item === 'string') {
    try {
      const payload = JSON.parse(
        Buffer.from(item.split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as Record<string, unknown>;
      credential = typeof payload.vc === 'object' ? payload.vc : payload;
    } catch {
      credential = undefined;
    }
  }
  const id = stringField(credential, 'id');
  const name = stringField(credential, 'name');
  return {
    ...(id === undefined ? {} : { credentialId: id }),
    ...(name === undefined ? {} : { name }),
  };
};

const itemsOf = (answer: HostAnswer): unknown[] => {
  const json = answer.json as Record<string, unknown> | undefined;
  if (answer.status !== 200 || typeof json !== 'object' || Array.isArray(json)) {
    throw hostError(
      answer,
      answer.status === 200 ? ' (not a GetOpenBadgeCredentialsResponse)' : '',
    );
  }
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  // `compactJwsStrings` (plural) is the spec example's misspelling; some hosts copied it.
  return [
    ...list(json.credential),
    ...list(json.compactJwsString),
    ...list(json.compactJwsStrings),
  ];
};

export const importFromHost = async (
  deps: ConnectionDeps,
  walletDeps: WalletDeps,
  userId: string,
  connection: OpenConnection,
): Promise<ImportOutcome> => {
  requireConnected(connection);
  const call = createAuthorisedCaller(deps, connection);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const baseUrl = connection.host.base_url;
  const origin = new URL(baseUrl).origin;
  const sourceUrl = `${baseUrl}${OB3_API_PATH}/credentials`;
  let url: string | undefined = sourceUrl;
  const seen = new Set<string>();
  let imported = 0;
  let merged = 0;
  let count = 0;
  let pages = 0;
  const skipped: SkippedCredential[] = [];
  let stopped: ImportOutcome['stopped'];

  while (url !== undefined && stopped === undefined) {
    if (pages >= MAX_IMPORT_PAGES) {
      stopped = { reason: 'page-limit' };
      break;
    }
    const pageUrl: string = url;
    seen.add(pageUrl);
    const answer = await call((token) => hostGet(deps.http, pageUrl, bearer(token)));
    if (answer.status === 429 || answer.status === 503) {
      const seconds = retryAfterSecondsOf(answer.headers['retry-after'], deps.clock());
      stopped = {
        reason: 'busy',
        ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
      };
      break;
    }
    const items = itemsOf(answer);
    pages += 1;
    for (const item of items) {
      if (count >= MAX_IMPORT_CREDENTIALS) {
        stopped = { reason: 'credential-limit' };
        break;
      }
      count += 1;
      if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) {
        skipped.push({ reason: 'unreadable' });
        continue;
      }
      const source: ImportSource =
        typeof item === 'string'
          ? { kind: 'text', input: item.trim(), sourceUrl }
          : { kind: 'object', input: item as Record<string, unknown>, sourceUrl };
      try {
        const result = await importWalletCredential(walletDeps, userId, source, false);
        if (result.merged) merged += 1;
        else imported += 1;
      } catch (error) {
        if (!(error instanceof ServerError)) throw error;
        if (error.code === 'ERR_WALLET_IMPORT_UNVERIFIED') {
          const verdict = (error.details as { verdict?: unknown } | undefined)?.verdict;
          skipped.push({
            reason: 'unverified',
            ...(typeof verdict === 'string' ? { verdict } : {}),
            ...describe(item),
          });
        } else if (error.code === 'ERR_WALLET_IMPORT_UNREADABLE') {
          skipped.push({ reason: 'unreadable', ...describe(item) });
        } else throw error;
      }
    }
    const next = nextLinkOf(answer.headers.link, answer.url);
    if (next !== undefined && new URL(next).origin !== origin) {
      stopped ??= { reason: 'other-origin' };
    }
    url = next === undefined || seen.has(next) ? undefined : next;
  }

  let profile: ImportOutcome['profile'] = null;
  if ((connection.row.scope ?? '').split(' ').includes(OB3_SCOPES.profileReadonly)) {
    const answer = await call((token) =>
      hostGet(deps.http, `${baseUrl}${OB3_API_PATH}/profile`, bearer(token)),
    );
    const json = answer.json;
    if (
      answer.status === 200 &&
      typeof json === 'object' &&
      json !== null &&
      !Array.isArray(json)
    ) {
      profile = json as Record<string, unknown>;
    }
  }
  const now = deps.clock().toISOString();
  await deps.db.kysely
    .updateTable('wallet_connections')
    .set({ last_import_at: now, last_error: null, updated_at: now })
    .where('id', '=', connection.row.id)
    .execute();
  return {
    imported,
    merged,
    skipped,
    profile,
    pages,
    ...(stopped === undefined ? {} : { stopped }),
  };
};
