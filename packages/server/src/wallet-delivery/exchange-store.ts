/**
 * The exchanges of wallet delivery (`credential_exchanges`, ADR 0011): one row per "send this
 * award to a wallet app" request, whose id is in every URL the wallet is given (the LCW request
 * link, the VC-API exchange, the interaction URL). An exchange lives 15 minutes and delivers
 * once, by whichever protocol the wallet uses first:
 *
 *   pending ──(VC-API `{}`: the DIDAuthentication request was sent)──▶ active
 *   pending | active ──(a verified DID-auth presentation: claimed atomically)──▶ complete
 *   complete ──(issuing failed after the claim)──▶ invalid
 *
 * OpenID4VCI (part O7) uses the same row: redeeming its pre-authorized code sets an access token
 * and `active`; from then on the exchange is that wallet's, and these endpoints treat it as used.
 * Whichever protocol completes first wins: completion is one atomic state change.
 *
 * The id is 128 random bits in base64url: unguessable, and free of `%` (the LCW decodes the
 * invitation twice). `protocol` is `lcw` until the exchange completes, then the protocol used.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { CredentialExchangesTable, ExchangeProtocol } from '../oauth/oauth-tables.js';

export type ExchangeRow = Selectable<CredentialExchangesTable>;

export const EXCHANGE_TTL_MS = 15 * 60 * 1000;

const EXCHANGE_ID = /^[A-Za-z0-9_-]{22}$/;

/** Whether `value` has the shape of an exchange id. */
export const isExchangeId = (value: string): boolean => EXCHANGE_ID.test(value);

/** A new pending exchange for the award (15 minutes, single use, a fresh challenge). */
export const createExchange = async (
  context: AppContext,
  awardId: string,
): Promise<ExchangeRow> => {
  const now = context.clock();
  const row: ExchangeRow = {
    id: randomBytes(16).toString('base64url'),
    award_id: awardId,
    protocol: 'lcw',
    state: 'pending',
    challenge: randomUUID(),
    pre_authorized_code: null,
    tx_code: null,
    tx_code_failures: 0,
    access_token: null,
    c_nonce: null,
    holder_did: null,
    credential: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + EXCHANGE_TTL_MS).toISOString(),
    completed_at: null,
  };
  await context.db.kysely.insertInto('credential_exchanges').values(row).execute();
  return row;
};

/** The exchange with this id, or `ERR_DELIVERY_EXCHANGE_NOT_FOUND`. */
export const readExchange = async (context: AppContext, id: string): Promise<ExchangeRow> => {
  const row = isExchangeId(id)
    ? await context.db.kysely
        .selectFrom('credential_exchanges')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (row === undefined) throw new ServerError('ERR_DELIVERY_EXCHANGE_NOT_FOUND');
  return row;
};

/** Whether the exchange is past its expiry at `now`. */
export const isExpired = (row: ExchangeRow, now: Date): boolean =>
  Date.parse(row.expires_at) <= now.getTime();

/** The exchange, still usable (not expired, not used), or the error saying why not. */
export const readOpenExchange = async (context: AppContext, id: string): Promise<ExchangeRow> => {
  const row = await readExchange(context, id);
  // An OID4VCI wallet that redeemed the offer (an access token) has taken the exchange.
  if (row.state === 'complete' || row.state === 'invalid' || row.access_token !== null) {
    throw new ServerError('ERR_DELIVERY_EXCHANGE_USED');
  }
  if (isExpired(row, context.clock())) throw new ServerError('ERR_DELIVERY_EXCHANGE_EXPIRED');
  return row;
};

/** Marks a pending exchange active (the VC-API DIDAuthentication request was sent). */
export const markExchangeActive = async (context: AppContext, id: string): Promise<void> => {
  await context.db.kysely
    .updateTable('credential_exchanges')
    .set({ state: 'active' })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
};

/**
 * Claims the exchange for one delivery: one atomic update from pending/active to complete, so
 * two wallets racing with the same exchange cannot both be served. False when another request
 * claimed it first or it has expired meanwhile.
 */
export const claimExchange = async (
  context: AppContext,
  id: string,
  protocol: ExchangeProtocol,
  holderDid: string,
): Promise<boolean> => {
  const now = context.clock().toISOString();
  const result = await context.db.kysely
    .updateTable('credential_exchanges')
    .set({ state: 'complete', protocol, holder_did: holderDid, completed_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['pending', 'active'])
    .where('access_token', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

/** Keeps the credential as delivered (JSON text or a compact JWT). */
export const recordDelivered = async (
  context: AppContext,
  id: string,
  credential: string,
): Promise<void> => {
  await context.db.kysely
    .updateTable('credential_exchanges')
    .set({ credential })
    .where('id', '=', id)
    .execute();
};

/** Marks a claimed exchange invalid: issuing failed after the claim. */
export const invalidateExchange = async (context: AppContext, id: string): Promise<void> => {
  await context.db.kysely
    .updateTable('credential_exchanges')
    .set({ state: 'invalid' })
    .where('id', '=', id)
    .execute();
};
