/**
 * Two-factor settings of the signed-in user over HTTP, under /api/v1/account:
 *
 * - `POST /totp` (current password) → secret, otpauth URI, QR code; `POST /totp/confirm`
 *   (a code) → enabled, with recovery codes when it is the first second factor;
 *   `POST /totp/disable` (a code or a recovery code);
 * - `POST /recovery-codes` (current password): ten new recovery codes;
 * - `GET /passkeys`; `POST /passkeys/options` (current password); `POST /passkeys` (the
 *   browser's answer); `DELETE /passkeys/:passkeyId`.
 *
 * Secrets and codes appear in these answers once and are never readable again.
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { originOf } from '../policy/command-origin.js';
import { accountMailFor } from './account-mail.js';
import { requireSignedInUser } from './account-policy.js';
import { Password } from './account-schemas.js';
import { Passkey, PasskeyName, PasskeyOptions, RegistrationResponse } from './passkey-schemas.js';
import { addPasskey, listPasskeys, removePasskey, startAddingPasskey } from './passkey-settings.js';
import { readAccountSummary } from './present-account.js';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.js';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from './totp-settings.js';
import { relyingPartyOf } from './webauthn-challenges.js';

const TAGS = ['two-factor'];

const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });
const CodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

const RecoveryCodes = Type.Array(Type.String(), {
  description: 'Ten one-time codes; shown this once, store them somewhere safe.',
});

const TotpEnrolment = Type.Object(
  {
    secret: Type.String({ description: 'Base32, for typing into an authenticator app.' }),
    uri: Type.String({ description: 'The otpauth:// URI the QR code holds.' }),
    qrCode: Type.String({ description: 'The QR code: an SVG image as a data: URL.' }),
  },
  { additionalProperties: false, title: 'TotpEnrolment' },
);

const TotpEnabled = Type.Object(
  { recoveryCodes: Type.Optional(RecoveryCodes) },
  { additionalProperties: false, title: 'TotpEnabled' },
);

const AddPasskeyBody = Type.Object(
  { name: PasskeyName, response: RegistrationResponse },
  { additionalProperties: false },
);

const PasskeyAdded = Type.Object(
  { passkey: Passkey, recoveryCodes: Type.Optional(RecoveryCodes) },
  { additionalProperties: false, title: 'PasskeyAdded' },
);

export const registerTwoFactorRoutes: RoutePlugin = (app, context) => {
  const { db, clock, config } = context;
  const rp = relyingPartyOf(config.publicUrl);

  app.post(
    '/account/totp',
    {
      schema: {
        summary: 'Start setting up an authenticator app (TOTP)',
        tags: TAGS,
        operationId: 'startTotpEnrolment',
        body: PasswordBody,
        response: { 200: TotpEnrolment },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      const { user } = await readAccountSummary(db, actor.userId);
      const origin = originOf(request, clock);
      return startTotpEnrolment(db, user, request.body.password, origin, config.publicUrl);
    },
  );

  app.post(
    '/account/totp/confirm',
    {
      schema: {
        summary: 'Turn the authenticator app on with a code from it',
        tags: TAGS,
        operationId: 'confirmTotpEnrolment',
        body: CodeBody,
        response: { 200: TotpEnabled },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      const mail = accountMailFor(context, request.log);
      return confirmTotpEnrolment(db, actor, request.body.code, originOf(request, clock), mail);
    },
  );

  app.post(
    '/account/totp/disable',
    {
      schema: {
        summary: 'Turn the authenticator app off with a current code or a recovery code',
        tags: TAGS,
        operationId: 'disableTotp',
        body: CodeBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      const mail = accountMailFor(context, request.log);
      await disableTotp(db, actor, request.body.code, originOf(request, clock), mail);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/account/recovery-codes',
    {
      schema: {
        summary: 'Replace the recovery codes with ten new ones',
        tags: TAGS,
        operationId: 'regenerateRecoveryCodes',
        body: PasswordBody,
        response: {
          200: Type.Object(
            { recoveryCodes: RecoveryCodes },
            { additionalProperties: false, title: 'RecoveryCodes' },
          ),
        },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      const mail = accountMailFor(context, request.log);
      const origin = originOf(request, clock);
      return {
        recoveryCodes: await regenerateRecoveryCodes(
          db,
          actor.userId,
          request.body.password,
          origin,
          mail,
        ),
      };
    },
  );

  app.get(
    '/account/passkeys',
    {
      schema: {
        summary: "The signed-in user's passkeys",
        tags: TAGS,
        operationId: 'listPasskeys',
        response: {
          200: Type.Object(
            { passkeys: Type.Array(Passkey) },
            { additionalProperties: false, title: 'PasskeyList' },
          ),
        },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      return { passkeys: await listPasskeys(db, actor.userId) };
    },
  );

  app.post(
    '/account/passkeys/options',
    {
      schema: {
        summary: 'WebAuthn options for adding a passkey',
        tags: TAGS,
        operationId: 'startAddingPasskey',
        body: PasswordBody,
        response: { 200: PasskeyOptions },
      },
    },
    async (request) => {
      const actor = requireSignedInUser(request.actor);
      const { user } = await readAccountSummary(db, actor.userId);
      return startAddingPasskey(db, user, request.body.password, rp, clock());
    },
  );

  app.post(
    '/account/passkeys',
    {
      schema: {
        summary: "Add a passkey with the browser's answer to the options",
        tags: TAGS,
        operationId: 'addPasskey',
        body: AddPasskeyBody,
        response: { 201: PasskeyAdded },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      const mail = accountMailFor(context, request.log);
      const added = await addPasskey(db, actor, request.body, originOf(request, clock), rp, mail);
      return reply.code(201).send(added);
    },
  );

  app.delete(
    '/account/passkeys/:passkeyId',
    {
      schema: {
        summary: 'Remove a passkey',
        tags: TAGS,
        operationId: 'removePasskey',
        params: Type.Object(
          { passkeyId: Type.String({ minLength: 1, maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = requireSignedInUser(request.actor);
      const mail = accountMailFor(context, request.log);
      await removePasskey(db, actor, request.params.passkeyId, originOf(request, clock), mail);
      return reply.code(204).send(null);
    },
  );
};
