/**
 * This platform's client registration at another Open Badges host (RFC 7591 dynamic client
 * registration, no initial access token; PROTOCOLS.md §1.3), made once per host and shared by
 * every learner who connects to it (`remote_hosts`, the client secret encrypted under the master
 * key). Every URL we send shares our one hostname (`PUBLIC_URL`), as hosts check.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';
import type { RemoteHostsTable } from '../oauth/oauth-tables.js';
import { OB3_SCOPES, OFFLINE_ACCESS } from '../oauth/scopes.js';
import { openSecret, sealSecret } from './connection-secrets.js';
import { hostPost, HostTransportError, oauthErrorOf, type HostHttp } from './host-http.js';
import type { ServiceDescription } from './read-service-description.js';

/** What the consumer's commands need. */
export interface ConnectionDeps {
  readonly db: Database;
  readonly clock: () => Date;
  readonly masterKey: MasterKey;
  readonly http: HostHttp;
  /** `PUBLIC_URL`, no trailing slash. */
  readonly publicUrl: string;
}

/** Where the hosts send the learner back (the page `/wallet/connections/callback`). */
export const callbackUrlOf = (publicUrl: string): string =>
  `${publicUrl}/wallet/connections/callback`;

/** The scopes we ask for: those of ours the host offers (reading credentials is required). */
export const wantedScopes = (description: ServiceDescription): string => {
  const offered = new Set(description.scopes);
  if (!offered.has(OB3_SCOPES.credentialReadonly)) {
    throw new ServerError('ERR_WALLET_CONNECTION_DISCOVERY_INVALID', {
      params: { field: `scopes (${OB3_SCOPES.credentialReadonly})` },
    });
  }
  const ours = [
    OB3_SCOPES.credentialReadonly,
    OB3_SCOPES.credentialUpsert,
    OB3_SCOPES.profileReadonly,
  ];
  return [...ours.filter((scope) => offered.has(scope)), OFFLINE_ACCESS].join(' ');
};

/** The server package's version (src/ and dist/ are both two levels below package.json). */
const softwareVersion = ((): string => {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
})();

/** Our registration request (RFC 7591 metadata; the OB 3.0 API requires each of these). */
export const registrationRequest = (publicUrl: string, scope: string) => ({
  client_name: `Akashi (${new URL(publicUrl).host})`,
  client_uri: `${publicUrl}/`,
  // The platform's logo, as the Badge Connect manifest serves it.
  logo_uri: `${publicUrl}/ims/ob/v2p1/logo.svg`,
  tos_uri: `${publicUrl}/`,
  policy_uri: `${publicUrl}/`,
  software_id: 'akashi',
  software_version: softwareVersion,
  redirect_uris: [callbackUrlOf(publicUrl)],
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope,
});

const readHost = (db: Database, baseUrl: string) =>
  db.kysely
    .selectFrom('remote_hosts')
    .selectAll()
    .where('base_url', '=', baseUrl)
    .executeTakeFirst();

export const readHostById = (db: Database, id: string) =>
  db.kysely.selectFrom('remote_hosts').selectAll().where('id', '=', id).executeTakeFirst();

/** Our client id and secret at `host`. */
export const clientOf = (
  masterKey: MasterKey,
  host: RemoteHostsTable,
): { readonly id: string; readonly secret: string } => ({
  id: host.client_id,
  secret: openSecret(masterKey, host.id, 'client_secret', host.client_secret),
});

const register = async (
  deps: ConnectionDeps,
  description: ServiceDescription,
  scope: string,
): Promise<{ clientId: string; clientSecret: string }> => {
  const body = registrationRequest(deps.publicUrl, scope);
  let answer;
  try {
    answer = await hostPost(
      deps.http,
      description.registrationUrl,
      { 'content-type': 'application/json' },
      JSON.stringify(body),
    );
  } catch (error) {
    if (error instanceof HostTransportError) {
      throw new ServerError('ERR_WALLET_CONNECTION_HOST_UNREACHABLE', {
        params: { reason: error.reason },
        cause: error,
      });
    }
    throw error;
  }
  const json = answer.json as { client_id?: unknown; client_secret?: unknown } | undefined;
  if (
    (answer.status !== 201 && answer.status !== 200) ||
    typeof json?.client_id !== 'string' ||
    json.client_id === '' ||
    typeof json.client_secret !== 'string' ||
    json.client_secret === ''
  ) {
    throw new ServerError('ERR_WALLET_CONNECTION_REGISTRATION_REFUSED', {
      params: { reason: oauthErrorOf(answer) },
    });
  }
  return { clientId: json.client_id, clientSecret: json.client_secret };
};

/**
 * Our registration at the host of `baseUrl`: the stored one (its service description brought
 * up to date), else a new one made now.
 */
export const ensureRemoteHost = async (
  deps: ConnectionDeps,
  baseUrl: string,
  description: ServiceDescription,
  document: unknown,
  scope: string,
): Promise<RemoteHostsTable> => {
  const now = deps.clock().toISOString();
  const stored = await readHost(deps.db, baseUrl);
  if (stored !== undefined) {
    await deps.db.kysely
      .updateTable('remote_hosts')
      .set({ discovery: JSON.stringify(document), name: description.name, updated_at: now })
      .where('id', '=', stored.id)
      .execute();
    return { ...stored, discovery: JSON.stringify(document), name: description.name };
  }
  const { clientId, clientSecret } = await register(deps, description, scope);
  const id = randomUUID();
  const row: RemoteHostsTable = {
    id,
    base_url: baseUrl,
    name: description.name,
    discovery: JSON.stringify(document),
    client_id: clientId,
    client_secret: sealSecret(deps.masterKey, id, 'client_secret', clientSecret),
    registered_at: now,
    updated_at: now,
  };
  try {
    await deps.db.kysely.insertInto('remote_hosts').values(row).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another learner registered us at the same host meanwhile: theirs is the registration.
    const raced = await readHost(deps.db, baseUrl);
    if (raced === undefined) throw error;
    return raced;
  }
  return row;
};
