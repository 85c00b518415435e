/**
 * An award sent by its recipient to their own Open Badges 3.0 host (ADR 0011, "an issuer can
 * push an award into a learner's external host"): no account here is needed. Whoever may hand
 * the award to a wallet (the claim token of the award e-mail, or the signed-in holder:
 * `wallet-delivery/start-delivery.ts`) starts it: discovery and our registration at the host
 * (shared with the wallet's connections) → a pending `award_host_pushes` row with a random
 * `state` and an encrypted PKCE verifier → the host's authorization URL, asking for
 * `credential.upsert` only. The host sends the browser back to `/wallet/connections/callback`;
 * the `state` (unguessable, single use, 30 minutes) alone authorises the rest: the code is
 * exchanged (HTTP Basic, PKCE), the award's credential is upserted once, the host's answer is
 * recorded (`pushed` for 201/200, else `failed` with its `imsx_description`), and the tokens are
 * revoked at the host when it says where, and never stored. The award travels as it is: a
 * revoked or suspended award carries its status list entries, and the view says its state.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { readAward, type Award } from '../awards/award.js';
import type { AwardState } from '../awards/award-tables.js';
import type { AppContext } from '../http/app-context.js';
import { isServerError, ServerError } from '../http/server-error.js';
import type { AwardHostPushesTable, RemoteHostsTable } from '../oauth/oauth-tables.js';
import { OB3_SCOPES } from '../oauth/scopes.js';
import { assertMayDeliver } from '../wallet-delivery/start-delivery.js';
import { codeChallengeOf, PENDING_LIFETIME_MS } from './connect-wallet.js';
import { openSecret, sealSecret } from './connection-secrets.js';
import { requestTokens, type TokenSet } from './connection-tokens.js';
import { hostPost, hostPostForm, HostTransportError, type HostAnswer } from './host-http.js';
import { revocationEndpointOf } from './manage-connections.js';
import {
  normaliseBaseUrl,
  OB3_API_PATH,
  parseServiceDescription,
  readServiceDescription,
  type ServiceDescription,
} from './read-service-description.js';
import {
  callbackUrlOf,
  clientOf,
  ensureRemoteHost,
  readHostById,
  wantedScopes,
  type ConnectionDeps,
} from './register-remote-host.js';

/** A used `state` stays findable under this prefix, so that a replay is told apart. */
const USED = 'used:';
const SCOPE = OB3_SCOPES.credentialUpsert;

const randomText = (): string => randomBytes(32).toString('base64url');

export interface StartedAwardPush {
  readonly id: string;
  readonly authorizationUrl: string;
}

