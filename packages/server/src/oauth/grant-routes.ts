/**
 * What an account granted, under /api/v1 (signed-in session): `GET /account/oauth-grants` lists
 * the applications holding live tokens for the account (scopes, first granted, last token
 * issued); `DELETE /account/oauth-grants/{clientId}` revokes every token and unused code that
 * application holds for the account (audited as `oauth.revoke`), effective at once.
 */
import { Type } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import type { UserActor } from '../accounts/guard-second-factor.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { revokeClientForUser } from './oauth-tokens.js';
import { labelScope, splitScope } from './scope-labels.js';

const TAGS = ['oauth'];

const requireSignedIn = (actor: Actor): UserActor => {
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'api-key') throw new ServerError('ERR_OAUTH_SESSION_REQUIRED');
  return actor;
};

const OAuthGrant = Type.Object(
  {
    clientId: Type.String(),
    name: Type.String(),
    uri: Type.String({ description: 'The application’s home page (client_uri).' }),
    scopes: Type.Array(
      Type.Object({
        scope: Type.String(),
        label: Type.Object({ ja: Type.String(), en: Type.String() }),
      }),
      { description: 'Everything the live tokens allow, with labels.' },
    ),
    grantedAt: Type.String({ description: 'When the oldest live token was issued.' }),
    lastIssuedAt: Type.String({ description: 'When the newest token was issued (a refresh).' }),
  },
  { title: 'OAuthGrant' },
);

export interface GrantSummary {
  readonly clientId: string;
  readonly name: string;
  readonly uri: string;
  readonly scopes: { scope: string; label: { ja: string; en: string } }[];
  readonly grantedAt: string;
  readonly lastIssuedAt: string;
}

/** The live grants of an account: refresh tokens not revoked, access tokens not expired. */
export const listGrants = async (
  db: Database,
  userId: string,
  now: Date,
): Promise<GrantSummary[]> => {
  const rows = await db.kysely
    .selectFrom('oauth_tokens')
    .innerJoin('oauth_clients', 'oauth_clients.id', 'oauth_tokens.client_id')
    .select([
      'oauth_tokens.client_id as clientId',
      'oauth_tokens.scope as scope',
      'oauth_tokens.created_at as createdAt',
      'oauth_clients.name as name',
      'oauth_clients.metadata as metadata',
    ])
    .where('oauth_tokens.user_id', '=', userId)
    .where('oauth_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('oauth_tokens.kind', '=', 'refresh'),
        eb('oauth_tokens.expires_at', '>', now.toISOString()),
      ]),
    )
    .where('oauth_clients.disabled_at', 'is', null)
    .orderBy('oauth_tokens.created_at')
    .execute();
  const grants = new Map<string, { grant: GrantSummary; scopes: Set<string> }>();
  for (const row of rows) {
    let entry = grants.get(row.clientId);
    if (entry === undefined) {
      const metadata = JSON.parse(row.metadata) as { client_uri?: string };
      entry = {
        grant: {
          clientId: row.clientId,
          name: row.name,
          uri: metadata.client_uri ?? '',
          scopes: [],
          grantedAt: row.createdAt,
          lastIssuedAt: row.createdAt,
        },
        scopes: new Set(),
      };
      grants.set(row.clientId, entry);
    }
    for (const scope of splitScope(row.scope)) entry.scopes.add(scope);
    entry.grant = { ...entry.grant, lastIssuedAt: row.createdAt };
  }
  return [...grants.values()].map(({ grant, scopes }) => ({
    ...grant,
    scopes: [...scopes].map(labelScope),
  }));
};

export const registerGrantRoutes: RoutePlugin = (app, { db, clock }) => {
  app.get(
    '/api/v1/account/oauth-grants',
    {
      schema: {
        summary: 'List the applications the account has granted access',
        description:
          'Signed-in session. One entry per application that holds a live token for the account (a refresh token not revoked, or an access token not expired), oldest grant first.',
        tags: TAGS,
        operationId: 'listOAuthGrants',
        response: { 200: Type.Object({ grants: Type.Array(OAuthGrant) }) },
      },
    },
    async (request) => {
      const user = requireSignedIn(request.actor);
      return { grants: await listGrants(db, user.userId, clock()) };
    },
  );

  app.delete(
    '/api/v1/account/oauth-grants/:clientId',
    {
      schema: {
        summary: 'Revoke an application’s access to the account',
        description:
          'Signed-in session. Revokes every token and unused authorization code the application holds for the account, at once; its API calls fail from now on. 204 also when nothing was live; 404 ERR_OAUTH_GRANT_NOT_FOUND for an unknown application.',
        tags: TAGS,
        operationId: 'revokeOAuthGrant',
        params: Type.Object(
          { clientId: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const user = requireSignedIn(request.actor);
      const { clientId } = request.params;
      const client = await db.kysely
        .selectFrom('oauth_clients')
        .select(['id', 'name'])
        .where('id', '=', clientId)
        .executeTakeFirst();
      if (client === undefined) throw new ServerError('ERR_OAUTH_GRANT_NOT_FOUND');
      const now = clock();
      const revoked = await revokeClientForUser(db, client.id, user.userId, now);
      await recordAuditEvent(
        db,
        {
          action: 'oauth.revoke',
          actor: user,
          targetType: 'oauth-client',
          targetId: client.id,
          details: { clientName: client.name, tokensRevoked: revoked },
          request,
        },
        now,
      );
      return reply.code(204).send(null);
    },
  );
};
