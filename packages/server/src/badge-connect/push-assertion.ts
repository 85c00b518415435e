/**
 * `POST /ims/ob/v2p1/assertions`: a badge pushed by a Badge Connect client (a Moodle site's
 * "Add to backpack") goes into the account's wallet (ADR 0011), never on the client's word:
 *
 * 1. the signed assertion wins when both forms come; neither → REQUEST_VALIDATION_ERROR;
 * 2. it is verified once by the platform's verifier: a hosted assertion is fetched again from its
 *    `id` (through the guarded fetcher, or in process for our own awards) and what the issuer
 *    serves is what is checked and stored; a signed one is checked against the issuer's key;
 *    only genuine OB 2.0 badges pass (verdict valid, expired, revoked or suspended — the wallet's
 *    rule), anything else is INVALID_BADGE;
 * 3. recipient policy — reject: the verified assertion's recipient must match one of the
 *    account's confirmed e-mail addresses (salted hash or plain), else
 *    RECIPIENT_PROFILE_MISMATCH and nothing is stored;
 * 4. it is imported with the same verification (no second fetch): a badge already in the wallet
 *    (same issuer and assertion id) is merged.
 */
import {
  matchIdentityObject,
  type BadgeVerificationReport,
  type BadgeVerifier,
} from '@akashi/core';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { Verdict } from '../verification/decide-verdict.js';
import {
  importWalletCredential,
  verifyForWallet,
  type ImportResult,
  type WalletDeps,
} from '../wallet/import-wallet-credential.js';
import type { ImportSource } from '../wallet/read-import-input.js';
import type { PostAssertionBodyValue } from './badge-connect-schemas.js';

/** Genuine badges, as the wallet keeps them without asking. */
const GENUINE: ReadonlySet<Verdict> = new Set(['valid', 'expired', 'revoked', 'suspended']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sourceOf = (body: PostAssertionBodyValue): ImportSource => {
  const jws = body.signedAssertion?.trim();
  if (jws !== undefined && jws !== '') return { kind: 'text', input: jws };
  if (body.assertion !== undefined) return { kind: 'object', input: body.assertion };
  throw new ServerError('ERR_BADGE_CONNECT_ASSERTION_MISSING');
};

/** The account's confirmed addresses: its own (when confirmed) and the further ones. */
export const readVerifiedEmails = async (db: Database, userId: string): Promise<string[]> => {
  const own = await db.kysely
    .selectFrom('users')
    .select(['email', 'email_verified_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const further = await db.kysely
    .selectFrom('user_emails')
    .select('email')
    .where('user_id', '=', userId)
    .where('verified_at', 'is not', null)
    .orderBy('created_at')
    .execute();
  return [
    ...(own !== undefined && own.email_verified_at !== null ? [own.email] : []),
    ...further.map((row) => row.email),
  ];
};

const recipientMatches = (assertion: Record<string, unknown>, emails: readonly string[]) => {
  const recipient = assertion.recipient;
  if (!isObject(recipient)) return false;
  const identity = {
    hashed: typeof recipient.hashed === 'boolean' ? recipient.hashed : undefined,
    identity: typeof recipient.identity === 'string' ? recipient.identity : undefined,
    type: typeof recipient.type === 'string' ? recipient.type : undefined,
    salt: typeof recipient.salt === 'string' ? recipient.salt : undefined,
  };
  // OB 2.0: `recipient.type` is the identity property; only e-mail identities are ours to match.
  if (identity.type !== 'email') return false;
  return emails.some((email) => matchIdentityObject(identity, email));
};

/** A verifier that answers with a report already made (the import must not fetch again). */
const answering = (report: BadgeVerificationReport): BadgeVerifier => ({
  verify: () => Promise.resolve(report),
});

export const pushAssertion = async (
  deps: WalletDeps,
  userId: string,
  body: PostAssertionBodyValue,
): Promise<ImportResult> => {
  const source = sourceOf(body);
  const verification = await verifyForWallet(deps, source.input);
  const { report, verdict, explanation } = verification;
  const details = { verdict, explanation };
  if (report.generation !== undefined && report.generation !== 'ob2') {
    throw new ServerError('ERR_BADGE_CONNECT_NOT_OB2', { details });
  }
  if (!GENUINE.has(verdict) || report.credential === undefined || report.generation !== 'ob2') {
    throw new ServerError('ERR_BADGE_CONNECT_INVALID_BADGE', { details });
  }
  if (!recipientMatches(report.credential, await readVerifiedEmails(deps.db, userId))) {
    throw new ServerError('ERR_BADGE_CONNECT_RECIPIENT_MISMATCH');
  }
  return importWalletCredential({ ...deps, verifier: answering(report) }, userId, source, false);
};
