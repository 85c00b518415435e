/**
 * A wallet badge as a card shows it (`WalletCredentialSummary`): what the wallet list, the public
 * profile and the share pages all send. Never the recipient's e-mail address.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { WalletCredentialsTable } from './wallet-tables.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const WalletCredentialSummary = Type.Object(
  {
    id: Type.String(),
    origin: Type.Union([Type.Literal('award'), Type.Literal('import')]),
    awardId: Nullable(Type.String()),
    format: Type.String({
      description:
        'How it came in: award, ob3-json, ob3-jwt, ob2-json, ob2-jws, url, png, svg, pdf.',
    }),
    obVersion: Type.Union([Type.Literal(2), Type.Literal(3)]),
    name: Nullable(Type.String({ description: 'The achievement (badge) name.' })),
    description: Nullable(Type.String()),
    issuerId: Nullable(Type.String()),
    issuerName: Nullable(Type.String()),
    image: Nullable(Type.String({ description: 'An https URL or a data: URL.' })),
    issuedAt: Nullable(Type.String()),
    validFrom: Nullable(Type.String()),
    validUntil: Nullable(Type.String()),
    status: Type.Union([
      Type.Literal('valid'),
      Type.Literal('expired'),
      Type.Literal('revoked'),
      Type.Literal('suspended'),
      Type.Literal('unverified'),
    ]),
    verdict: Nullable(
      Type.String({ description: 'The last verification verdict; null until checked.' }),
    ),
    checkedAt: Nullable(Type.String()),
    previousStatus: Nullable(
      Type.String({
        description: 'Set when a re-check changed the status and the learner has not seen it yet.',
      }),
    ),
    statusChangedAt: Nullable(Type.String()),
    visibility: Type.Union([Type.Literal('private'), Type.Literal('public')]),
    addedAt: Type.String(),
  },
  { additionalProperties: false, title: 'WalletCredentialSummary' },
);
export type WalletCredentialSummary = Static<typeof WalletCredentialSummary>;

export type WalletCredentialRow = WalletCredentialsTable;

export const presentWalletSummary = (row: WalletCredentialRow): WalletCredentialSummary => ({
  id: row.id,
  origin: row.origin,
  awardId: row.award_id,
  format: row.format,
  obVersion: row.ob_version === 2 ? 2 : 3,
  name: row.achievement_name,
  description: row.description,
  issuerId: row.issuer_id,
  issuerName: row.issuer_name,
  image: row.image,
  issuedAt: row.issued_at,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  status: row.status,
  verdict: row.verdict,
  checkedAt: row.checked_at,
  previousStatus: row.previous_status,
  statusChangedAt: row.status_changed_at,
  visibility: row.visibility,
  addedAt: row.created_at,
});
