/**
 * WebAuthn challenges and the relying party. A challenge is stored when options are handed out
 * (`webauthn_challenges`, five minutes) and taken, at most once, when the browser's answer comes
 * back: the answer's clientDataJSON names its challenge, so no other id travels with it. The
 * relying party is the platform's public origin: its host is the RP ID, the origin itself the
 * only origin accepted.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import type { WebauthnChallengesTable } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';

export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

export interface RelyingParty {
  /** The RP ID: the host name of PUBLIC_URL. */
  readonly id: string;
  readonly name: string;
  /** PUBLIC_URL, the origin the browser reports. */
  readonly origin: string;
}

export const relyingPartyOf = (publicUrl: string): RelyingParty => ({
  id: new URL(publicUrl).hostname,
  name: 'Akashi',
  origin: publicUrl,
});

/** The COSE algorithms offered and accepted: EdDSA, ES256, RS256. */
export const SUPPORTED_ALGORITHMS = [-8, -7, -257];

type Purpose = WebauthnChallengesTable['purpose'];

export const storeWebauthnChallenge = async (
  db: Database,
  options: { challenge: string; userId: string | null; purpose: Purpose; now: Date },
): Promise<void> => {
  const { now } = options;
  await db.kysely
    .deleteFrom('webauthn_challenges')
    .where('expires_at', '<=', now.toISOString())
    .execute();
  await db.kysely
    .insertInto('webauthn_challenges')
    .values({
      id: randomUUID(),
      user_id: options.userId,
      challenge: options.challenge,
      purpose: options.purpose,
      expires_at: new Date(now.getTime() + CHALLENGE_LIFETIME_MS).toISOString(),
    })
    .execute();
};

/** The challenge a clientDataJSON (base64url) carries, or undefined when it cannot be read. */
export const readClientDataChallenge = (clientDataJSON: string): string | undefined => {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as unknown;
    const challenge =
      typeof data === 'object' && data !== null
        ? (data as { challenge?: unknown }).challenge
        : undefined;
    return typeof challenge === 'string' && challenge.length > 0 ? challenge : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Takes (deletes) the challenge the answer refers to and returns it: ERR_AUTH_PASSKEY_INVALID
 * when the answer names none, ERR_AUTH_CHALLENGE_EXPIRED when it is unknown, used, expired, of
 * another purpose or for another user.
 */
export const takeWebauthnChallenge = async (
  db: Database,
  options: { clientDataJSON: string; userId: string | null; purpose: Purpose; now: Date },
): Promise<string> => {
  const challenge = readClientDataChallenge(options.clientDataJSON);
  if (challenge === undefined) throw new ServerError('ERR_AUTH_PASSKEY_INVALID');
  const row = await db.kysely
    .deleteFrom('webauthn_challenges')
    .where('challenge', '=', challenge)
    .where('purpose', '=', options.purpose)
    .returning(['user_id', 'expires_at'])
    .executeTakeFirst();
  if (
    row === undefined ||
    row.expires_at <= options.now.toISOString() ||
    row.user_id !== options.userId
  ) {
    throw new ServerError('ERR_AUTH_CHALLENGE_EXPIRED');
  }
  return challenge;
};

export const parseTransports = (stored: string): string[] => {
  const parsed = JSON.parse(stored) as unknown;
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
};
