/**
 * The shapes of claim links, further e-mail addresses and account deletion, one TypeBox schema
 * each: they validate requests, type the handlers and are published in the OpenAPI document.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Email, LinkToken } from '../accounts/account-schemas.js';
import { WalletCredentialSummary } from '../wallet/wallet-summary.js';

export const ClaimBody = Type.Object(
  {
    awardId: Type.String({ minLength: 1, maxLength: 64, description: 'From the claim link.' }),
    token: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'The `token` parameter of the claim link.',
    }),
  },
  { additionalProperties: false },
);
export type ClaimBody = Static<typeof ClaimBody>;

export const ClaimResult = Type.Object(
  { item: WalletCredentialSummary },
  { additionalProperties: false, title: 'WalletClaimResult' },
);

export const FurtherAddress = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    verified: Type.Boolean({ description: 'Confirmed through the link sent to the address.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'AccountFurtherEmail' },
);

export const AccountEmailsView = Type.Object(
  {
    primary: Type.Object(
      { email: Type.String(), verified: Type.Boolean() },
      { additionalProperties: false, description: "The account's own address (sign-in)." },
    ),
    others: Type.Array(FurtherAddress),
  },
  { additionalProperties: false, title: 'AccountEmails' },
);

export const AddEmailBody = Type.Object({ email: Email }, { additionalProperties: false });
export type AddEmailBody = Static<typeof AddEmailBody>;

export const VerifyEmailBody = Type.Object({ token: LinkToken }, { additionalProperties: false });

export const VerifyEmailResult = Type.Object(
  {
    email: Type.String(),
    added: Type.Integer({
      minimum: 0,
      description: 'Badges awarded to the address that came into the wallet now.',
    }),
  },
  { additionalProperties: false, title: 'AccountEmailVerified' },
);

export const EmailParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const DeleteAccountBody = Type.Object(
  {
    password: Type.Optional(
      Type.String({
        maxLength: 4096,
        description:
          'The current password; needed for an account that has one. An account without a password confirms with the second factor given in this session (send `{}`).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;
