/**
 * The authorization request API behind the consent page (ADR 0011), for a signed-in session:
 * `POST /api/v1/oauth/authorization-requests` checks the request (`authorization-request.ts`) and
 * answers what to show — the consent screen's client and scope labels, a redirect carrying an
 * error the client must receive, or a 400 error to show (never redirected);
 * `POST /api/v1/oauth/authorization-requests/decision` re-checks the same parameters and answers
 * the redirect with a code (approved; audited as `oauth.grant`) or `error=access_denied`.
 * The OAuth plugin is mounted at the root, so the paths are written in full.
 */
import { Type } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import type { UserActor } from '../accounts/guard-second-factor.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { checkAuthorizationRequest, decideAuthorization } from './authorization-request.js';
import { labelScope, splitScope } from './scope-labels.js';

const TAGS = ['oauth'];

const Parameter = (description: string) =>
  Type.Optional(Type.String({ maxLength: 4000, description }));

const parameterFields = {
  response_type: Parameter('Must be `code`.'),
  client_id: Parameter('The registered client.'),
  redirect_uri: Parameter('Exactly one of the client’s registered redirect URIs.'),
  scope: Parameter('Space-separated; each registered for the client.'),
  state: Parameter('Required; returned to the client unchanged.'),
  code_challenge: Parameter('BASE64URL(SHA-256(code_verifier)), 43–128 characters.'),
  code_challenge_method: Parameter('Must be `S256`.'),
};

const AuthorizationRequestBody = Type.Object(parameterFields, {
  additionalProperties: true,
  description: 'The query parameters of `/oauth/authorize` as received (others are ignored).',
});

const DecisionBody = Type.Object(
  {
    ...parameterFields,
    approve: Type.Boolean({ description: 'true: grant access; false: deny.' }),
  },
  { additionalProperties: true },
);

const Localized = Type.Object({ ja: Type.String(), en: Type.String() });

const NormalisedRequest = Type.Object(
  {
    response_type: Type.Literal('code'),
    client_id: Type.String(),
    redirect_uri: Type.String(),
    scope: Type.String(),
    state: Type.String(),
    code_challenge: Type.String(),
    code_challenge_method: Type.Literal('S256'),
  },
  { description: 'The parameters to send back with the decision (hidden form fields).' },
);

const ConsentAnswer = Type.Object(
  {
    kind: Type.Literal('consent'),
    client: Type.Object({
      id: Type.String(),
      name: Type.String(),
      uri: Type.String(),
      logoUri: Type.String(),
      tosUri: Type.String(),
      policyUri: Type.String(),
    }),
    scopes: Type.Array(Type.Object({ scope: Type.String(), label: Localized })),
    request: NormalisedRequest,
  },
  { title: 'OAuthConsent' },
);

const RedirectAnswer = Type.Object(
  {
    kind: Type.Literal('redirect'),
    redirectTo: Type.String({ description: 'Send the browser here (an error for the client).' }),
  },
  { title: 'OAuthRedirect' },
);

const requireSignedIn = (actor: Actor): UserActor => {
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'api-key') throw new ServerError('ERR_OAUTH_SESSION_REQUIRED');
  return actor;
};

export const registerAuthorizationRoutes: RoutePlugin = (app, { db, clock, config }) => {
  const issuer = config.publicUrl;

  app.post(
    '/api/v1/oauth/authorization-requests',
    {
      schema: {
        summary: 'Check an OAuth authorization request for the consent screen',
        description:
          'Signed-in session. Unknown client or unregistered redirect_uri: 400 (show it; never redirect). Any other problem (response_type, missing state, PKCE other than S256, a scope the client did not register): `{kind: "redirect"}` carrying the error for the client. Otherwise `{kind: "consent"}` with the client and the scope labels in Japanese and English.',
        tags: TAGS,
        operationId: 'checkOAuthAuthorizationRequest',
        body: AuthorizationRequestBody,
        response: { 200: Type.Union([ConsentAnswer, RedirectAnswer]) },
      },
    },
    async (request) => {
      requireSignedIn(request.actor);
      const checked = await checkAuthorizationRequest(db, issuer, request.body);
      if (checked.kind === 'redirect') return checked;
      return {
        kind: 'consent' as const,
        client: checked.client,
        scopes: splitScope(checked.request.scope).map(labelScope),
        request: checked.request,
      };
    },
  );

  app.post(
    '/api/v1/oauth/authorization-requests/decision',
    {
      schema: {
        summary: 'Approve or deny an OAuth authorization request',
        description:
          'Signed-in session; the same parameters as the check, plus `approve`. Answers where to send the browser: the redirect URI with `code`, `state`, `scope` and `iss` (approved; the code is single-use and lives 10 minutes) or with `error=access_denied`. The request is checked again: a problem is the same 400 or error redirect as the check.',
        tags: TAGS,
        operationId: 'decideOAuthAuthorizationRequest',
        body: DecisionBody,
        response: { 200: Type.Object({ redirectTo: Type.String() }) },
      },
    },
    async (request) => {
      const user = requireSignedIn(request.actor);
      const checked = await checkAuthorizationRequest(db, issuer, request.body);
      if (checked.kind === 'redirect') return { redirectTo: checked.redirectTo };
      const now = clock();
      const redirectTo = await decideAuthorization(
        db,
        issuer,
        checked.request,
        user.userId,
        request.body.approve,
        now,
      );
      await recordAuditEvent(
        db,
        {
          action: request.body.approve ? 'oauth.grant' : 'oauth.deny',
          actor: user,
          targetType: 'oauth-client',
          targetId: checked.client.id,
          details: { clientName: checked.client.name, scope: checked.request.scope },
          request,
        },
        now,
      );
      return { redirectTo };
    },
  );
};
