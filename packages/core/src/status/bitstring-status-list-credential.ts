/**
 * The shape of a `BitstringStatusListCredential` (Bitstring Status List v1.0 §2.2), unsigned or
 * signed: one schema, and the TypeScript type inferred from it. Further VC properties (`proof`,
 * `name`, …) are allowed.
 */
import { Type, type Static } from '@sinclair/typebox';

export const BitstringStatusListSchema = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1 })),
  type: Type.Literal('BitstringStatusList'),
  /** One or more purposes; an entry's purpose must be one of them. */
  statusPurpose: Type.Union([
    Type.String({ minLength: 1 }),
    Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  ]),
  /** Multibase (`u`) base64url, no padding, of the GZIP of the bitstring. */
  encodedList: Type.String({ minLength: 1 }),
  /** Milliseconds before a refresh should be attempted. */
  ttl: Type.Optional(Type.Number({ minimum: 0 })),
});

export const BitstringStatusListCredentialSchema = Type.Object({
  '@context': Type.Array(Type.Union([Type.String(), Type.Record(Type.String(), Type.Unknown())]), {
    minItems: 1,
  }),
  id: Type.Optional(Type.String({ minLength: 1 })),
  type: Type.Array(Type.String(), { contains: Type.Literal('BitstringStatusListCredential') }),
  issuer: Type.Union([
    Type.String({ minLength: 1 }),
    Type.Object({ id: Type.String({ minLength: 1 }), name: Type.Optional(Type.String()) }),
  ]),
  validFrom: Type.Optional(Type.String()),
  validUntil: Type.Optional(Type.String()),
  credentialSubject: BitstringStatusListSchema,
});

export type BitstringStatusList = Static<typeof BitstringStatusListSchema>;
export type BitstringStatusListCredential = Static<typeof BitstringStatusListCredentialSchema>;
