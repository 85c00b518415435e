/**
 * The shapes of starting a wallet delivery (`POST /api/v1/awards/{awardId}/exchanges`), one
 * TypeBox schema each: they validate the request, type the handler and are published in the
 * OpenAPI document. The protocol endpoints (LCW, VC-API) keep their external formats.
 */
import { Type, type Static } from '@sinclair/typebox';

export const AwardParams = Type.Object(
  { awardId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type AwardParams = Static<typeof AwardParams>;

export const StartExchangeBody = Type.Object(
  {
    token: Type.Optional(
      Type.String({
        maxLength: 128,
        description:
          'The `token` of the award e-mail’s claim link. Leave it out when signed in with the account whose wallet holds the award.',
      }),
    ),
    txCode: Type.Optional(
      Type.Boolean({
        description:
          'Protect the OpenID4VCI offer with a 6-digit transaction code, returned once in `oid4vci.txCode` for the learner to type into the wallet (default false).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StartExchangeBody = Static<typeof StartExchangeBody>;

export const ExchangeView = Type.Object(
  {
    id: Type.String({ description: 'The exchange id (in every URL below).' }),
    expiresAt: Type.String({ format: 'date-time', description: '15 minutes from now.' }),
    lcw: Type.Object(
      {
        deepLink: Type.String({
          description: 'The Learner Credential Wallet request link (`dccrequest://request?…`).',
        }),
        url: Type.String({ description: 'The same request on `https://lcw.app/request`.' }),
      },
      { additionalProperties: false },
    ),
    vcapi: Type.Object(
      {
        invitationUrl: Type.String({
          description: '`https://lcw.app/request?request=…` naming the VC-API exchange.',
        }),
        exchangeUrl: Type.String({ description: 'The VC-API exchange endpoint.' }),
        interactionUrl: Type.String({ description: 'The VCALM interaction URL (`?iuv=1`).' }),
      },
      { additionalProperties: false },
    ),
    oid4vci: Type.Object(
      {
        offerUri: Type.String({
          description:
            'The OpenID4VCI offer (`openid-credential-offer://?credential_offer_uri=…`).',
        }),
        offerUrl: Type.String({ description: 'The offer document’s https URL.' }),
        txCode: Type.Optional(
          Type.String({ description: 'The transaction code, when `txCode` was asked for.' }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'WalletDeliveryExchange' },
);
