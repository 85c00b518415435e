/**
 * Connecting a learner's wallet to another Open Badges host (ADR 0011, PROTOCOLS.md §1.3):
 * discovery → our registration there (once per host) → a pending connection holding a random
 * `state` and a PKCE verifier (encrypted) → the host's authorization URL for the browser; then
 * the callback: the code exchanged at the token endpoint (HTTP Basic, the verifier, the scope),
 * the tokens kept encrypted → `connected`; or the host's error (or a refused token request, or an
 * answer after 30 minutes) → `failed` with the reason. A `state` is used once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ServerError } from '../http/server-error.js';
import type { WalletConnectionsTable } from '../oauth/oauth-tables.js';
import { openSecret, sealSecret } from './connection-secrets.js';
import {
  failConnection,
  openConnection,
  requestTokens,
  tokenColumns,
  type OpenConnection,
} from './connection-tokens.js';
import { HostTransportError } from './host-http.js';
import { normaliseBaseUrl, readServiceDescription } from './read-service-description.js';
import {
  callbackUrlOf,
  ensureRemoteHost,
  wantedScopes,
  type ConnectionDeps,
} from './register-remote-host.js';

/** How long the learner has to answer the host's consent screen. */
export const PENDING_LIFETIME_MS = 30 * 60_000;

const randomText = (): string => randomBytes(32).toString('base64url');

export const codeChallengeOf = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');

export interface StartedConnection {
  readonly id: string;
  readonly authorizationUrl: string;
}

export const startConnection = async (
  deps: ConnectionDeps,
  userId: string,
  baseUrlInput: string,
): Promise<StartedConnection> => {
  const baseUrl = normaliseBaseUrl(baseUrlInput, deps.http.allowHosts);
  const { description, document } = await readServiceDescription(deps.http, baseUrl);
  const scope = wantedScopes(description);
  const host = await ensureRemoteHost(deps, baseUrl, description, document, scope);
  const id = randomUUID();
  const state = randomText();
  const verifier = randomText();
  const now = deps.clock().toISOString();
  await deps.db.kysely
    .insertInto('wallet_connections')
    .values({
      id,
      user_id: userId,
      remote_host_id: host.id,
      state: 'pending',
      oauth_state: state,
      code_verifier: sealSecret(deps.masterKey, id, 'code_verifier', verifier),
      scope,
      access_token: null,
      refresh_token: null,
      expires_at: null,
      last_error: null,
      last_import_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const url = new URL(description.authorizationUrl);
  const parameters = {
    response_type: 'code',
    client_id: host.client_id,
    redirect_uri: callbackUrlOf(deps.publicUrl),
    scope,
    state,
    code_challenge: codeChallengeOf(verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return { id, authorizationUrl: url.href };
};

export interface CallbackInput {
  readonly state: string;
  readonly code?: string | undefined;
  readonly error?: string | undefined;
  readonly error_description?: string | undefined;
}

const pendingByState = (deps: ConnectionDeps, userId: string, state: string) =>
  deps.db.kysely
    .selectFrom('wallet_connections')
    .selectAll()
    .where('oauth_state', '=', state)
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .executeTakeFirst();

/** Takes the pending connection's `state` out of play, so that it answers one callback only. */
const claimState = async (deps: ConnectionDeps, row: WalletConnectionsTable): Promise<boolean> => {
  const result = await deps.db.kysely
    .updateTable('wallet_connections')
    .set({ oauth_state: null, updated_at: deps.clock().toISOString() })
    .where('id', '=', row.id)
    .where('oauth_state', '=', row.oauth_state)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

const exchangeCode = async (
  deps: ConnectionDeps,
  connection: OpenConnection,
  code: string,
): Promise<void> => {
  const { row, host, description } = connection;
  if (row.code_verifier === null) {
    await failConnection(deps, row.id, 'no code verifier');
    return;
  }
  const verifier = openSecret(deps.masterKey, row.id, 'code_verifier', row.code_verifier);
  const scope = row.scope ?? '';
  let outcome;
  try {
    outcome = await requestTokens(
      deps,
      host,
      description.tokenUrl,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: callbackUrlOf(deps.publicUrl),
        scope,
        code_verifier: verifier,
      },
      scope,
    );
  } catch (error) {
    if (!(error instanceof HostTransportError)) throw error;
    await failConnection(deps, row.id, `token endpoint unreachable: ${error.reason}`);
    return;
  }
  if (!outcome.ok) {
    await failConnection(deps, row.id, `token request refused: ${outcome.reason}`);
    return;
  }
  await deps.db.kysely
    .updateTable('wallet_connections')
    .set({
      ...tokenColumns(deps, row.id, outcome.tokens),
      state: 'connected',
      code_verifier: null,
      last_error: null,
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
};

/** The host sent the learner back: the connection is `connected` or `failed` afterwards. */
export const completeConnection = async (
  deps: ConnectionDeps,
  userId: string,
  input: CallbackInput,
): Promise<string> => {
  const code = input.code?.trim() ?? '';
  const error = input.error?.trim() ?? '';
  if (code === '' && error === '') throw new ServerError('ERR_WALLET_CONNECTION_CALLBACK_INVALID');
  const row = await pendingByState(deps, userId, input.state);
  if (row === undefined || !(await claimState(deps, row))) {
    throw new ServerError('ERR_WALLET_CONNECTION_STATE_UNKNOWN');
  }
  if (deps.clock().getTime() - Date.parse(row.created_at) > PENDING_LIFETIME_MS) {
    await failConnection(deps, row.id, 'expired: the host answered after 30 minutes');
  } else if (error !== '') {
    const description = input.error_description?.trim() ?? '';
    await failConnection(deps, row.id, description === '' ? error : `${error}: ${description}`);
  } else {
    await exchangeCode(deps, await openConnection(deps, userId, row.id), code);
  }
  return row.id;
};
