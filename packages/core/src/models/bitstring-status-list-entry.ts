import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit } from './model-kit.js';
import { STATUS_PURPOSES, createEnumSchema } from './vocabularies.js';

/** A non-negative decimal integer written as a string, as Bitstring Status List requires. */
export const STATUS_LIST_INDEX_PATTERN = '^(0|[1-9][0-9]*)$';

/**
 * `credentialStatus` as Akashi emits it: a W3C Bitstring Status List entry. The official OB
 * schemas require an `id`; it must not be the status list URL itself.
 */
export const BitstringStatusListEntrySchema = Type.Object(
  {
    id: strictKit.uri('The entry id, e.g. `<statusListCredential>#<statusListIndex>`.'),
    type: Type.Literal('BitstringStatusListEntry'),
    statusPurpose: createEnumSchema(STATUS_PURPOSES, 'What the status bit means.'),
    statusListIndex: Type.String({
      pattern: STATUS_LIST_INDEX_PATTERN,
      description: 'The bit position in the status list, as a decimal string.',
    }),
    statusListCredential: strictKit.uri('The URL of the BitstringStatusListCredential.'),
    statusSize: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Bits per status entry (default 1).' }),
    ),
  },
  strictKit.model('BitstringStatusListEntry', 'A Bitstring Status List entry (credentialStatus).'),
);
export type BitstringStatusListEntry = Static<typeof BitstringStatusListEntrySchema>;

/**
 * `credentialStatus` as received: a Bitstring Status List entry, the deprecated
 * 1EdTechRevocationList, or another mechanism; the status check interprets it.
 */
export const LenientCredentialStatusSchema = Type.Object(
  {
    id: Type.Optional(lenientKit.uri('The id of the status entry.')),
    type: lenientKit.text('The status mechanism, e.g. BitstringStatusListEntry.'),
  },
  lenientKit.model('CredentialStatus', 'A credentialStatus entry of any type.'),
);
export type LenientCredentialStatus = Static<typeof LenientCredentialStatusSchema>;
