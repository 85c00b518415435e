/**
 * The request and response schemas of the wallet's connections to other Open Badges hosts
 * (`wallet-connection-routes.ts`).
 */
import { Type, type Static } from '@sinclair/typebox';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const ConnectBody = Type.Object(
  {
    baseUrl: Type.String({
      minLength: 1,
      maxLength: 2048,
      description:
        "The host's base URL, before `/ims/ob/v3p0` (that suffix and a trailing slash are taken off; `https://` is assumed when no scheme is given).",
    }),
  },
  { additionalProperties: false },
);

export const ConnectResult = Type.Object(
  {
    id: Type.String({ description: 'The pending connection.' }),
    authorizationUrl: Type.String({
      description:
        "Where to send the learner's browser: the host's authorization endpoint with `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, `code_challenge` and `code_challenge_method=S256`.",
    }),
  },
  { additionalProperties: false },
);

export const CallbackBody = Type.Object(
  {
    state: Type.String({ minLength: 1, maxLength: 200 }),
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: true },
);

export const ConnectionView = Type.Object(
  {
    id: Type.String(),
    host: Type.Object({
      baseUrl: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
    }),
    state: Type.Union([
      Type.Literal('pending'),
      Type.Literal('connected'),
      Type.Literal('failed'),
      Type.Literal('disconnected'),
    ]),
    scopes: Type.Array(Type.String(), {
      description: 'The scopes granted (asked for, while pending).',
    }),
    createdAt: DateTime,
    updatedAt: DateTime,
    expiresAt: Type.Union([DateTime, Type.Null()], {
      description: 'When the access token expires (it is refreshed when needed).',
    }),
    lastImportAt: NullableDateTime,
    lastError: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the connection failed, as the host or the token request said.',
    }),
  },
  { additionalProperties: false },
);

export const ConnectionList = Type.Object(
  { items: Type.Array(ConnectionView) },
  { additionalProperties: false },
);

export const ConnectionParams = Type.Object(
  { id: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);

const Skipped = Type.Object(
  {
    reason: Type.Union([Type.Literal('unverified'), Type.Literal('unreadable')]),
    verdict: Type.Optional(
      Type.String({ description: 'The verdict of a badge that did not verify.' }),
    ),
    credentialId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ImportResult = Type.Object(
  {
    imported: Type.Integer({ description: 'Badges new to the wallet.' }),
    merged: Type.Integer({ description: 'Badges the wallet already held (merged).' }),
    skipped: Type.Array(Skipped),
    profile: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
      description: "The host's Profile for the learner (`getProfile`), when it gave one.",
    }),
    pages: Type.Integer({ description: 'Pages of `getCredentials` read.' }),
    stopped: Type.Optional(
      Type.Object(
        {
          reason: Type.Union(
            [
              Type.Literal('busy'),
              Type.Literal('page-limit'),
              Type.Literal('credential-limit'),
              Type.Literal('other-origin'),
            ],
            {
              description:
                '`busy`: the host answered 429/503 (come back after `retryAfterSeconds` when given); `page-limit`: 50 pages read; `credential-limit`: 5,000 credentials read; `other-origin`: the next page is on another origin (not followed, the token stays with the host).',
            },
          ),
          retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PushBody = Type.Object(
  {
    credentialId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'A badge of your wallet.',
    }),
  },
  { additionalProperties: false },
);

export const PushResult = Type.Object(
  {
    status: Type.Union([Type.Literal(200), Type.Literal(201)], {
      description: "The host's answer: 201 stored as new, 200 replaced or already held.",
    }),
    credentialId: Type.Union([Type.String(), Type.Null()]),
    mediaType: Type.Union([Type.Literal('application/json'), Type.Literal('text/plain')]),
  },
  { additionalProperties: false },
);

export type CallbackBodyValue = Static<typeof CallbackBody>;

export const AwardPushParams = Type.Object(
  { awardId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const StartAwardPushBody = Type.Object(
  {
    token: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'The claim token of the award e-mail (not needed by the signed-in holder).',
      }),
    ),
    baseUrl: ConnectBody.properties.baseUrl,
  },
  { additionalProperties: false },
);

export const StartAwardPushResult = Type.Object(
  {
    id: Type.String({ description: 'The pending push.' }),
    authorizationUrl: Type.String({
      description:
        "Where to send the recipient's browser: the host's authorization endpoint, asking for `credential.upsert` only, with `state` and PKCE S256.",
    }),
  },
  { additionalProperties: false },
);

export const AwardPushView = Type.Object(
  {
    id: Type.String(),
    awardId: Type.String(),
    state: Type.Union([Type.Literal('pending'), Type.Literal('pushed'), Type.Literal('failed')]),
    host: Type.Object(
      { name: Type.Union([Type.String(), Type.Null()]), baseUrl: Type.String() },
      { additionalProperties: false },
    ),
    status: Type.Union([Type.Integer(), Type.Null()], {
      description: "The host's HTTP status for the upsert: 201 new, 200 replaced or kept.",
    }),
    description: Type.Union([Type.String(), Type.Null()], {
      description: "Why it failed: the host's `imsx_description`, its OAuth error, or ours.",
    }),
    awardState: Type.Union(
      [Type.Literal('active'), Type.Literal('revoked'), Type.Literal('suspended')],
      { description: 'The award travels as it is: its status list entries say the same.' },
    ),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
