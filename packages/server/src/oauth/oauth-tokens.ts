/**
 * Issuing, rotating and revoking the authorization server's tokens (ADR 0011). Tokens are opaque
 * random strings (256 bits); only their SHA-256 is stored. Access tokens live one hour; refresh
 * tokens live until revoked and are rotated on every use. Every token of one grant carries the
 * grant's code (`code_id`), so a replayed code, a replayed (already rotated) refresh token or the
 * revocation of a refresh token ends the whole grant at once (RFC 6749 §10.5, RFC 7009 §2.1,
 * OAuth 2.0 Security BCP §4.14.2).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import { hashToken } from '../auth/session-token.js';

export const ACCESS_TOKEN_LIFETIME_S = 3600;

export interface TokenAnswer {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
  readonly refresh_token?: string;
}

export interface IssueTokens {
  readonly clientId: string;
  readonly userId: string;
  readonly codeId: string;
  /** The access token's scope. */
  readonly scope: string;
  /** The refresh token's scope (RFC 6749 §6: a rotated one keeps the original); none: no refresh token. */
  readonly refreshScope: string | undefined;
}

const newToken = (): string => randomBytes(32).toString('base64url');

export const issueTokens = async (
  db: Database,
  grant: IssueTokens,
  now: Date,
): Promise<TokenAnswer> => {
  const createdAt = now.toISOString();
  const refreshToken = grant.refreshScope === undefined ? undefined : newToken();
  const refreshId = refreshToken === undefined ? null : hashToken(refreshToken);
  if (refreshId !== null) {
    await db.kysely
      .insertInto('oauth_tokens')
      .values({
        id: refreshId,
        kind: 'refresh',
        client_id: grant.clientId,
        user_id: grant.userId,
        scope: grant.refreshScope ?? grant.scope,
        code_id: grant.codeId,
        refresh_token_id: null,
        created_at: createdAt,
        expires_at: null,
        revoked_at: null,
      })
      .execute();
  }
  const accessToken = newToken();
  await db.kysely
    .insertInto('oauth_tokens')
    .values({
      id: hashToken(accessToken),
      kind: 'access',
      client_id: grant.clientId,
      user_id: grant.userId,
      scope: grant.scope,
      code_id: grant.codeId,
      refresh_token_id: refreshId,
      created_at: createdAt,
      expires_at: new Date(now.getTime() + ACCESS_TOKEN_LIFETIME_S * 1000).toISOString(),
      revoked_at: null,
    })
    .execute();
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    scope: grant.scope,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
  };
};

/** Revokes every live token of one grant (the tokens made from one code). */
export const revokeGrant = async (db: Database, codeId: string, now: Date): Promise<number> => {
  const result = await db.kysely
    .updateTable('oauth_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('code_id', '=', codeId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};

/** Marks a token revoked unless it already was; true when this call revoked it. */
export const claimToken = async (db: Database, tokenId: string, now: Date): Promise<boolean> => {
  const result = await db.kysely
    .updateTable('oauth_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
};

/**
 * RFC 7009: revokes the token if this client owns it. A refresh token takes its whole grant
 * with it (the access tokens it and its predecessors made); an access token goes alone. An
 * unknown token, or one of another client, changes nothing (the endpoint answers 200 either
 * way, so it tells no client whether another's token exists).
 */
export const revokeToken = async (
  db: Database,
  clientId: string,
  token: string,
  now: Date,
): Promise<void> => {
  const row = await db.kysely
    .selectFrom('oauth_tokens')
    .select(['id', 'kind', 'client_id', 'code_id'])
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (row === undefined || row.client_id !== clientId) return;
  if (row.kind === 'refresh' && row.code_id !== null) {
    await revokeGrant(db, row.code_id, now);
    return;
  }
  await claimToken(db, row.id, now);
};

/** Revokes everything an account granted one client (tokens and unused codes). */
export const revokeClientForUser = async (
  db: Database,
  clientId: string,
  userId: string,
  now: Date,
): Promise<number> => {
  const at = now.toISOString();
  await db.kysely
    .updateTable('oauth_codes')
    .set({ used_at: at })
    .where('client_id', '=', clientId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  const result = await db.kysely
    .updateTable('oauth_tokens')
    .set({ revoked_at: at })
    .where('client_id', '=', clientId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};
