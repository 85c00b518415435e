/**
 * The learner's connections as the API shows them (never a token or secret), and disconnecting:
 * the tokens are revoked at the host when it says where (RFC 7009; the revocation endpoint of
 * its RFC 8414 metadata, else one its service description names) — best effort, a host that
 * fails does not keep the learner connected — then dropped; the row stays as `disconnected` and
 * leaves the list.
 */
import type { Database } from '../db/open-database.js';
import type { RemoteHostsTable, WalletConnectionsTable } from '../oauth/oauth-tables.js';
import { openSecret } from './connection-secrets.js';
import { openConnection, readConnection, type OpenConnection } from './connection-tokens.js';
import { ServerError } from '../http/server-error.js';
import { hostGet, hostPostForm, isAllowedTarget } from './host-http.js';
import { clientOf, type ConnectionDeps } from './register-remote-host.js';
import type { ServiceDescription } from './read-service-description.js';

export interface ConnectionView {
  readonly id: string;
  readonly host: { readonly baseUrl: string; readonly name: string | null };
  readonly state: WalletConnectionsTable['state'];
  readonly scopes: string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string | null;
  readonly lastImportAt: string | null;
  readonly lastError: string | null;
}

export const presentConnection = (
  row: WalletConnectionsTable,
  host: Pick<RemoteHostsTable, 'base_url' | 'name'> | undefined,
): ConnectionView => ({
  id: row.id,
  host: { baseUrl: host?.base_url ?? '', name: host?.name ?? null },
  state: row.state,
  scopes: (row.scope ?? '').split(' ').filter((scope) => scope !== ''),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
  lastImportAt: row.last_import_at,
  lastError: row.last_error,
});

/** The learner's connections, newest first (disconnected ones left out). */
export const listConnections = async (db: Database, userId: string): Promise<ConnectionView[]> => {
  const rows = await db.kysely
    .selectFrom('wallet_connections')
    .leftJoin('remote_hosts', 'remote_hosts.id', 'wallet_connections.remote_host_id')
    .selectAll('wallet_connections')
    .select(['remote_hosts.base_url as host_base_url', 'remote_hosts.name as host_name'])
    .where('wallet_connections.user_id', '=', userId)
    .where('wallet_connections.state', '!=', 'disconnected')
    .orderBy('wallet_connections.created_at', 'desc')
    .orderBy('wallet_connections.id')
    .execute();
  return rows.map((row) =>
    presentConnection(
      row,
      row.host_base_url === null ? undefined : { base_url: row.host_base_url, name: row.host_name },
    ),
  );
};

/** The learner's connection `id`, as shown. */
export const viewConnection = async (
  deps: ConnectionDeps,
  userId: string,
  id: string,
): Promise<ConnectionView> => {
  const connection = await openConnection(deps, userId, id);
  return presentConnection(connection.row, connection.host);
};

/** The host's revocation endpoint: RFC 8414 metadata first, then the service description. */
export const revocationEndpointOf = async (
  deps: ConnectionDeps,
  description: ServiceDescription,
): Promise<string | undefined> => {
  const origin = new URL(description.tokenUrl).origin;
  try {
    const answer = await hostGet(deps.http, `${origin}/.well-known/oauth-authorization-server`);
    const endpoint = (answer.json as { revocation_endpoint?: unknown } | undefined)
      ?.revocation_endpoint;
    if (
      answer.status === 200 &&
      typeof endpoint === 'string' &&
      URL.canParse(endpoint) &&
      isAllowedTarget(new URL(endpoint), deps.http.allowHosts)
    ) {
      return endpoint;
    }
  } catch {
    // No metadata: the service description may still name one.
  }
  return description.revocationUrl ?? undefined;
};

const revokeAtHost = async (deps: ConnectionDeps, connection: OpenConnection): Promise<void> => {
  const { row, host } = connection;
  const tokens = [
    { stored: row.refresh_token, slot: 'refresh_token' as const },
    { stored: row.access_token, slot: 'access_token' as const },
  ].filter((token) => token.stored !== null);
  if (tokens.length === 0) return;
  try {
    const endpoint = await revocationEndpointOf(deps, connection.description);
    if (endpoint === undefined) return;
    const client = clientOf(deps.masterKey, host);
    for (const { stored, slot } of tokens) {
      if (stored === null) continue;
      await hostPostForm(
        deps.http,
        endpoint,
        { token: openSecret(deps.masterKey, row.id, slot, stored), token_type_hint: slot },
        client,
      );
    }
  } catch {
    // Best effort: the tokens are dropped here whatever the host answered.
  }
};

/** Disconnects: revokes at the host (best effort), drops the tokens. */
export const disconnect = async (
  deps: ConnectionDeps,
  userId: string,
  id: string,
): Promise<void> => {
  const row = await readConnection(deps.db, userId, id);
  if (row === undefined) throw new ServerError('ERR_WALLET_CONNECTION_NOT_FOUND');
  let connection: OpenConnection | undefined;
  try {
    connection = await openConnection(deps, userId, id);
  } catch {
    connection = undefined; // the host's description no longer reads: nothing to revoke with
  }
  if (connection !== undefined) await revokeAtHost(deps, connection);
  await deps.db.kysely
    .updateTable('wallet_connections')
    .set({
      state: 'disconnected',
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
