/**
 * The members OpenBadgeCredential and EndorsementCredential builders share: `id`, `issuer`,
 * dates (from an injectable clock), display members, `credentialStatus`, `credentialSchema`.
 */
import { randomUUID } from 'node:crypto';
import type { BitstringStatusListEntry } from './bitstring-status-list-entry.js';
import { shapeProfile, type ProfileInput } from './build-profile.js';
import {
  shapeDateTime,
  shapeIfPresent,
  toArray,
  type DateTimeInput,
  type Loosen,
} from './builder-input.js';
import type { CredentialSchema, CredentialSchemaType } from './credential-schema.js';
import { formatDateTime } from './format-date-time.js';
import { omitEmpty } from './omit-empty.js';
import { shapeImage, type ImageInput } from './shape-image.js';
import type { StatusPurpose } from './vocabularies.js';

/**
 * A Bitstring Status List entry. `statusPurpose` defaults to `revocation`; `statusListIndex`
 * may be a number; `id` defaults to `<statusListCredential>#<statusListIndex>`.
 */
export type BitstringStatusListEntryInput = Loosen<
  Omit<BitstringStatusListEntry, 'id' | 'type' | 'statusPurpose' | 'statusListIndex'>
> & {
  readonly id?: string | undefined;
  readonly type?: 'BitstringStatusListEntry' | undefined;
  readonly statusPurpose?: StatusPurpose | undefined;
  readonly statusListIndex: string | number;
};

/** A schema URL (type `1EdTechJsonSchemaValidator2019`), or `{ id, type }`. */
export type CredentialSchemaInput =
  string | { readonly id: string; readonly type?: CredentialSchemaType | undefined };

export interface CredentialEnvelopeInput {
  /** Defaults to `urn:uuid:<random UUID>`. */
  readonly id?: string | undefined;
  /** The issuer profile; it is always emitted as an object with a `name`. */
  readonly issuer: ProfileInput;
  /** Defaults to the clock's now, as `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly validFrom?: DateTimeInput | undefined;
  readonly validUntil?: DateTimeInput | undefined;
  readonly awardedDate?: DateTimeInput | undefined;
  readonly description?: string | undefined;
  readonly image?: ImageInput | undefined;
  readonly credentialStatus?: BitstringStatusListEntryInput | undefined;
  readonly credentialSchema?: CredentialSchemaInput | readonly CredentialSchemaInput[] | undefined;
}

export interface CredentialClockOptions {
  /** The clock `validFrom` defaults from (injectable for deterministic output). */
  readonly clock?: (() => Date) | undefined;
}

const shapeCredentialStatus = (input: BitstringStatusListEntryInput): BitstringStatusListEntry => {
  const statusListIndex =
    typeof input.statusListIndex === 'number'
      ? String(input.statusListIndex)
      : input.statusListIndex;
  return omitEmpty({
    ...input,
    id: input.id ?? `${input.statusListCredential}#${statusListIndex}`,
    type: 'BitstringStatusListEntry' as const,
    statusPurpose: input.statusPurpose ?? 'revocation',
    statusListIndex,
  });
};

const shapeCredentialSchema = (input: CredentialSchemaInput): CredentialSchema =>
  typeof input === 'string'
    ? { id: input, type: '1EdTechJsonSchemaValidator2019' }
    : omitEmpty({ ...input, type: input.type ?? '1EdTechJsonSchemaValidator2019' });

/** The shared members, in the order Akashi writes them; not yet checked. */
export const shapeCredentialEnvelope = (
  input: CredentialEnvelopeInput,
  options: CredentialClockOptions,
) => {
  const clock = options.clock ?? (() => new Date());
  return {
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    description: input.description,
    image: shapeImage(input.image),
    issuer: shapeIfPresent(input.issuer, shapeProfile),
    validFrom: shapeDateTime(input.validFrom) ?? formatDateTime(clock()),
    validUntil: shapeDateTime(input.validUntil),
    awardedDate: shapeDateTime(input.awardedDate),
    credentialStatus: shapeIfPresent(input.credentialStatus, shapeCredentialStatus),
    credentialSchema: toArray(input.credentialSchema)?.map(shapeCredentialSchema),
  };
};
