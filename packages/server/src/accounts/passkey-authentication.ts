/**
 * Checking a passkey: options (the user's own passkeys for a second factor; none listed for a
 * passkey-only sign-in, where the authenticator offers its discoverable credentials), then the
 * browser's signed assertion, verified against the stored challenge, origin, RP ID and public key.
 * The signature counter is kept, so a cloned authenticator that repeats a count is refused. A
 * passkey-only sign-in requires user verification (PIN or biometrics): it is then two factors.
 */
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { AuthenticationResponse } from './passkey-schemas.js';
import {
  parseTransports,
  storeWebauthnChallenge,
  takeWebauthnChallenge,
  type RelyingParty,
} from './webauthn-challenges.js';

/** Options for `userId`'s passkeys, or for any discoverable passkey when `userId` is null. */
export const startPasskeyAuthentication = async (
  db: Database,
  userId: string | null,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> => {
  const passkeys =
    userId === null
      ? undefined
      : await db.kysely
          .selectFrom('passkeys')
          .select(['id', 'transports'])
          .where('user_id', '=', userId)
          .execute();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    ...(passkeys === undefined
      ? {}
      : {
          allowCredentials: passkeys.map((passkey) => ({
            id: passkey.id,
            transports: parseTransports(passkey.transports),
          })),
        }),
    userVerification: userId === null ? 'required' : 'preferred',
  });
  await storeWebauthnChallenge(db, {
    challenge: options.challenge,
    userId,
    purpose: 'authenticate',
    now,
  });
  return options;
};

export interface VerifiedPasskey {
  readonly userId: string;
  readonly passkeyId: string;
}

/**
 * Verifies an assertion made for `userId` (or, when null, for whichever account owns the
 * passkey) and records the use. ERR_AUTH_PASSKEY_INVALID when it does not verify.
 */
export const verifyPasskeyAssertion = async (
  db: Database,
  {
    userId,
    response,
  }: { readonly userId: string | null; readonly response: AuthenticationResponse },
  rp: RelyingParty,
  now: Date,
): Promise<VerifiedPasskey> => {
  const challenge = await takeWebauthnChallenge(db, {
    clientDataJSON: response.response.clientDataJSON,
    userId,
    purpose: 'authenticate',
    now,
  });
  const passkey = await db.kysely
    .selectFrom('passkeys')
    .selectAll()
    .where('id', '=', response.id)
    .executeTakeFirst();
  if (passkey === undefined || (userId !== null && passkey.user_id !== userId)) {
    throw new ServerError('ERR_AUTH_PASSKEY_INVALID');
  }
  const { userHandle } = response.response;
  if (
    userHandle !== undefined &&
    userHandle !== '' &&
    userHandle !== Buffer.from(passkey.user_id, 'utf8').toString('base64url')
  ) {
    throw new ServerError('ERR_AUTH_PASSKEY_INVALID');
  }
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
        counter: passkey.counter,
        transports: parseTransports(passkey.transports),
      },
      requireUserVerification: userId === null,
    });
  } catch (error) {
    throw new ServerError('ERR_AUTH_PASSKEY_INVALID', { cause: error });
  }
  if (!verification.verified) throw new ServerError('ERR_AUTH_PASSKEY_INVALID');
  await db.kysely
    .updateTable('passkeys')
    .set({ counter: verification.authenticationInfo.newCounter, last_used_at: now.toISOString() })
    .where('id', '=', passkey.id)
    .execute();
  return { userId: passkey.user_id, passkeyId: passkey.id };
};
