/**
 * The Service Description Document of the Open Badges 3.0 API (`GET /ims/ob/v3p0/discovery`): a
 * profiled OpenAPI 3.0 document in the shape of the specification's own (`openapi.json`) with the
 * operations this host implements, the `x-imssf-*` extensions a consumer reads (terms, privacy
 * policy, image, registration URL) and the OAuth 2.0 authorization-code flow with the four scopes.
 * Every URL is absolute, made from `PUBLIC_URL`. The paging links use `$request.query.*` (the
 * specification's `$request.path.*` is a known error, 1EdTech/openbadges-specification#634).
 */
import { createHash } from 'node:crypto';
import { OB3_SCOPES } from '../oauth/scopes.js';

export const OB3_API_BASE = '/ims/ob/v3p0';

export interface ServiceDescriptionOptions {
  readonly publicUrl: string;
  readonly termsUrl: string;
  readonly privacyUrl: string;
}

type Json = Record<string, unknown>;

export const COMPACT_JWS_PATTERN = '^[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]*\\.[a-zA-Z0-9_-]+$';

/** Akashi's mark (証 on indigo) as a data: URI: the SDD's optional `x-imssf-image`. */
export const AKASHI_IMAGE =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1f3a68"/><text x="32" y="44" font-size="36" text-anchor="middle" fill="#fff" font-family="sans-serif">証</text></svg>',
  ).toString('base64');

const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [OB3_SCOPES.credentialReadonly]:
    'Permission to read AchievementCredentials for the authenticated entity.',
  [OB3_SCOPES.credentialUpsert]:
    'Permission to create or update AchievementCredentials for the authenticated entity.',
  [OB3_SCOPES.profileReadonly]: 'Permission to read the profile for the authenticated entity.',
  [OB3_SCOPES.profileUpdate]: 'Permission to update the profile for the authenticated entity.',
};

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });

/** The error answers every operation lists. */
const errorResponses = (statuses: readonly string[]): Json =>
  Object.fromEntries(
    [...statuses, 'default'].map((status) => [
      status,
      { description: 'Imsx_StatusInfo', content: json(ref('Imsx_StatusInfo')) },
    ]),
  );

const secured = (scope: string): Json[] => [{ OAuth2ACG: [scope] }];

const PAGING_LINKS = Object.fromEntries(
  ['next', 'last', 'first', 'prev'].map((rel) => [rel, { $ref: `#/components/links/${rel}` }]),
);

const paths = (): Json => ({
  '/credentials': {
    get: {
      tags: ['OpenBadgeCredentials'],
      summary: 'The REST GET operation for the getCredentials() API call.',
      operationId: 'getCredentials',
      parameters: [
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 50 },
        },
        {
          name: 'offset',
          in: 'query',
          required: false,
          schema: { type: 'integer', format: 'int32', minimum: 0, default: 0 },
        },
        {
          name: 'since',
          in: 'query',
          required: false,
          schema: { type: 'string', format: 'date-time' },
        },
      ],
      responses: {
        200: {
          description: 'The credentials of the page, the total in X-Total-Count.',
          headers: { 'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' } },
          content: json(ref('GetOpenBadgeCredentialsResponse')),
          links: PAGING_LINKS,
        },
        ...errorResponses(['400', '401', '403', '405', '500']),
      },
      security: secured(OB3_SCOPES.credentialReadonly),
    },
    post: {
      tags: ['OpenBadgeCredentials'],
      summary: 'The REST POST operation for the upsertCredential() API call.',
      operationId: 'upsertCredential',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ref('AchievementCredential') },
          'application/vc+ld+json': { schema: ref('AchievementCredential') },
          'text/plain': { schema: { type: 'string', pattern: COMPACT_JWS_PATTERN } },
        },
      },
      responses: {
        200: { description: 'Replaced, or kept (the stored credential is as new or newer).' },
        201: { description: 'Created.' },
        ...errorResponses(['400', '401', '403', '405', '500']),
      },
      security: secured(OB3_SCOPES.credentialUpsert),
    },
  },
  '/profile': {
    get: {
      tags: ['OpenBadgeCredentials'],
      summary: 'The REST GET operation for the getProfile() API call.',
      operationId: 'getProfile',
      responses: {
        200: { description: 'The Profile.', content: json(ref('Profile')) },
        ...errorResponses(['400', '401', '403', '404', '405', '500']),
      },
      security: secured(OB3_SCOPES.profileReadonly),
    },
    put: {
      tags: ['OpenBadgeCredentials'],
      summary: 'The REST PUT operation for the putProfile() API call.',
      operationId: 'putProfile',
      requestBody: { required: true, content: json(ref('Profile')) },
      responses: {
        200: { description: 'The Profile as stored.', content: json(ref('Profile')) },
        ...errorResponses(['400', '401', '403', '405', '500']),
      },
      security: secured(OB3_SCOPES.profileUpdate),
    },
  },
  '/discovery': {
    get: {
      tags: ['Discovery'],
      summary: 'The REST GET operation for the getServiceDescription() API call.',
      operationId: 'getServiceDescription',
      responses: {
        200: { description: 'This document.', content: json(ref('ServiceDescriptionDocument')) },
        ...errorResponses([]),
      },
    },
  },
});

