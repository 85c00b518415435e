/**
 * The request and response schemas of the wallet's own badges (`wallet-routes.ts`): the import
 * body (JSON, or the raw bytes of a PNG, SVG or PDF — a TypeBox kind of its own, published as a
 * binary string), the list query, the detail (`WalletCredential`) and the small bodies.
 */
import { Kind, Type, TypeRegistry, type Static } from '@sinclair/typebox';
import { VerifyResponse } from '../verification/verification-schemas.js';
import { WalletCredentialSummary } from './wallet-summary.js';

/** The raw media types an import takes; the bytes are sniffed whatever they are called. */
export const WALLET_RAW_MEDIA_TYPES = ['image/png', 'image/svg+xml', 'application/pdf'];

/** The largest import, whichever way it comes (the verifier's own limit). */
export const MAX_WALLET_IMPORT_BYTES = 5 * 1024 * 1024;

const BYTES_KIND = 'WalletImportBytes';
if (!TypeRegistry.Has(BYTES_KIND)) {
  TypeRegistry.Set(BYTES_KIND, (_schema, value) => value instanceof Uint8Array);
}

const RawBytes = Type.Unsafe<Uint8Array>({
  [Kind]: BYTES_KIND,
  type: 'string',
  format: 'binary',
  title: 'WalletImportBytes',
  description: `A baked PNG or SVG badge image, or a sealed PDF certificate, sent as the body itself with Content-Type ${WALLET_RAW_MEDIA_TYPES.join(', ')}; at most ${String(MAX_WALLET_IMPORT_BYTES)} bytes. Add ?keepUnverified=true to keep a badge that does not verify.`,
});

const ImportJsonBody = Type.Object(
  {
    url: Type.Optional(
      Type.String({
        maxLength: 2048,
        pattern: '^https?://\\S+$',
        description:
          "The badge's URL: a hosted OB 2.0 assertion, an OB 3.0 credential (JSON or VC-JWT) or a baked image.",
      }),
    ),
    credential: Type.Optional(
      Type.Union([
        Type.Record(Type.String(), Type.Unknown(), { description: 'The credential as JSON.' }),
        Type.String({
          description:
            'The credential as JSON text, a compact VC-JWT, or an OB 2.0 signed assertion (JWS).',
        }),
      ]),
    ),
    keepUnverified: Type.Optional(
      Type.Boolean({
        description:
          'Keep the badge even when it does not verify (stored with status `unverified` and the reason).',
      }),
    ),
  },
  { additionalProperties: false, title: 'WalletImportJsonBody' },
);
export type ImportJsonBody = Static<typeof ImportJsonBody>;

export const WalletImportBody = Type.Union([ImportJsonBody, RawBytes]);
export type WalletImportBodyValue = ImportJsonBody | Uint8Array;

export const WalletImportQuery = Type.Object(
  {
    keepUnverified: Type.Optional(
      Type.Boolean({ description: 'For a raw image or PDF body: keep it even when unverified.' }),
    ),
  },
  { additionalProperties: false },
);

export const WALLET_SORTS = ['added', 'issued', 'name', 'issuer'] as const;
export type WalletSort = (typeof WALLET_SORTS)[number];

export const WalletListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Searched (case-insensitively) in the name, issuer name and description.',
      }),
    ),
    status: Type.Optional(WalletCredentialSummary.properties.status),
    sort: Type.Optional(
      Type.Union(
        WALLET_SORTS.map((sort) => Type.Literal(sort)),
        { description: 'added (default), issued, name or issuer.' },
      ),
    ),
    order: Type.Optional(
      Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
        description: 'Default: desc for added and issued, asc for name and issuer.',
      }),
    ),
    collection: Type.Optional(
      Type.String({ maxLength: 100, description: 'Only the badges of this collection.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type WalletListQuery = Static<typeof WalletListQuery>;

export const WalletCredentialPage = Type.Object(
  {
    items: Type.Array(WalletCredentialSummary),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Integer({ description: 'How many badges match the filters, over every page.' }),
    changed: Type.Integer({
      description: 'How many badges of the wallet changed status since the learner last looked.',
    }),
  },
  { additionalProperties: false, title: 'WalletCredentialPage' },
);

const Localized = Type.Object(
  { en: Type.String(), ja: Type.String() },
  { additionalProperties: false },
);

export const WALLET_DOWNLOAD_FORMATS = ['original', 'json', 'jwt', 'png'] as const;
export type WalletDownloadFormat = (typeof WALLET_DOWNLOAD_FORMATS)[number];

export const WalletCredential = Type.Object(
  {
    ...WalletCredentialSummary.properties,
    credential: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The OB 3.0 credential or OB 2.0 assertion as verified.',
    }),
    credentialJwt: Type.Union([Type.String(), Type.Null()]),
    report: Type.Union([VerifyResponse.properties.report, Type.Null()]),
    explanation: Type.Union([Localized, Type.Null()]),
    sourceUrl: Type.Union([Type.String(), Type.Null()]),
    collections: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
    shareLinks: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          url: Type.String(),
          createdAt: Type.String(),
          views: Type.Integer(),
          linkedinClicks: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    downloads: Type.Array(
      Type.Union(WALLET_DOWNLOAD_FORMATS.map((format) => Type.Literal(format))),
      { description: 'The formats `GET …/download?format=` has for this badge.' },
    ),
  },
  { additionalProperties: false, title: 'WalletCredential' },
);
export type WalletCredential = Static<typeof WalletCredential>;

export const WalletImportResult = Type.Object(
  {
    item: WalletCredential,
    merged: Type.Boolean({ description: 'The badge was already in the wallet: one row remains.' }),
    kept: Type.Optional(
      Type.Union([Type.Literal('stored'), Type.Literal('new')], {
        description:
          'For a merge: which credential the wallet now holds (the one with the newer validFrom / issuedOn).',
      }),
    ),
  },
  { additionalProperties: false, title: 'WalletImportResult' },
);

export const WalletCredentialParams = Type.Object(
  { id: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);

export const WalletCredentialPatch = Type.Object(
  {
    visibility: Type.Optional(Type.Union([Type.Literal('private'), Type.Literal('public')])),
    statusSeen: Type.Optional(
      Type.Literal(true, { description: 'The learner has seen the change of status.' }),
    ),
  },
  { additionalProperties: false, title: 'WalletCredentialPatch' },
);

export const WalletDownloadQuery = Type.Object(
  {
    format: Type.Union(
      WALLET_DOWNLOAD_FORMATS.map((format) => Type.Literal(format)),
      {
        description:
          'original (the imported PNG, SVG or PDF), json (the credential), jwt (the compact JWT / JWS), png (the baked image of an award of this platform).',
      },
    ),
  },
  { additionalProperties: false },
);

/** A file answer (download, export): the bytes themselves. */
export const WalletFileBody = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'The file itself; its media type is in Content-Type.',
});
