/** The shapes of API keys on the wire. The key itself appears once, in the create response. */
import { Type, type Static } from '@sinclair/typebox';
import { SingleLineText } from '../organisations/organisation-schemas.js';
import { API_KEY_SCOPES, API_KEY_SCOPE_DESCRIPTIONS } from '../policy/api-key-scopes.js';

export const ApiKeyScopeSchema = Type.Union(
  API_KEY_SCOPES.map((scope) => Type.Literal(scope)),
  {
    description: API_KEY_SCOPES.map(
      (scope) => `${scope}: ${API_KEY_SCOPE_DESCRIPTIONS[scope].en}`,
    ).join(' '),
  },
);

export const ApiKey = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKey>;

export const CreatedApiKey = Type.Object(
  {
    apiKey: ApiKey,
    key: Type.String({
      description:
        'The key, for `Authorization: Bearer …`. Shown only in this response: it is stored hashed and cannot be read again.',
    }),
  },
  { additionalProperties: false, title: 'CreatedApiKey' },
);

export const ApiKeyList = Type.Object(
  { apiKeys: Type.Array(ApiKey) },
  { additionalProperties: false, title: 'ApiKeyList' },
);

export const CreateApiKeyBody = Type.Object(
  {
    name: SingleLineText(100, 'What the key is for, e.g. "LMS integration".'),
    scopes: Type.Array(ApiKeyScopeSchema, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false, title: 'CreateApiKeyBody' },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKeyParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    apiKeyId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);
