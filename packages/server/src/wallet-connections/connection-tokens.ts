/**
 * A learner's tokens at another host: the token endpoint (authorization code and refresh grants,
 * form-encoded, HTTP Basic client authentication, `Cache-Control` ignored: nothing is cached),
 * the tokens kept encrypted in `wallet_connections`, and calls to the host's API with the bearer
 * token — refreshed first when it has expired, and once more when the host answers 401. A host
 * that refuses the refresh ends the connection (`failed`, tokens dropped): the learner connects
 * again.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { RemoteHostsTable, WalletConnectionsTable } from '../oauth/oauth-tables.js';
import { openSecret, sealSecret } from './connection-secrets.js';
import { hostPostForm, HostTransportError, oauthErrorOf, type HostAnswer } from './host-http.js';
import { parseServiceDescription, type ServiceDescription } from './read-service-description.js';
import { clientOf, readHostById, type ConnectionDeps } from './register-remote-host.js';

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly expiresAt: string | null;
  readonly scope: string;
}

/** A connection with what talking to its host needs. */
export interface OpenConnection {
  readonly row: WalletConnectionsTable;
  readonly host: RemoteHostsTable;
  readonly description: ServiceDescription;
}

export const readConnection = (db: Database, userId: string, id: string) =>
  db.kysely
    .selectFrom('wallet_connections')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('state', '!=', 'disconnected')
    .executeTakeFirst();

/** The learner's connection `id` and its host; 404 when there is none. */
export const openConnection = async (
  deps: ConnectionDeps,
  userId: string,
  id: string,
): Promise<OpenConnection> => {
  const row = await readConnection(deps.db, userId, id);
  const host = row === undefined ? undefined : await readHostById(deps.db, row.remote_host_id);
  if (row === undefined || host === undefined) {
    throw new ServerError('ERR_WALLET_CONNECTION_NOT_FOUND');
  }
  const description = parseServiceDescription(JSON.parse(host.discovery), deps.http.allowHosts);
  return { row, host, description };
};

/** The connection, which must be connected. */
export const requireConnected = (connection: OpenConnection): void => {
  if (connection.row.state !== 'connected') {
    throw new ServerError('ERR_WALLET_CONNECTION_NOT_CONNECTED', {
      params: { state: connection.row.state },
    });
  }
};

export type TokenOutcome =
  | { readonly ok: true; readonly tokens: TokenSet }
  | { readonly ok: false; readonly reason: string; readonly status: number };

/** One token request; the host's refusal is an outcome, a transport failure a `HostTransportError`. */
export const requestTokens = async (
  deps: ConnectionDeps,
  host: RemoteHostsTable,
  url: string,
  form: Readonly<Record<string, string>>,
  requestedScope: string,
): Promise<TokenOutcome> => {
  const answer = await hostPostForm(deps.http, url, form, clientOf(deps.masterKey, host));
  const json = answer.json as Record<string, unknown> | undefined;
  if (answer.status !== 200 || json === undefined) {
    return { ok: false, reason: oauthErrorOf(answer), status: answer.status };
  }
  const { access_token: access, token_type: type, expires_in: expiresIn } = json;
  if (typeof access !== 'string' || access === '' || typeof type !== 'string') {
    return { ok: false, reason: 'invalid token response', status: answer.status };
  }
  if (type.toLowerCase() !== 'bearer') {
    return { ok: false, reason: `unsupported token_type ${type}`, status: answer.status };
  }
  const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : undefined;
  return {
    ok: true,
    tokens: {
      accessToken: access,
      refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : null,
      expiresAt:
        seconds === undefined
          ? null
          : new Date(deps.clock().getTime() + seconds * 1000).toISOString(),
      // RFC 6749 §5.1: no scope in the answer means the scope asked for.
      scope:
        typeof json.scope === 'string' && json.scope.trim() !== '' ? json.scope : requestedScope,
    },
  };
};

/** The columns that hold `tokens` for connection `id`. */
export const tokenColumns = (deps: ConnectionDeps, id: string, tokens: TokenSet) => ({
  access_token: sealSecret(deps.masterKey, id, 'access_token', tokens.accessToken),
  refresh_token:
    tokens.refreshToken === null
      ? null
      : sealSecret(deps.masterKey, id, 'refresh_token', tokens.refreshToken),
  expires_at: tokens.expiresAt,
  scope: tokens.scope,
});

