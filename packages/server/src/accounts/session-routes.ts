/**
 * Sessions over HTTP, under /api/v1:
 *
 * - `POST /session`: sign in with e-mail and password (sets the `akashi_session` cookie);
 * - `GET /session`: the current session, its CSRF token and whether a second factor is owed;
 * - `DELETE /session`: sign out (clears the cookie);
 * - `POST /session/second-factor`: give the second factor (TOTP, recovery code or passkey);
 * - `POST /session/second-factor/passkey-options`: WebAuthn options for that passkey;
 * - `POST /session/passkey-options` and `POST /session/passkey`: sign in with a passkey alone.
 */
import { Type } from '@sinclair/typebox';
import { serializeClearedSessionCookie, serializeSessionCookie } from '../auth/session-cookie.js';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import type { RoutePlugin } from '../http/app-context.js';
import { originOf } from '../policy/command-origin.js';
import { accountMailFor } from './account-mail.js';
import { requireSignedInUser } from './account-policy.js';
import { Session, SignInBody } from './account-schemas.js';
import { completeSecondFactor } from './complete-second-factor.js';
import { startPasskeyAuthentication } from './passkey-authentication.js';
import { AuthenticationResponse, PasskeyOptions } from './passkey-schemas.js';
import { presentSession, readAccountSummary } from './present-account.js';
import { signIn } from './sign-in.js';
import { signInWithPasskey, startPasskeySignIn } from './sign-in-with-passkey.js';
import { signOut } from './sign-out.js';
import { relyingPartyOf } from './webauthn-challenges.js';

const TAGS = ['session'];

const SecondFactorBody = Type.Union(
  [
    Type.Object(
      { method: Type.Literal('totp'), code: Type.String({ maxLength: 16 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { method: Type.Literal('recovery-code'), code: Type.String({ maxLength: 64 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { method: Type.Literal('passkey'), response: AuthenticationResponse },
      { additionalProperties: false },
    ),
  ],
  { title: 'SecondFactor' },
);

const PasskeySignInBody = Type.Object(
  { response: AuthenticationResponse },
  { additionalProperties: false },
);

export const registerSessionRoutes: RoutePlugin = (app, context) => {
  const { db, clock, config } = context;
  const rp = relyingPartyOf(config.publicUrl);

  const readSession = async (sessionId: string) =>
    db.kysely
      .selectFrom('sessions')
      .select([
        'csrf_token as csrfToken',
        'expires_at as expiresAt',
        'second_factor_at as secondFactorAt',
      ])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();

  app.post(
    '/session',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Sign in with e-mail and password',
        description:
          'Sets the session cookie and returns the CSRF token. When `secondFactor.status` is `required`, the session serves only the second-factor routes until one is given.',
        tags: TAGS,
        operationId: 'signIn',
        body: SignInBody,
        response: { 200: Session },
      },
    },
    async (request, reply) => {
      const { session, summary } = await signIn(
        db,
        { ...request.body, userAgent: request.headers['user-agent'] ?? null },
        originOf(request, clock),
        accountMailFor(context, request.log),
      );
      void reply.header('set-cookie', serializeSessionCookie(session.token, config));
      return presentSession(session, summary);
    },
  );

  app.get(
    '/session',
    {
      config: { allowPendingSecondFactor: true },
      schema: {
        summary: 'The current session, its CSRF token and its second-factor state',
        tags: TAGS,
        operationId: 'readSession',
        response: { 200: Session },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      const session = await readSession(actor.sessionId);
      return presentSession(session, await readAccountSummary(db, actor.userId));
    },
  );

  app.delete(
    '/session',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Sign out: end the session and clear its cookie',
        tags: TAGS,
        operationId: 'signOut',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === 'user') {
        await signOut(db, request.actor, originOf(request, clock));
      }
      return reply.code(204).header('set-cookie', serializeClearedSessionCookie(config)).send(null);
    },
  );

  app.post(
    '/session/second-factor',
    {
      config: { allowPendingSecondFactor: true },
      schema: {
        summary: 'Finish signing in with a TOTP code, a recovery code or a passkey',
        tags: TAGS,
        operationId: 'giveSecondFactor',
        body: SecondFactorBody,
        response: { 200: Session },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      const summary = await completeSecondFactor(
        db,
        actor,
        request.body,
        originOf(request, clock),
        rp,
      );
      return presentSession(await readSession(actor.sessionId), summary);
    },
  );

  app.post(
    '/session/second-factor/passkey-options',
    {
      config: { allowPendingSecondFactor: true },
      schema: {
        summary: "WebAuthn options for giving the second factor with one of the account's passkeys",
        tags: TAGS,
        operationId: 'startSecondFactorPasskey',
        response: { 200: PasskeyOptions },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      return startPasskeyAuthentication(db, actor.userId, rp, clock());
    },
  );

  app.post(
    '/session/passkey-options',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'WebAuthn options for signing in with a passkey alone (no e-mail or password)',
        tags: TAGS,
        operationId: 'startPasskeySignIn',
        response: { 200: PasskeyOptions },
      },
    },
    async (request) => startPasskeySignIn(db, originOf(request, clock), rp),
  );

  app.post(
    '/session/passkey',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Sign in with a passkey alone',
        description:
          'The passkey must verify the user (PIN or biometrics): the session needs no other second factor.',
        tags: TAGS,
        operationId: 'signInWithPasskey',
        body: PasskeySignInBody,
        response: { 200: Session },
      },
    },
    async (request, reply) => {
      const { session, summary } = await signInWithPasskey(
        db,
        { response: request.body.response, userAgent: request.headers['user-agent'] ?? null },
        originOf(request, clock),
        rp,
      );
      void reply.header('set-cookie', serializeSessionCookie(session.token, config));
      return presentSession(session, summary);
    },
  );
};