const schemas = (): Json => ({
  AchievementCredential: {
    type: 'object',
    required: ['@context', 'type', 'issuer', 'credentialSubject'],
    additionalProperties: true,
    description: 'An OpenBadgeCredential (OB 3.0 §8.1), signed with a Data Integrity proof.',
  },
  Profile: {
    type: 'object',
    required: ['id', 'type'],
    additionalProperties: true,
    description: 'A Profile (OB 3.0 §B.1.15); `id` may be any IRI, `type` includes "Profile".',
  },
  GetOpenBadgeCredentialsResponse: {
    type: 'object',
    additionalProperties: false,
    properties: {
      credential: { type: 'array', items: ref('AchievementCredential') },
      compactJwsString: {
        type: 'array',
        items: { type: 'string', pattern: COMPACT_JWS_PATTERN },
      },
    },
  },
  ServiceDescriptionDocument: {
    type: 'object',
    required: ['openapi', 'info', 'components'],
    additionalProperties: true,
  },
  Imsx_StatusInfo: {
    type: 'object',
    required: ['imsx_codeMajor', 'imsx_severity'],
    additionalProperties: false,
    properties: {
      imsx_codeMajor: { type: 'string', enum: ['failure', 'processing', 'success', 'unsupported'] },
      imsx_severity: { type: 'string', enum: ['error', 'status', 'warning'] },
      imsx_description: { type: 'string' },
      imsx_codeMinor: {
        type: 'object',
        required: ['imsx_codeMinorField'],
        properties: {
          imsx_codeMinorField: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['imsx_codeMinorFieldName', 'imsx_codeMinorFieldValue'],
              properties: {
                imsx_codeMinorFieldName: { type: 'string' },
                imsx_codeMinorFieldValue: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
});

const pagingLink = (description: string): Json => ({
  operationId: 'getCredentials',
  parameters: { limit: '$request.query.limit', offset: '$request.query.offset' },
  description,
});

/** The document, for this platform's public URL and policies. */
export const buildServiceDescription = ({
  publicUrl,
  termsUrl,
  privacyUrl,
}: ServiceDescriptionOptions): Json => {
  const tokenUrl = `${publicUrl}/oauth/token`;
  return {
    openapi: '3.0.1',
    info: {
      title: 'Akashi',
      description:
        'The Open Badges 3.0 API of this Akashi platform: the wallet of the signed-in account as an Open Badges host.',
      version: '3.0',
      termsOfService: termsUrl,
      'x-imssf-privacyPolicyUrl': privacyUrl,
      'x-imssf-image': AKASHI_IMAGE,
    },
    servers: [{ url: `${publicUrl}${OB3_API_BASE}` }],
    tags: [{ name: 'OpenBadgeCredentials' }, { name: 'Discovery' }],
    paths: paths(),
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description:
            'OAuth 2.0 authorization code grant with PKCE (S256) and dynamic registration.',
          'x-imssf-name': 'Akashi',
          'x-imssf-registrationUrl': `${publicUrl}/oauth/register`,
          'x-imssf-termsOfServiceUrl': termsUrl,
          'x-imssf-privacyPolicyUrl': privacyUrl,
          flows: {
            authorizationCode: {
              authorizationUrl: `${publicUrl}/oauth/authorize`,
              tokenUrl,
              refreshUrl: tokenUrl,
              scopes: { ...SCOPE_DESCRIPTIONS },
            },
          },
        },
      },
      schemas: schemas(),
      headers: {
        'X-Total-Count': {
          description: 'The total number of resources that are available to be returned',
          schema: { type: 'integer', format: 'int32' },
        },
      },
      links: {
        next: pagingLink('The next page: offset + limit.'),
        last: pagingLink('The last page.'),
        first: pagingLink('The first page: offset 0.'),
        prev: pagingLink('The previous page: offset - limit.'),
      },
    },
  };
};

export interface ServiceDescriptionBody {
  /** The document as sent. */
  readonly text: string;
  /** A strong entity tag of `text`. */
  readonly etag: string;
}

export const serializeServiceDescription = (
  options: ServiceDescriptionOptions,
): ServiceDescriptionBody => {
  const text = JSON.stringify(buildServiceDescription(options));
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 27);
  return { text, etag: `"${hash}"` };
};

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
};