/** Ends a connection the host no longer honours: `failed`, tokens dropped. */
export const failConnection = async (
  deps: ConnectionDeps,
  id: string,
  reason: string,
): Promise<void> => {
  await deps.db.kysely
    .updateTable('wallet_connections')
    .set({
      state: 'failed',
      last_error: reason.slice(0, 500),
      oauth_state: null,
      code_verifier: null,
      access_token: null,
      refresh_token: null,
      expires_at: null,
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', id)
    .execute();
};

const unreachable = (error: HostTransportError) =>
  new ServerError('ERR_WALLET_CONNECTION_HOST_UNREACHABLE', {
    params: { reason: error.reason },
    cause: error,
  });

/** Uses the refresh token; the new access token, or AUTHORIZATION_LOST (the connection failed). */
const refresh = async (deps: ConnectionDeps, connection: OpenConnection, stored: string | null) => {
  const { row, host, description } = connection;
  if (stored === null) {
    await failConnection(deps, row.id, 'access token rejected, no refresh token');
    throw new ServerError('ERR_WALLET_CONNECTION_AUTHORIZATION_LOST', {
      params: { reason: 'invalid_token' },
    });
  }
  const refreshToken = openSecret(deps.masterKey, row.id, 'refresh_token', stored);
  const scope = row.scope ?? '';
  let outcome: TokenOutcome;
  try {
    outcome = await requestTokens(
      deps,
      host,
      description.refreshUrl ?? description.tokenUrl,
      {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        ...(scope === '' ? {} : { scope }),
      },
      scope,
    );
  } catch (error) {
    if (error instanceof HostTransportError) throw unreachable(error);
    throw error;
  }
  if (!outcome.ok) {
    if (outcome.status >= 500) {
      throw new ServerError('ERR_WALLET_CONNECTION_HOST_ERROR', {
        params: { problem: `HTTP ${String(outcome.status)}` },
      });
    }
    await failConnection(deps, row.id, `refresh refused: ${outcome.reason}`);
    throw new ServerError('ERR_WALLET_CONNECTION_AUTHORIZATION_LOST', {
      params: { reason: outcome.reason },
    });
  }
  // A host that does not rotate refresh tokens answers without one: the old one stays valid.
  const tokens = { ...outcome.tokens, refreshToken: outcome.tokens.refreshToken ?? refreshToken };
  const columns = tokenColumns(deps, row.id, tokens);
  await deps.db.kysely
    .updateTable('wallet_connections')
    .set({ ...columns, last_error: null, updated_at: deps.clock().toISOString() })
    .where('id', '=', row.id)
    .execute();
  return { accessToken: tokens.accessToken, refreshToken: columns.refresh_token };
};

/**
 * Calls the host's API with the connection's bearer token (`call` makes the request), refreshing
 * it first when expired, and once when the host answers 401. Transport failures become
 * `ERR_WALLET_CONNECTION_HOST_UNREACHABLE`.
 */
export const createAuthorisedCaller = (deps: ConnectionDeps, connection: OpenConnection) => {
  let accessToken: string | undefined;
  let refreshToken = connection.row.refresh_token;
  let refreshed = false;
  const { row } = connection;
  return async (call: (token: string) => Promise<HostAnswer>): Promise<HostAnswer> => {
    try {
      if (accessToken === undefined) {
        const expired =
          row.expires_at !== null && Date.parse(row.expires_at) <= deps.clock().getTime();
        if (row.access_token === null || (expired && refreshToken !== null)) {
          ({ accessToken, refreshToken } = await refresh(deps, connection, refreshToken));
          refreshed = true;
        } else {
          accessToken = openSecret(deps.masterKey, row.id, 'access_token', row.access_token);
        }
      }
      const answer = await call(accessToken);
      if (answer.status !== 401 || refreshed) {
        if (answer.status === 401) {
          await failConnection(deps, row.id, 'access token rejected after a refresh');
          throw new ServerError('ERR_WALLET_CONNECTION_AUTHORIZATION_LOST', {
            params: { reason: 'invalid_token' },
          });
        }
        return answer;
      }
      ({ accessToken, refreshToken } = await refresh(deps, connection, refreshToken));
      refreshed = true;
      const again = await call(accessToken);
      if (again.status === 401) {
        await failConnection(deps, row.id, 'access token rejected after a refresh');
        throw new ServerError('ERR_WALLET_CONNECTION_AUTHORIZATION_LOST', {
          params: { reason: 'invalid_token' },
        });
      }
      return again;
    } catch (error) {
      if (error instanceof HostTransportError) throw unreachable(error);
      throw error;
    }
  };
};
