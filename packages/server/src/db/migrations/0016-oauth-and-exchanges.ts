/**
 * Migration 0016: talking to the rest of the ecosystem (ADR 0011).
 *
 * - `oauth_clients`, `oauth_codes`, `oauth_tokens`: the platform's OAuth 2.0 authorization server
 *   for the Open Badges 3.0 API and Badge Connect 2.1 (dynamic registration, authorization code
 *   with PKCE, refresh, revocation). Secrets, codes and tokens are stored as SHA-256 hashes only.
 *   A code remembers the tokens made from it (`oauth_tokens.code_id`), so a replayed code revokes
 *   them all.
 * - `ob3_profiles`: the Profile an account shows through the Open Badges API (`getProfile` /
 *   `putProfile`), any IRI as its `id`.
 * - `remote_hosts`, `wallet_connections`: this wallet as a client of other Open Badges hosts (our
 *   registration at each host, a learner's tokens there; secrets and tokens encrypted under the
 *   master key).
 * - `award_host_pushes`: an award sent to the recipient's own Open Badges 3.0 host from the award
 *   e-mail's link (the recipient authorises at that host; no account here is needed).
 * - `credential_exchanges`: handing an award to an external wallet (the Learner Credential
 *   Wallet's request link, VC-API exchanges, OpenID for Verifiable Credential Issuance).
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('oauth_clients')
    .addColumn('id', 'text', (c) => c.primaryKey()) // client_id
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull()) // JSON array
    .addColumn('grant_types', 'text', (c) => c.notNull()) // JSON array
    .addColumn('scope', 'text', (c) => c.notNull()) // granted at registration, space-separated
    .addColumn('metadata', 'text', (c) => c.notNull()) // JSON: the registration as echoed
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('oauth_codes')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the code
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('code_challenge', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('oauth_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token
    .addColumn('kind', 'text', (c) => c.notNull()) // access | refresh
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text') // the code it came from (directly or through refreshes)
    .addColumn('refresh_token_id', 'text') // an access token: the refresh token that made it
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text') // null: a refresh token that does not expire
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('oauth_tokens_code').on('oauth_tokens').column('code_id').execute();
  await db.schema
    .createIndex('oauth_tokens_client_user')
    .on('oauth_tokens')
    .columns(['client_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('ob3_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('profile', 'text', (c) => c.notNull()) // JSON Profile
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('remote_hosts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('base_url', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('discovery', 'text', (c) => c.notNull()) // JSON: the service description read
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull()) // encrypted under the master key
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wallet_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('remote_host_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | connected | failed | disconnected
    .addColumn('oauth_state', 'text') // the `state` sent while pending
    .addColumn('code_verifier', 'text') // encrypted, while pending
    .addColumn('scope', 'text')
    .addColumn('access_token', 'text') // encrypted
    .addColumn('refresh_token', 'text') // encrypted
    .addColumn('expires_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_import_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wallet_connections_user')
    .on('wallet_connections')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('wallet_connections_oauth_state')
    .on('wallet_connections')
    .column('oauth_state')
    .execute();

  await db.schema
    .createTable('award_host_pushes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('award_id', 'text', (c) => c.notNull())
    .addColumn('remote_host_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | pushed | failed
    .addColumn('oauth_state', 'text') // the `state` sent while pending
    .addColumn('code_verifier', 'text') // encrypted, while pending
    .addColumn('result', 'text') // JSON: the host's answer (status, description)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('award_host_pushes_oauth_state')
    .on('award_host_pushes')
    .column('oauth_state')
    .execute();

  await db.schema
    .createTable('credential_exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey()) // random, in the exchange URL
    .addColumn('award_id', 'text', (c) => c.notNull())
    .addColumn('protocol', 'text', (c) => c.notNull()) // lcw | vcapi | oid4vci
    .addColumn('state', 'text', (c) => c.notNull()) // pending | active | complete | invalid
    .addColumn('challenge', 'text')
    .addColumn('pre_authorized_code', 'text') // SHA-256
    .addColumn('tx_code', 'text') // SHA-256 of the transaction code, when one is asked
    .addColumn('tx_code_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('access_token', 'text') // SHA-256
    .addColumn('c_nonce', 'text')
    .addColumn('holder_did', 'text')
    .addColumn('credential', 'text') // JSON or JWT as delivered
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('credential_exchanges_award')
    .on('credential_exchanges')
    .column('award_id')
    .execute();
  await db.schema
    .createIndex('credential_exchanges_pre_authorized_code')
    .on('credential_exchanges')
    .column('pre_authorized_code')
    .execute();
  await db.schema
    .createIndex('credential_exchanges_access_token')
    .on('credential_exchanges')
    .column('access_token')
    .execute();
};
