/**
 * The WebAuthn shapes the API exchanges, as the browser's `PublicKeyCredential.toJSON()` (or
 * @simplewebauthn/browser) produces them. Options go out as the library builds them; answers
 * come back checked here for shape, then verified cryptographically by @simplewebauthn/server.
 */
import { Type, type Static } from '@sinclair/typebox';

const Base64Url = Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength: 65536 });

const ClientExtensionResults = Type.Object({}, { additionalProperties: true });

const AuthenticatorAttachment = Type.Optional(
  Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
);

export const RegistrationResponse = Type.Object(
  {
    id: Base64Url,
    rawId: Base64Url,
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: Base64Url,
        attestationObject: Base64Url,
        transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 16 })),
      },
      { additionalProperties: true },
    ),
    clientExtensionResults: ClientExtensionResults,
    authenticatorAttachment: AuthenticatorAttachment,
  },
  { additionalProperties: true, title: 'PasskeyRegistrationResponse' },
);
export type RegistrationResponse = Static<typeof RegistrationResponse>;

export const AuthenticationResponse = Type.Object(
  {
    id: Base64Url,
    rawId: Base64Url,
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: Base64Url,
        authenticatorData: Base64Url,
        signature: Base64Url,
        userHandle: Type.Optional(Base64Url),
      },
      { additionalProperties: true },
    ),
    clientExtensionResults: ClientExtensionResults,
    authenticatorAttachment: AuthenticatorAttachment,
  },
  { additionalProperties: true, title: 'PasskeyAuthenticationResponse' },
);
export type AuthenticationResponse = Static<typeof AuthenticationResponse>;

/** PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON, for navigator.credentials. */
export const PasskeyOptions = Type.Object(
  { challenge: Type.String() },
  {
    additionalProperties: true,
    title: 'PasskeyOptions',
    description:
      'WebAuthn options in their JSON form: pass them to PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON (or @simplewebauthn/browser).',
  },
);

export const Passkey = Type.Object(
  {
    id: Type.String({ description: 'The credential id, base64url.' }),
    name: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'Passkey' },
);
export type Passkey = Static<typeof Passkey>;

export const PasskeyName = Type.String({ minLength: 1, maxLength: 100 });
