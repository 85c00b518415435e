/**
 * `POST /api/v1/awards/{awardId}/exchanges`: starts handing an award to a wallet app. Allowed to
 * whoever holds the award (ADR 0011): the recipient with the claim token of the award e-mail
 * (`wallet-claims/claim-token.ts`), or the signed-in account whose wallet holds it (not
 * removed). The same exchange carries an OpenID4VCI offer (part O7's `createOid4vciOffer`,
 * optionally with a transaction code). The authorisation is checked before the award is read, so a stranger learns nothing
 * about it. A revoked or suspended award is refused. One exchange (15 minutes, single use) serves
 * every protocol; the answer carries its links.
 */
import type { Actor } from '../auth/actor.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { createOid4vciOffer, type Oid4vciOfferLinks } from '../oid4vci/create-offer.js';
import { checkClaimToken } from '../wallet-claims/claim-token.js';
import { buildDeliveryLinks, type DeliveryLinks } from './delivery-links.js';
import { createExchange } from './exchange-store.js';
import { readDeliverableAward } from './issue-holder-bound.js';

export interface ExchangeView extends DeliveryLinks {
  readonly id: string;
  readonly expiresAt: string;
  /** The OpenID4VCI offer of the same exchange (`oid4vci/create-offer.ts`). */
  readonly oid4vci: Oid4vciOfferLinks;
}

const holdsAward = async (context: AppContext, userId: string, awardId: string) =>
  (await context.db.kysely
    .selectFrom('wallet_credentials')
    .select('id')
    .where('award_id', '=', awardId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst()) !== undefined;

/** Throws unless the caller may hand this award to a wallet. */
export const assertMayDeliver = async (
  context: AppContext,
  actor: Actor,
  awardId: string,
  token: string | undefined,
): Promise<void> => {
  if (token !== undefined && token !== '') {
    if (checkClaimToken(context.masterKey.walletClaimKey, awardId, token)) return;
    throw new ServerError('ERR_DELIVERY_FORBIDDEN');
  }
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'user' && (await holdsAward(context, actor.userId, awardId))) return;
  throw new ServerError('ERR_DELIVERY_FORBIDDEN');
};

export const startDelivery = async (
  context: AppContext,
  actor: Actor,
  awardId: string,
  token: string | undefined,
  options: { readonly txCode?: boolean } = {},
): Promise<ExchangeView> => {
  await assertMayDeliver(context, actor, awardId, token);
  const award = await readDeliverableAward(context, awardId);
  const exchange = await createExchange(context, award.id);
  const oid4vci = await createOid4vciOffer(context, exchange, { txCode: options.txCode === true });
  return {
    id: exchange.id,
    expiresAt: exchange.expires_at,
    ...buildDeliveryLinks(context.config.publicUrl, exchange.id, exchange.challenge ?? ''),
    oid4vci,
  };
};
