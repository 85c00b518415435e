/**
 * The shapes of the accounts API, one TypeBox schema each: they validate requests, type the
 * handlers and are published in the OpenAPI document. No response shape carries a password
 * hash, a TOTP secret (except once, at enrolment), a recovery code's hash or a session token.
 */
import { Type, type Static } from '@sinclair/typebox';

export const Email = Type.String({ format: 'email', maxLength: 254 });

/** Length is checked by the password policy (ERR_ACCOUNT_PASSWORD_*), with its own messages. */
export const Password = Type.String({ maxLength: 4096 });

/** Kept exactly as entered (never normalised); no control characters; not blank. */
export const DisplayName = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$',
  description: 'The name shown to others, as the person writes it (kanji, kana or Latin).',
});

export const Locale = Type.Union([Type.Literal('ja'), Type.Literal('en')], {
  description: 'The language of e-mails and pages.',
});

/** A token from an e-mailed (or printed) link. */
export const LinkToken = Type.String({ minLength: 16, maxLength: 128 });

export const Account = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    locale: Locale,
    emailVerified: Type.Boolean(),
    isOperator: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    twoFactor: Type.Object(
      {
        totp: Type.Boolean({ description: 'An authenticator app (TOTP) is enabled.' }),
        passkeys: Type.Integer({ minimum: 0 }),
        recoveryCodesLeft: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'Account' },
);
export type Account = Static<typeof Account>;

export const SecondFactorMethod = Type.Union([
  Type.Literal('totp'),
  Type.Literal('recovery-code'),
  Type.Literal('passkey'),
]);
export type SecondFactorMethod = Static<typeof SecondFactorMethod>;

export const Session = Type.Object(
  {
    csrfToken: Type.String({
      description: 'Repeat it in the x-csrf-token header of every write made with the cookie.',
    }),
    expiresAt: Type.String({
      format: 'date-time',
      description: 'The absolute end; the session also ends after 12 hours without a request.',
    }),
    secondFactor: Type.Object(
      {
        status: Type.Union([Type.Literal('none'), Type.Literal('required'), Type.Literal('done')], {
          description:
            'none: the account has no second factor; required: give one (POST /api/v1/session/second-factor) before anything else; done: given in this session.',
        }),
        methods: Type.Array(SecondFactorMethod, {
          description: 'The second factors the account can give.',
        }),
      },
      { additionalProperties: false },
    ),
    account: Account,
  },
  { additionalProperties: false, title: 'Session' },
);
export type Session = Static<typeof Session>;

export const Accepted = Type.Object(
  { status: Type.Literal('accepted') },
  {
    additionalProperties: false,
    title: 'Accepted',
    description:
      'The request was taken; if the address has (or may have) an account, an e-mail is on its way.',
  },
);

export const SignUpBody = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: DisplayName,
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const SignInBody = Type.Object(
  { email: Email, password: Password },
  { additionalProperties: false },
);

export const TokenBody = Type.Object({ token: LinkToken }, { additionalProperties: false });

export const PasswordResetRequestBody = Type.Object(
  { email: Email },
  { additionalProperties: false },
);

export const PasswordResetBody = Type.Object(
  { token: LinkToken, password: Password },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);

export const UpdateAccountBody = Type.Object(
  { displayName: Type.Optional(DisplayName), locale: Type.Optional(Locale) },
  { additionalProperties: false, minProperties: 1 },
);
