/**
 * The request and response schemas of `POST /api/v1/verify`. The body is JSON (`{ url }` or
 * `{ credential }`), or the raw bytes of a PNG or SVG badge image: the bytes are a TypeBox kind
 * of their own (`VerifyImageBytes`, a Uint8Array), published in the OpenAPI document as a binary
 * string.
 */
import { Kind, Type, TypeRegistry, type Static } from '@sinclair/typebox';
import { VERDICTS } from './decide-verdict.js';

/** The media types of the raw image body; the bytes are sniffed whatever they are called. */
export const VERIFY_IMAGE_MEDIA_TYPES = ['image/png', 'image/svg+xml'];

/** The largest badge accepted, whichever way it comes (a real badge is kilobytes). */
export const MAX_VERIFY_BYTES = 5 * 1024 * 1024;

const BYTES_KIND = 'VerifyImageBytes';
if (!TypeRegistry.Has(BYTES_KIND)) {
  TypeRegistry.Set(BYTES_KIND, (_schema, value) => value instanceof Uint8Array);
}

const ImageBytes = Type.Unsafe<Uint8Array>({
  [Kind]: BYTES_KIND,
  type: 'string',
  format: 'binary',
  title: 'VerifyImageBody',
  description: `A PNG or SVG badge image with a baked credential (OB 3.0 or OB 2.0), sent as the body itself with Content-Type ${VERIFY_IMAGE_MEDIA_TYPES.join(' or ')}; at most ${String(MAX_VERIFY_BYTES)} bytes.`,
});

const JsonBody = Type.Object(
  {
    url: Type.Optional(
      Type.String({
        maxLength: 2048,
        pattern: '^https?://\\S+$',
        description:
          "The badge's URL: a hosted OB 2.0 assertion, an OB 3.0 credential (JSON or VC-JWT) or a baked image. Fetched with the guarded fetcher (HTTPS, public addresses only).",
      }),
    ),
    credential: Type.Optional(
      Type.Union(
        [
          Type.Record(Type.String(), Type.Unknown(), { description: 'The credential as JSON.' }),
          Type.String({
            description:
              'The credential as JSON text, a compact VC-JWT, an OB 2.0 signed assertion (JWS), or a URL.',
          }),
        ],
        { description: 'The credential itself (OB 3.0 or OB 2.0).' },
      ),
    ),
  },
  { additionalProperties: false, title: 'VerifyJsonBody' },
);

export const VerifyBody = Type.Union([JsonBody, ImageBytes]);

export type VerifyBodyValue = Static<typeof JsonBody> | Uint8Array;

const Localized = Type.Object(
  { en: Type.String(), ja: Type.String() },
  { additionalProperties: false },
);

const Check = Type.Object(
  {
    name: Type.String({
      description:
        'parse, context, jsonld, schema, proof, issuer, refresh, validity, status, recipient or endorsements.',
    }),
    outcome: Type.Union(
      [
        Type.Literal('passed'),
        Type.Literal('failed'),
        Type.Literal('skipped'),
        Type.Literal('error'),
      ],
      {
        description: '`error`: the check could not be completed (something could not be fetched).',
      },
    ),
    code: Type.String({ description: 'The stable code of the result.' }),
    message: Localized,
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

const Report = Type.Object(
  {
    status: Type.String({ description: "The core verifier's own status." }),
    valid: Type.Boolean(),
    generation: Type.Optional(Type.Union([Type.Literal('ob2'), Type.Literal('ob3')])),
    format: Type.Optional(Type.String({ description: 'json, jwt, png or svg.' })),
    proofFormat: Type.Optional(Type.String()),
    checks: Type.Array(Check),
    credential: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'The credential as read.' }),
    ),
    badgeClass: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'OB 2.0: the BadgeClass.' }),
    ),
    issuerProfile: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'OB 2.0: the issuer Profile.' }),
    ),
    sourceVersion: Type.Optional(
      Type.String({ description: 'OB 2.0: the Open Badges version the badge was upgraded from.' }),
    ),
  },
  { additionalProperties: false, title: 'VerificationReport' },
);

export const VerifyResponse = Type.Object(
  {
    verdict: Type.Union(
      VERDICTS.map((verdict) => Type.Literal(verdict)),
      { description: 'What the verification means, for people.' },
    ),
    explanation: Type.Object(
      { en: Type.String(), ja: Type.String() },
      {
        additionalProperties: false,
        description: 'Why: the result of the check that decided the verdict.',
      },
    ),
    report: Report,
  },
  { additionalProperties: false, title: 'VerifyResult' },
);