export interface AwardPushView {
  readonly id: string;
  readonly awardId: string;
  readonly state: 'pending' | 'pushed' | 'failed';
  readonly host: { readonly name: string | null; readonly baseUrl: string };
  /** The host's HTTP status for the upsert (201 new, 200 replaced or kept), when it answered. */
  readonly status: number | null;
  /** Why it failed: the host's `imsx_description`, its OAuth error, or ours. */
  readonly description: string | null;
  /** The award's state when it was sent (a revoked or suspended award travels as such). */
  readonly awardState: AwardState;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface PushResult {
  readonly status?: number;
  readonly description?: string;
}

const readPushAward = async (context: AppContext, awardId: string): Promise<Award> => {
  try {
    return await readAward(context.db, awardId);
  } catch (error) {
    if (isServerError(error) && error.code === 'ERR_AWARD_NOT_FOUND') {
      throw new ServerError('ERR_DELIVERY_AWARD_NOT_FOUND', { cause: error });
    }
    throw error;
  }
};

/** The scopes of our registration: those a connection would ask for, else `credential.upsert`. */
const registrationScopes = (description: ServiceDescription): string =>
  description.scopes.includes(OB3_SCOPES.credentialReadonly) ? wantedScopes(description) : SCOPE;

export const startAwardPush = async (
  deps: ConnectionDeps,
  context: AppContext,
  actor: Actor,
  input: { readonly awardId: string; readonly token?: string | undefined; baseUrl: string },
): Promise<StartedAwardPush> => {
  await assertMayDeliver(context, actor, input.awardId, input.token);
  const award = await readPushAward(context, input.awardId);
  const baseUrl = normaliseBaseUrl(input.baseUrl, deps.http.allowHosts);
  const { description, document } = await readServiceDescription(deps.http, baseUrl);
  if (!description.scopes.includes(SCOPE)) {
    throw new ServerError('ERR_WALLET_HOST_PUSH_NOT_SUPPORTED');
  }
  const host = await ensureRemoteHost(
    deps,
    baseUrl,
    description,
    document,
    registrationScopes(description),
  );
  const id = randomUUID();
  const state = randomText();
  const verifier = randomText();
  const now = deps.clock().toISOString();
  await deps.db.kysely
    .insertInto('award_host_pushes')
    .values({
      id,
      award_id: award.id,
      remote_host_id: host.id,
      state: 'pending',
      oauth_state: state,
      code_verifier: sealSecret(deps.masterKey, id, 'code_verifier', verifier),
      result: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const url = new URL(description.authorizationUrl);
  const parameters = {
    response_type: 'code',
    client_id: host.client_id,
    redirect_uri: callbackUrlOf(deps.publicUrl),
    scope: SCOPE,
    state,
    code_challenge: codeChallengeOf(verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return { id, authorizationUrl: url.href };
};

const pushByOauthState = (deps: ConnectionDeps, oauthState: string) =>
  deps.db.kysely
    .selectFrom('award_host_pushes')
    .selectAll()
    .where('oauth_state', '=', oauthState)
    .executeTakeFirst();

/** Takes a pending push's `state` out of play (kept as `used:…` to tell a replay apart). */
const claimPush = async (deps: ConnectionDeps, state: string): Promise<AwardHostPushesTable> => {
  const row = await pushByOauthState(deps, state);
  if (row === undefined) {
    if ((await pushByOauthState(deps, `${USED}${state}`)) !== undefined) {
      throw new ServerError('ERR_WALLET_HOST_PUSH_STATE_USED');
    }
    throw new ServerError('ERR_WALLET_HOST_PUSH_STATE_UNKNOWN');
  }
  const claimed = await deps.db.kysely
    .updateTable('award_host_pushes')
    .set({ oauth_state: `${USED}${state}`, updated_at: deps.clock().toISOString() })
    .where('id', '=', row.id)
    .where('oauth_state', '=', state)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) throw new ServerError('ERR_WALLET_HOST_PUSH_STATE_USED');
  return row;
};

const finish = async (
  deps: ConnectionDeps,
  id: string,
  state: 'pushed' | 'failed',
  result: PushResult,
): Promise<void> => {
  const description = result.description?.slice(0, 500);
  await deps.db.kysely
    .updateTable('award_host_pushes')
    .set({
      state,
      code_verifier: null,
      result: JSON.stringify({ ...result, ...(description === undefined ? {} : { description }) }),
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', id)
    .execute();
};

/** The body of the upsert: the signed JSON credential, else the award's VC-JWT. */
const credentialBody = (award: Award) =>
  award.credential.proof !== undefined || award.credentialJwt === null
    ? { mediaType: 'application/json', body: JSON.stringify(award.credential) }
    : { mediaType: 'text/plain', body: award.credentialJwt };

/** The `imsx_description` of a refusal, else a short reading of the answer. */
const refusalOf = (answer: HostAnswer): string => {
  const json = answer.json as Record<string, unknown> | undefined;
  if (typeof json?.imsx_description === 'string') return json.imsx_description;
  if (typeof json?.error_description === 'string') return json.error_description;
  if (typeof json?.error === 'string') return json.error;
  return `HTTP ${String(answer.status)}`;
};

/** Revokes the tokens at the host when it publishes where (best effort); nothing is stored. */
const revokeTokens = async (
  deps: ConnectionDeps,
  host: RemoteHostsTable,
  description: ServiceDescription,
  tokens: TokenSet,
): Promise<void> => {
  try {
    const endpoint = await revocationEndpointOf(deps, description);
    if (endpoint === undefined) return;
    const client = clientOf(deps.masterKey, host);
    const all = [
      { token: tokens.refreshToken, hint: 'refresh_token' },
      { token: tokens.accessToken, hint: 'access_token' },
    ];
    for (const { token, hint } of all) {
      if (token === null) continue;
      await hostPostForm(deps.http, endpoint, { token, token_type_hint: hint }, client);
    }
  } catch {
    // Best effort: the tokens are forgotten here whatever the host answered.
  }
};

const exchangeAndPush = async (
  deps: ConnectionDeps,
  row: AwardHostPushesTable,
  host: RemoteHostsTable,
  award: Award,
  code: string,
): Promise<{ state: 'pushed' | 'failed'; result: PushResult }> => {
  if (row.code_verifier === null) {
    return { state: 'failed', result: { description: 'no code verifier' } };
  }
  const description = parseServiceDescription(JSON.parse(host.discovery), deps.http.allowHosts);
  const verifier = openSecret(deps.masterKey, row.id, 'code_verifier', row.code_verifier);
  const outcome = await requestTokens(
    deps,
    host,
    description.tokenUrl,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: callbackUrlOf(deps.publicUrl),
      scope: SCOPE,
      code_verifier: verifier,
    },
    SCOPE,
  );
  if (!outcome.ok) {
    return { state: 'failed', result: { description: `token request refused: ${outcome.reason}` } };
  }
  const { mediaType, body } = credentialBody(award);
  try {
    const answer = await hostPost(
      deps.http,
      `${host.base_url}${OB3_API_PATH}/credentials`,
      { authorization: `Bearer ${outcome.tokens.accessToken}`, 'content-type': mediaType },
      body,
    );
    if (answer.status === 200 || answer.status === 201) {
      return { state: 'pushed', result: { status: answer.status } };
    }
    return { state: 'failed', result: { status: answer.status, description: refusalOf(answer) } };
  } finally {
    await revokeTokens(deps, host, description, outcome.tokens);
  }
};

export interface AwardPushCallback {
  readonly state: string;
  readonly code?: string | undefined;
  readonly error?: string | undefined;
  readonly error_description?: string | undefined;
}

/** The host sent the browser back: the push is `pushed` or `failed` afterwards. */
export const completeAwardPush = async (
  deps: ConnectionDeps,
  context: AppContext,
  input: AwardPushCallback,
): Promise<AwardPushView> => {
  const code = input.code?.trim() ?? '';
  const error = input.error?.trim() ?? '';
  const row = await claimPush(deps, input.state);
  const host = await readHostById(deps.db, row.remote_host_id);
  if (host === undefined) throw new ServerError('ERR_WALLET_HOST_PUSH_STATE_UNKNOWN');
  const award = await readPushAward(context, row.award_id);
  let outcome: { state: 'pushed' | 'failed'; result: PushResult };
  if (deps.clock().getTime() - Date.parse(row.created_at) > PENDING_LIFETIME_MS) {
    outcome = {
      state: 'failed',
      result: { description: 'expired: the host answered after 30 minutes' },
    };
  } else if (error !== '') {
    const reason = input.error_description?.trim() ?? '';
    outcome = {
      state: 'failed',
      result: { description: reason === '' ? error : `${error}: ${reason}` },
    };
  } else if (code === '') {
    outcome = {
      state: 'failed',
      result: { description: 'the host sent neither a code nor an error' },
    };
  } else {
    try {
      outcome = await exchangeAndPush(deps, row, host, award, code);
    } catch (caught) {
      if (!(caught instanceof HostTransportError)) throw caught;
      outcome = {
        state: 'failed',
        result: { description: `the host could not be reached: ${caught.reason}` },
      };
    }
  }
  await finish(deps, row.id, outcome.state, outcome.result);
  return viewAwardPush(deps, context, row.id);
};

/** A push as the API shows it. */
export const viewAwardPush = async (
  deps: ConnectionDeps,
  context: AppContext,
  id: string,
): Promise<AwardPushView> => {
  const row = await deps.db.kysely
    .selectFrom('award_host_pushes')
    .innerJoin('remote_hosts', 'remote_hosts.id', 'award_host_pushes.remote_host_id')
    .selectAll('award_host_pushes')
    .select(['remote_hosts.name as host_name', 'remote_hosts.base_url as host_base_url'])
    .where('award_host_pushes.id', '=', id)
    .executeTakeFirstOrThrow();
  const award = await readPushAward(context, row.award_id);
  const result = (row.result === null ? {} : JSON.parse(row.result)) as PushResult;
  return {
    id: row.id,
    awardId: row.award_id,
    state: row.state,
    host: { name: row.host_name, baseUrl: row.host_base_url },
    status: result.status ?? null,
    description: result.description ?? null,
    awardState: award.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
};
