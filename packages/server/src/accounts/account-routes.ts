/**
 * Accounts over HTTP, under /api/v1:
 *
 * - `POST /accounts`: sign up (the confirmation link goes by e-mail);
 * - `POST /accounts/verify-email`: confirm the address with the link's token;
 * - `POST /password-reset` and `POST /password-reset/confirm`: reset a forgotten password;
 * - `GET /account`, `PATCH /account`: the signed-in user's account;
 * - `POST /account/password`: change the password (the current one is needed).
 *
 * Sign-up and reset requests answer 202 whether or not the address has an account.
 */
import { Type } from '@sinclair/typebox';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import type { RoutePlugin } from '../http/app-context.js';
import { pickLanguage } from '../http/pick-language.js';
import { originOf } from '../policy/command-origin.js';
import { accountMailFor } from './account-mail.js';
import { requireSignedInUser } from './account-policy.js';
import {
  Accepted,
  Account,
  ChangePasswordBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  SignUpBody,
  TokenBody,
  UpdateAccountBody,
} from './account-schemas.js';
import { changePassword } from './change-password.js';
import { presentAccount, readAccountSummary } from './present-account.js';
import { requestPasswordReset, resetPassword } from './reset-password.js';
import { signUp } from './sign-up.js';
import { updateAccount } from './update-account.js';
import { verifyEmail } from './verify-email.js';

const TAGS = ['accounts'];
const ACCEPTED = { status: 'accepted' as const };

export const registerAccountRoutes: RoutePlugin = (app, context) => {
  const { db, clock } = context;

  app.post(
    '/accounts',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Sign up with an e-mail address and a password',
        description:
          'Sends a confirmation link (valid 48 hours); the account can sign in once the address is confirmed. The answer is the same whether or not the address already has an account.',
        tags: TAGS,
        operationId: 'signUp',
        body: SignUpBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const locale = request.body.locale ?? pickLanguage(request.headers['accept-language']);
      await signUp(
        db,
        { ...request.body, locale },
        originOf(request, clock),
        accountMailFor(context, request.log),
      );
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/accounts/verify-email',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: "Confirm an account's e-mail address with the token from the link",
        tags: TAGS,
        operationId: 'verifyEmail',
        body: TokenBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await verifyEmail(db, request.body.token, originOf(request, clock));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password-reset',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Ask for a password reset link by e-mail',
        description:
          'The link is valid for 1 hour and works once. The answer is the same whether or not the address has an account.',
        tags: TAGS,
        operationId: 'requestPasswordReset',
        body: PasswordResetRequestBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(
        db,
        request.body.email,
        originOf(request, clock),
        accountMailFor(context, request.log),
      );
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/password-reset/confirm',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: "Set a new password with the reset link's token",
        description: 'Ends every session of the account. Two-factor authentication stays on.',
        tags: TAGS,
        operationId: 'resetPassword',
        body: PasswordResetBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await resetPassword(db, request.body, originOf(request, clock));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/account',
    {
      schema: {
        summary: "The signed-in user's account",
        tags: TAGS,
        operationId: 'readAccount',
        response: { 200: Account },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      return presentAccount(await readAccountSummary(db, actor.userId));
    },
  );

  app.patch(
    '/account',
    {
      schema: {
        summary: 'Change the display name or the language of e-mails',
        tags: TAGS,
        operationId: 'updateAccount',
        body: UpdateAccountBody,
        response: { 200: Account },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      await updateAccount(db, actor.userId, request.body, originOf(request, clock));
      return presentAccount(await readAccountSummary(db, actor.userId));
    },
  );

  app.post(
    '/account/password',
    {
      schema: {
        summary: 'Change the password',
        description: 'Needs the current password; every other session of the account ends.',
        tags: TAGS,
        operationId: 'changePassword',
        body: ChangePasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      const { user } = await readAccountSummary(db, actor.userId);
      await changePassword(db, user, actor.sessionId, request.body, originOf(request, clock));
      return reply.code(204).send(null);
    },
  );
};
