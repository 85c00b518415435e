/**
 * The Badge Connect Profile of an account (OB 2.1 `GET|POST /profile`): an OB 2.0 Profile
 * `{ id, type: 'Profile', name, email }` — the display name and the primary confirmed address
 * (the account's own when confirmed, else its first confirmed further address). The `id` is the
 * account's Open Badges API Profile id when the learner has one (`ob3_profiles`, ADR 0011: any
 * IRI), else `urn:uuid:` + the account id.
 *
 * `POST /profile` *adds* identifiers (the spec: the Host may add the new identifiers it is sent).
 * The only identifier property an account holds is `email`: each address not yet on the account
 * becomes a further address waiting for confirmation — the confirmation link goes to it, as in
 * the account settings (`wallet-claims/account-emails.ts`), and the address counts for badges
 * only once confirmed. Other properties (name, url, telephone) are not identifiers this platform
 * keeps and are ignored; nothing is ever removed.
 */
import type { FastifyRequest } from 'fastify';
import { accountMailFor } from '../accounts/account-mail.js';
import { normaliseEmail } from '../accounts/email-address.js';
import type { Actor } from '../auth/actor.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { OAuthGrant } from '../oauth/bearer.js';
import { addAccountEmail } from '../wallet-claims/account-emails.js';
import type { PostProfileBodyValue, ProfileResponseValue } from './badge-connect-schemas.js';
import { readVerifiedEmails } from './push-assertion.js';

type Profile = ProfileResponseValue['profile'];

const profileIdOf = (stored: string | undefined, userId: string): string => {
  if (stored !== undefined) {
    try {
      const value: unknown = JSON.parse(stored);
      if (typeof value === 'object' && value !== null && 'id' in value) {
        const { id } = value;
        if (typeof id === 'string' && id.trim() !== '') return id;
      }
    } catch {
      // An unreadable stored profile: the default id.
    }
  }
  return `urn:uuid:${userId}`;
};

export const readBadgeConnectProfile = async (
  context: AppContext,
  userId: string,
): Promise<Profile> => {
  const { db } = context;
  const user = await db.kysely
    .selectFrom('users')
    .select(['display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user === undefined) throw new ServerError('ERR_BADGE_CONNECT_UNAUTHENTICATED');
  const stored = await db.kysely
    .selectFrom('ob3_profiles')
    .select('profile')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const [email] = await readVerifiedEmails(db, userId);
  return {
    id: profileIdOf(stored?.profile, userId),
    type: 'Profile',
    name: user.display_name,
    ...(email === undefined ? {} : { email }),
  };
};

/** The account as the actor of what a Badge Connect client asks (for the audit log). */
const actorOf = (grant: OAuthGrant): Actor => ({
  kind: 'user',
  userId: grant.userId,
  isOperator: false,
  sessionId: `oauth-client:${grant.clientId}`,
  secondFactor: false,
});

export const addProfileIdentifiers = async (
  context: AppContext,
  request: FastifyRequest,
  grant: OAuthGrant,
  body: PostProfileBodyValue,
): Promise<Profile> => {
  const { db } = context;
  const sent = body.email === undefined ? [] : [body.email].flat();
  const wanted = [...new Set(sent.map(normaliseEmail))];
  if (wanted.length > 0) {
    const own = await db.kysely
      .selectFrom('users')
      .select('email')
      .where('id', '=', grant.userId)
      .executeTakeFirst();
    const further = await db.kysely
      .selectFrom('user_emails')
      .select('email')
      .where('user_id', '=', grant.userId)
      .execute();
    const known = new Set([own?.email, ...further.map((row) => row.email)]);
    for (const email of wanted.filter((address) => !known.has(address))) {
      await addAccountEmail(
        db,
        grant.userId,
        email,
        { actor: actorOf(grant), request, now: context.clock() },
        accountMailFor(context, request.log),
      );
    }
  }
  return readBadgeConnectProfile(context, grant.userId);
};
