/**
 * Adding a passkey to the signed-in user's account: options (with the user's existing passkeys
 * excluded), then the browser's answer, verified against the stored challenge, the origin and
 * the RP ID ('none' attestation: Akashi does not restrict authenticator models). The passkey's
 * public key, counter and transports are stored; the private key never leaves the authenticator.
 */
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { ServerError } from '../http/server-error.js';
import type { Passkey, RegistrationResponse } from './passkey-schemas.js';
import type { UserRow } from './present-account.js';
import {
  parseTransports,
  storeWebauthnChallenge,
  SUPPORTED_ALGORITHMS,
  takeWebauthnChallenge,
  type RelyingParty,
} from './webauthn-challenges.js';

export const startPasskeyRegistration = async (
  db: Database,
  user: UserRow,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> => {
  const existing = await db.kysely
    .selectFrom('passkeys')
    .select(['id', 'transports'])
    .where('user_id', '=', user.id)
    .execute();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    userDisplayName: user.display_name,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      transports: parseTransports(passkey.transports),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
  await storeWebauthnChallenge(db, {
    challenge: options.challenge,
    userId: user.id,
    purpose: 'register',
    now,
  });
  return options;
};

/** Verifies the browser's answer and stores the passkey; ERR_AUTH_PASSKEY_INVALID if it fails. */
export const finishPasskeyRegistration = async (
  db: Database,
  user: UserRow,
  { name, response }: { readonly name: string; readonly response: RegistrationResponse },
  rp: RelyingParty,
  now: Date,
): Promise<Passkey> => {
  const challenge = await takeWebauthnChallenge(db, {
    clientDataJSON: response.response.clientDataJSON,
    userId: user.id,
    purpose: 'register',
    now,
  });
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch (error) {
    throw new ServerError('ERR_AUTH_PASSKEY_INVALID', { cause: error });
  }
  if (!verification.verified) throw new ServerError('ERR_AUTH_PASSKEY_INVALID');
  const { credential } = verification.registrationInfo;
  const createdAt = now.toISOString();
  try {
    await db.kysely
      .insertInto('passkeys')
      .values({
        id: credential.id,
        user_id: user.id,
        name,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: JSON.stringify(response.response.transports ?? credential.transports ?? []),
        created_at: createdAt,
        last_used_at: null,
      })
      .execute();
  } catch (error) {
    // The same authenticator credential registered twice.
    if (isUniqueViolation(error))
      throw new ServerError('ERR_AUTH_PASSKEY_INVALID', { cause: error });
    throw error;
  }
  return { id: credential.id, name, createdAt, lastUsedAt: null };
};
