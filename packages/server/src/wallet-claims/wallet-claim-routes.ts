/**
 * Claim links, further e-mail addresses of an account, and deleting an account (ADR 0010), under
 * /api/v1, for a signed-in session (API keys act for organisations, never for a learner: 403):
 *
 * - `POST /wallet/claims`: put an award into the wallet with its e-mail's claim link;
 * - `GET /account/emails`, `POST /account/emails`, `POST /account/emails/verify`,
 *   `DELETE /account/emails/{id}`: the account's further addresses, whose awards come into the
 *   wallet once confirmed;
 * - `DELETE /account`: delete the account and everything that is its own.
 */
import { Type } from '@sinclair/typebox';
import { serializeClearedSessionCookie } from '../auth/session-cookie.js';
import { installRetryAfter } from '../auth/rate-limited-error.js';
import type { RoutePlugin } from '../http/app-context.js';
import { originOf } from '../policy/command-origin.js';
import { accountMailFor } from '../accounts/account-mail.js';
import { requireSignedInUser } from '../accounts/account-policy.js';
import { createPlatformVerifier } from '../verification/platform-verifier.js';
import { presentWalletSummary } from '../wallet/wallet-summary.js';
import {
  addAccountEmail,
  listAccountEmails,
  removeAccountEmail,
  verifyAccountEmail,
} from './account-emails.js';
import { claimAward } from './claim-award.js';
import { deleteAccount } from './delete-account.js';
import {
  AccountEmailsView,
  AddEmailBody,
  ClaimBody,
  ClaimResult,
  DeleteAccountBody,
  EmailParams,
  FurtherAddress,
  VerifyEmailBody,
  VerifyEmailResult,
} from './wallet-claim-schemas.js';

const WALLET = ['wallet'];
const ACCOUNTS = ['accounts'];

export const registerWalletClaimRoutes: RoutePlugin = (app, context) => {
  const { db, clock, config } = context;
  const verifier = createPlatformVerifier(app, context);
  installRetryAfter(app);

  app.post(
    '/wallet/claims',
    {
      schema: {
        summary: "Put an award into the signed-in learner's wallet with its claim link",
        description:
          'The award e-mail links to `/wallet/claim/{awardId}?token=…`; the page sends both here. The award goes into the wallet of the signed-in account, whatever its address, verified at once (its report is stored). 201 with the new wallet badge; 200 when this wallet already holds it (a removed copy comes back). A revoked or suspended award can be claimed and shows as such. 403 ERR_WALLET_CLAIM_TOKEN for a token that is not this award’s; 404 ERR_WALLET_AWARD_NOT_FOUND; 409 ERR_WALLET_CLAIMED_ELSEWHERE when another account’s wallet holds it.',
        tags: WALLET,
        operationId: 'claimWalletAward',
        body: ClaimBody,
        response: { 200: ClaimResult, 201: ClaimResult },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      const { row, created } = await claimAward(
        context,
        verifier,
        actor.userId,
        request.body,
        originOf(request, clock),
      );
      return reply.code(created ? 201 : 200).send({ item: presentWalletSummary(row) });
    },
  );

  app.get(
    '/account/emails',
    {
      schema: {
        summary: "The account's e-mail addresses: its own and the further ones",
        description:
          'Badges awarded to any confirmed address come into the wallet automatically. The account’s own address is the one it signs in with.',
        tags: [...ACCOUNTS, ...WALLET],
        operationId: 'listAccountEmails',
        response: { 200: AccountEmailsView },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      return listAccountEmails(db, actor.userId);
    },
  );

  app.post(
    '/account/emails',
    {
      schema: {
        summary: 'Add a further e-mail address (a confirmation link goes to it)',
        description:
          'The link (`/account/emails/verify?token=…`, valid 48 hours, once) is sent to the new address in the account’s language. 201 with the address, unconfirmed; 200 when it was already waiting for confirmation (a new link is sent). At most 10 further addresses (409 ERR_ACCOUNT_EMAIL_LIMIT); an address confirmed by another account is refused (409 ERR_ACCOUNT_EMAIL_IN_USE); one already confirmed here, or the account’s own, 409 ERR_ACCOUNT_EMAIL_ALREADY_ADDED. Rate-limited per account (429 with Retry-After).',
        tags: [...ACCOUNTS, ...WALLET],
        operationId: 'addAccountEmail',
        body: AddEmailBody,
        response: { 200: FurtherAddress, 201: FurtherAddress },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      const { address, created } = await addAccountEmail(
        db,
        actor.userId,
        request.body.email,
        originOf(request, clock),
        accountMailFor(context, request.log),
      );
      return reply.code(created ? 201 : 200).send(address);
    },
  );

  app.post(
    '/account/emails/verify',
    {
      schema: {
        summary:
          'Confirm a further address with the token from its link; its awards join the wallet',
        description:
          'Only the account that added the address can confirm it, signed in (another account: 400 ERR_ACCOUNT_TOKEN_INVALID). `added` is the number of badges awarded to the address that came into the wallet now.',
        tags: [...ACCOUNTS, ...WALLET],
        operationId: 'verifyAccountEmail',
        body: VerifyEmailBody,
        response: { 200: VerifyEmailResult },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      return verifyAccountEmail(
        context,
        actor.userId,
        request.body.token,
        originOf(request, clock),
      );
    },
  );

  app.delete(
    '/account/emails/:id',
    {
      schema: {
        summary: 'Remove a further e-mail address',
        description:
          'Badges already in the wallet stay; awards made to the address later no longer come in. A confirmation link still unused stops working.',
        tags: [...ACCOUNTS, ...WALLET],
        operationId: 'removeAccountEmail',
        params: EmailParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      await removeAccountEmail(db, actor.userId, request.params.id, originOf(request, clock));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/account',
    {
      schema: {
        summary: 'Delete the account and everything that belongs to it',
        description:
          'Deletes, at once and for good: sessions, passkeys, recovery codes, further addresses, the wallet (badges, collections, share links, public profile) and memberships. Issuers keep their own award records. An account with a password confirms with it (403 ERR_ACCOUNT_PASSWORD_INCORRECT, rate-limited); one without confirms with the second factor given in this session (403 ERR_ACCOUNT_DELETE_REAUTH otherwise). Refused for the last administrator of an organisation (409 ERR_ACCOUNT_LAST_ADMIN) and the only operator (409 ERR_ACCOUNT_LAST_OPERATOR). 204; the session cookie is cleared and a short notice is e-mailed.',
        tags: ACCOUNTS,
        operationId: 'deleteAccount',
        body: DeleteAccountBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      await deleteAccount(
        db,
        actor,
        request.body.password,
        originOf(request, clock),
        accountMailFor(context, request.log),
      );
      return reply.code(204).header('set-cookie', serializeClearedSessionCookie(config)).send(null);
    },
  );
};
