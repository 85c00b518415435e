/**
 * `GET /status/:listId` (mounted at the root): the list's signed W3C
 * `BitstringStatusListCredential`, for any verifier, without signing in and without tracking
 * who asks. A change of a bit is visible within seconds: `Cache-Control: public, max-age=5`, and
 * a strong ETag of the signed bytes, so a verifier revalidating with `If-None-Match` gets a
 * 304 until the list changes. JSON in the type the client names (default
 * `application/vc+ld+json`), readable from any origin.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext, RoutePlugin } from '../http/app-context.js';
import { pickJsonMediaType } from '../http/content-negotiation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import {
  createStatusListPublisher,
  issuerProfileSigner,
  type LoadStatusListSigner,
} from './status-list-publisher.js';

/** Short enough that a revocation shows within seconds, long enough to absorb bursts. */
export const STATUS_LIST_CACHE_CONTROL = 'public, max-age=5';

const StatusListParams = Type.Object({
  listId: Type.String({ minLength: 1, maxLength: 100, description: 'The status list id.' }),
});

/** The signed credential's shape, for the OpenAPI document (the body is sent as signed). */
const StatusListCredential = Type.Object(
  {
    '@context': Type.Array(Type.String()),
    id: Type.String({ format: 'uri' }),
    type: Type.Array(Type.String()),
    issuer: Type.String(),
    validFrom: Type.String(),
    validUntil: Type.String(),
    credentialSubject: Type.Object({
      id: Type.String(),
      type: Type.Literal('BitstringStatusList'),
      statusPurpose: Type.Union([Type.Literal('revocation'), Type.Literal('suspension')]),
      encodedList: Type.String({ description: 'Multibase (u) base64url of the GZIP of the bits.' }),
    }),
    proof: Type.Array(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: true },
);

/** Whether an `If-None-Match` header names `etag` (or is `*`); weak comparison, RFC 9110 §13.1.2. */
export const matchesIfNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (header === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
};

export interface StatusListRoutesOptions {
  /** Who signs the lists (default: the issuer profile's current key, `loadIssuerSigning`). */
  readonly loadSigner?: (context: AppContext) => LoadStatusListSigner;
}

export const createStatusListRoutes =
  (options: StatusListRoutesOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db } = context;
    const publisher = createStatusListPublisher({
      db,
      publicUrl: context.config.publicUrl,
      clock: context.clock,
      loadSigner: (options.loadSigner ?? issuerProfileSigner)(context),
    });

    app.get(
      '/status/:listId',
      {
        schema: {
          summary: 'Get a signed Bitstring Status List credential (public)',
          description:
            'The W3C BitstringStatusListCredential that credentials point to in ' +
            '`credentialStatus.statusListCredential`, signed with eddsa-rdfc-2022. ' +
            'Cache for at most 5 seconds; revalidate with If-None-Match.',
          tags: ['status-lists', 'public'],
          operationId: 'getStatusListCredential',
          params: StatusListParams,
          response: {
            200: StatusListCredential,
            304: Type.Null({ description: 'Not modified since the ETag given.' }),
          },
        },
      },
      async (request, reply) => {
        await authorizeRequest(db, request.actor, 'status-list.read', {});
        void reply
          .header('access-control-allow-origin', '*')
          .header('access-control-expose-headers', 'etag')
          .header('cross-origin-resource-policy', 'cross-origin')
          .header('vary', 'accept');
        const { body, etag } = await publisher.publish(request.params.listId);
        void reply.header('etag', etag).header('cache-control', STATUS_LIST_CACHE_CONTROL);
        if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
          return reply.code(304).send(null);
        }
        // The signed bytes as stored: a string payload is sent as it is, never re-serialised.
        const raw: FastifyReply = reply;
        return raw
          .type(
            `${pickJsonMediaType(request.headers.accept, 'application/vc+ld+json')}; charset=utf-8`,
          )
          .send(body);
      },
    );
  };

export const registerStatusListRoutes: RoutePlugin = createStatusListRoutes();
