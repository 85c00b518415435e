/**
 * The token endpoint's one grant (OID4VCI 1.0 §6): a pre-authorized code, with the transaction
 * code when the offer asked for one (`tx_code`; draft 13 called it `user_pin`), for an access
 * token that lets the wallet fetch the exchange's one credential. No client authentication:
 * wallets taking a pre-authorized offer are anonymous.
 *
 * - The code is single use. Presenting it again while its token is live ends the exchange (the
 *   token stops working): a replayed code means someone else has it (RFC 6749 §4.1.2).
 * - A wrong transaction code is `invalid_grant`; the fifth wrong one ends the exchange.
 * - The access token lives 10 minutes from now, and the exchange with it.
 */
import { sql } from 'kysely';
import type { AppContext } from '../http/app-context.js';
import { PRE_AUTHORIZED_CODE_GRANT } from './oid4vci-metadata.js';
import { Oid4vciError } from './oid4vci-protocol-error.js';
import {
  C_NONCE_LIFETIME_SECONDS,
  createSecret,
  hashSecret,
  issueCNonce,
  matchesHash,
} from './oid4vci-secrets.js';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 600;
export const MAX_TX_CODE_FAILURES = 5;

export interface Oid4vciTokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  /** Draft 13 wallets take their first nonce from here. */
  readonly c_nonce: string;
  readonly c_nonce_expires_in: number;
}

const refuse = (description: string): Oid4vciError =>
  new Oid4vciError('invalid_grant', description);

/** Counts a wrong transaction code; the fifth ends the exchange. */
const countTxCodeFailure = async (context: AppContext, id: string): Promise<void> => {
  await context.db.kysely
    .updateTable('credential_exchanges')
    .set({
      tx_code_failures: sql<number>`tx_code_failures + 1`,
      state: sql<
        'pending' | 'invalid'
      >`case when tx_code_failures + 1 >= ${MAX_TX_CODE_FAILURES} then 'invalid' else state end`,
    })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
};

export const redeemPreAuthorizedCode = async (
  context: AppContext,
  form: Readonly<Record<string, string>>,
): Promise<Oid4vciTokenResponse> => {
  const grantType = form.grant_type;
  if (grantType === undefined || grantType === '') {
    throw new Oid4vciError('invalid_request', 'grant_type is missing.');
  }
  if (grantType !== PRE_AUTHORIZED_CODE_GRANT) {
    throw new Oid4vciError(
      'unsupported_grant_type',
      `Only ${PRE_AUTHORIZED_CODE_GRANT} is served here.`,
    );
  }
  const code = form['pre-authorized_code'];
  if (code === undefined || code === '') {
    throw new Oid4vciError('invalid_request', 'pre-authorized_code is missing.');
  }
  const codeHash = hashSecret(code);
  const { db } = context;
  const row = await db.kysely
    .selectFrom('credential_exchanges')
    .select(['id', 'state', 'tx_code', 'expires_at', 'access_token'])
    .where('pre_authorized_code', '=', codeHash)
    .executeTakeFirst();
  if (row === undefined) throw refuse('The pre-authorized code is not known.');
  const now = context.clock();
  if (row.access_token !== null) {
    // The code was redeemed before: whatever it opened is closed.
    await db.kysely
      .updateTable('credential_exchanges')
      .set({ state: 'invalid' })
      .where('id', '=', row.id)
      .where('state', '=', 'active')
      .execute();
    throw refuse('The pre-authorized code has already been used; the exchange is now closed.');
  }
  // Not pending: done, ended, or taken up by another protocol of the same exchange (VC-API).
  if (row.state !== 'pending') throw refuse('The pre-authorized code is no longer valid.');
  if (row.expires_at <= now.toISOString()) throw refuse('The pre-authorized code has expired.');
  if (row.tx_code !== null) {
    const txCode = form.tx_code ?? form.user_pin;
    if (txCode === undefined || txCode === '') {
      throw new Oid4vciError('invalid_request', 'This offer needs its transaction code (tx_code).');
    }
    if (!matchesHash(txCode, row.tx_code)) {
      await countTxCodeFailure(context, row.id);
      throw refuse('The transaction code is wrong.');
    }
  }
  const accessToken = createSecret();
  const claimed = await db.kysely
    .updateTable('credential_exchanges')
    .set({
      state: 'active',
      access_token: hashSecret(accessToken),
      expires_at: new Date(now.getTime() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
    })
    .where('id', '=', row.id)
    .where('state', '=', 'pending')
    .where('pre_authorized_code', '=', codeHash)
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw refuse('The pre-authorized code is no longer valid.');
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    c_nonce: await issueCNonce(db, now),
    c_nonce_expires_in: C_NONCE_LIFETIME_SECONDS,
  };
};
