/**
 * The OpenID4VCI credential offer of an exchange (ADR 0011). Wallet delivery calls
 * `createOid4vciOffer` when it starts an exchange; the answer goes to the page that shows the QR
 * code:
 *
 *   const oid4vci = await createOid4vciOffer(context, exchange, { txCode: true });
 *   // { offerUri: 'openid-credential-offer://?credential_offer_uri=…', offerUrl, txCode: '042917' }
 *
 * A pre-authorized code (256 random bits) is made for the exchange and stored as its SHA-256; it
 * is single use and lives as long as the exchange. The offer document is served at
 * `GET /oid4vci/offers/{code}`: whoever can read the offer can read the code anyway, so the code
 * itself is the offer's unguessable address, and nothing but its hash is ever stored. An optional
 * transaction code (6 digits, stored hashed) is returned here once, for the learner to type into
 * the wallet; five wrong guesses end the exchange.
 */
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import {
  CREDENTIAL_CONFIGURATION_IDS,
  oid4vciUrls,
  PRE_AUTHORIZED_CODE_GRANT,
} from './oid4vci-metadata.js';
import { createSecret, createTxCode, hashSecret } from './oid4vci-secrets.js';

export interface CreateOid4vciOfferOptions {
  /** Ask the wallet for a 6-digit transaction code as well (default false). */
  readonly txCode?: boolean;
}

export interface Oid4vciOfferLinks {
  /** `openid-credential-offer://?credential_offer_uri=…`, for the QR code and the deep link. */
  readonly offerUri: string;
  /** The offer document's https URL. */
  readonly offerUrl: string;
  /** The transaction code to show to the learner (only when one was asked for). */
  readonly txCode?: string;
}

export const TX_CODE_LENGTH = 6;

export const TX_CODE_DESCRIPTION =
  'Akashi の画面に表示された 6 桁の確認コードを入力してください。Enter the 6-digit code shown on the Akashi page.';

/** Adds a pre-authorized code (and optionally a transaction code) to the exchange `exchange.id`. */
export const createOid4vciOffer = async (
  context: AppContext,
  exchange: { readonly id: string },
  options: CreateOid4vciOfferOptions = {},
): Promise<Oid4vciOfferLinks> => {
  const code = createSecret();
  const txCode = options.txCode === true ? createTxCode() : undefined;
  const result = await context.db.kysely
    .updateTable('credential_exchanges')
    .set({
      pre_authorized_code: hashSecret(code),
      tx_code: txCode === undefined ? null : hashSecret(txCode),
      tx_code_failures: 0,
    })
    .where('id', '=', exchange.id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new ServerError('ERR_OID4VCI_EXCHANGE_NOT_PENDING');
  const offerUrl = oid4vciUrls(context.config.publicUrl).offer(code);
  return {
    offerUri: `openid-credential-offer://?${new URLSearchParams({ credential_offer_uri: offerUrl }).toString()}`,
    offerUrl,
    ...(txCode === undefined ? {} : { txCode }),
  };
};

/** The offer document behind `code` (OID4VCI 1.0 §4.1.1), while its exchange awaits a wallet. */
export const readOid4vciOffer = async (
  context: AppContext,
  code: string,
): Promise<Record<string, unknown>> => {
  const row = await context.db.kysely
    .selectFrom('credential_exchanges')
    .select(['state', 'tx_code', 'expires_at'])
    .where('pre_authorized_code', '=', hashSecret(code))
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_OID4VCI_OFFER_NOT_FOUND');
  if (row.state !== 'pending' || row.expires_at <= context.clock().toISOString()) {
    throw new ServerError('ERR_OID4VCI_OFFER_GONE');
  }
  return {
    credential_issuer: oid4vciUrls(context.config.publicUrl).credentialIssuer,
    credential_configuration_ids: CREDENTIAL_CONFIGURATION_IDS,
    grants: {
      [PRE_AUTHORIZED_CODE_GRANT]: {
        'pre-authorized_code': code,
        ...(row.tx_code === null
          ? {}
          : {
              tx_code: {
                input_mode: 'numeric',
                length: TX_CODE_LENGTH,
                description: TX_CODE_DESCRIPTION,
              },
            }),
      },
    },
  };
};
