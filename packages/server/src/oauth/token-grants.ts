/**
 * The two grants of `POST /oauth/token` (RFC 6749 §4.1.3 and §6, with PKCE, RFC 7636 §4.6).
 *
 * Authorization code: the code must be known, of this client, unused, unexpired, for the same
 * `redirect_uri`, and BASE64URL(SHA-256(code_verifier)) must equal its challenge. The verifier
 * is accepted as 43–128 printable non-space ASCII characters, wider than RFC 7636's unreserved
 * set, because deployed clients (the 1EdTech example) send `/` and `=` (PROTOCOLS.md §1.4). A
 * code is claimed before it is checked, so one that fails a check is spent; a second use of a
 * code is `invalid_grant` and revokes every token made from it.
 * Refresh: the token is rotated (the old one revoked, a new one issued with the same scope and
 * grant); `scope` may narrow the new access token, never widen it; a refresh token used a
 * second time ends the whole grant. A refresh token is issued whenever the client registered the
 * `refresh_token` grant; `offline_access` is not required.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../auth/actor.js';
import { hashToken } from '../auth/session-token.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import type { AuthenticatedClient } from './client-authentication.js';
import type { FormParameters } from './oauth-form.js';
import { OAuthProtocolError } from './oauth-protocol-error.js';
import { claimToken, issueTokens, revokeGrant, type TokenAnswer } from './oauth-tokens.js';
import { splitScope } from './scope-labels.js';

const VERIFIER = /^[\x21-\x7E]{43,128}$/;

const required = (form: FormParameters, name: string): string => {
  const value = form[name];
  if (value === undefined || value === '') {
    throw new OAuthProtocolError('invalid_request', `${name} is required.`);
  }
  return value;
};

const invalidGrant = (description: string) => new OAuthProtocolError('invalid_grant', description);

/** The scope of the answer: `requested` (when given) must lie within `granted`. */
const narrowScope = (granted: string, requested: string | undefined): string => {
  if (requested === undefined) return granted;
  const asked = splitScope(requested);
  const allowed = splitScope(granted);
  if (asked.length === 0) return granted;
  if (!asked.every((scope) => allowed.includes(scope))) {
    throw new OAuthProtocolError('invalid_scope', 'scope is wider than the grant.');
  }
  return asked.join(' ');
};

const isUserDisabled = async (db: Database, userId: string): Promise<boolean> => {
  const user = await db.kysely
    .selectFrom('users')
    .select('disabled_at')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user === undefined || user.disabled_at !== null;
};

const auditReplay = async (
  db: Database,
  request: FastifyRequest,
  what: 'code' | 'refresh-token',
  clientId: string,
  revoked: number,
  now: Date,
) =>
  recordAuditEvent(
    db,
    {
      action: 'oauth.replay',
      actor: ANONYMOUS,
      targetType: 'oauth-client',
      targetId: clientId,
      details: { replayed: what, tokensRevoked: revoked },
      request,
    },
    now,
  );

export const exchangeCode = async (
  db: Database,
  client: AuthenticatedClient,
  form: FormParameters,
  request: FastifyRequest,
  now: Date,
): Promise<TokenAnswer> => {
  const codeId = hashToken(required(form, 'code'));
  const redirectUri = required(form, 'redirect_uri');
  const verifier = required(form, 'code_verifier');
  if (!VERIFIER.test(verifier)) {
    throw new OAuthProtocolError('invalid_request', 'code_verifier must be 43-128 characters.');
  }
  const code = await db.kysely
    .selectFrom('oauth_codes')
    .selectAll()
    .where('id', '=', codeId)
    .executeTakeFirst();
  if (code === undefined || code.client_id !== client.id) {
    throw invalidGrant('The code is unknown or was issued to another client.');
  }
  const claimed =
    code.used_at === null &&
    (
      await db.kysely
        .updateTable('oauth_codes')
        .set({ used_at: now.toISOString() })
        .where('id', '=', codeId)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows === 1n;
  if (!claimed) {
    const revoked = await revokeGrant(db, codeId, now);
    await auditReplay(db, request, 'code', client.id, revoked, now);
    throw invalidGrant('The code was already used; the tokens issued from it are revoked.');
  }
  if (Date.parse(code.expires_at) <= now.getTime()) throw invalidGrant('The code has expired.');
  if (code.redirect_uri !== redirectUri) {
    throw invalidGrant('redirect_uri differs from the authorization request.');
  }
  const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  if (challenge !== code.code_challenge) {
    throw invalidGrant('code_verifier does not match the code_challenge.');
  }
  if (await isUserDisabled(db, code.user_id)) throw invalidGrant('The account is disabled.');
  const scope = narrowScope(code.scope, form.scope);
  return issueTokens(
    db,
    {
      clientId: client.id,
      userId: code.user_id,
      codeId,
      scope,
      refreshScope: client.grantTypes.includes('refresh_token') ? code.scope : undefined,
    },
    now,
  );
};

export const refreshTokens = async (
  db: Database,
  client: AuthenticatedClient,
  form: FormParameters,
  request: FastifyRequest,
  now: Date,
): Promise<TokenAnswer> => {
  if (!client.grantTypes.includes('refresh_token')) {
    throw new OAuthProtocolError(
      'unauthorized_client',
      'The client did not register the refresh_token grant.',
    );
  }
  const tokenId = hashToken(required(form, 'refresh_token'));
  const token = await db.kysely
    .selectFrom('oauth_tokens')
    .selectAll()
    .where('id', '=', tokenId)
    .where('kind', '=', 'refresh')
    .executeTakeFirst();
  if (token === undefined || token.client_id !== client.id || token.code_id === null) {
    throw invalidGrant('The refresh token is unknown or was issued to another client.');
  }
  const scope = narrowScope(token.scope, form.scope);
  if (!(await claimToken(db, tokenId, now))) {
    const revoked = await revokeGrant(db, token.code_id, now);
    if (revoked > 0) await auditReplay(db, request, 'refresh-token', client.id, revoked, now);
    throw invalidGrant('The refresh token is revoked or was already used.');
  }
  if (await isUserDisabled(db, token.user_id)) throw invalidGrant('The account is disabled.');
  return issueTokens(
    db,
    {
      clientId: client.id,
      userId: token.user_id,
      codeId: token.code_id,
      scope,
      refreshScope: token.scope,
    },
    now,
  );
};
