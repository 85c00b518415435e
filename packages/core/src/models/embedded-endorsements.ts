/**
 * `endorsement` and `endorsementJwt`, as Achievement, Profile and AchievementCredential carry them.
 * An embedded endorsement must carry its own proof (the reference validator rejects one without);
 * the strict variant says so, the lenient one leaves it to the proof check.
 */
import { Type, type TArray, type TOptional, type TString, type TUnsafe } from '@sinclair/typebox';
import { getModelSchemaId, type ModelKit, type ModelType, type ModelVariant } from './model-kit.js';

/** A compact JWS (`header.payload.signature`, base64url). */
export const COMPACT_JWS_PATTERN = '^[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]*\\.[a-zA-Z0-9_-]+$';

export const defineEmbeddedEndorsements = <V extends ModelVariant>(
  k: ModelKit<V>,
): TArray<TUnsafe<ModelType<V, 'EndorsementCredential'>>> => {
  const $ref = getModelSchemaId(k.variant, 'EndorsementCredential');
  const item = Type.Unsafe<ModelType<V, 'EndorsementCredential'>>(
    k.variant === 'strict'
      ? { allOf: [{ $ref }, { type: 'object', required: ['proof'] }] }
      : { $ref },
  );
  return k.list(item, 'Endorsements signed with a Data Integrity proof.');
};

export type EndorsementJwtProperty<V extends ModelVariant> = V extends 'strict'
  ? // eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no member at all in the strict variant
    Record<never, never>
  : { endorsementJwt: TOptional<TArray<TString>> };

/**
 * `endorsementJwt`, accepted on input only. The published OB 3.0.3 context does not define the
 * term (only the 1EdTech validator's edited copy does), so a credential carrying it fails
 * JSON-LD safe mode: Akashi never emits it.
 */
export const defineEndorsementJwtProperty = <V extends ModelVariant>(
  k: ModelKit<V>,
): EndorsementJwtProperty<V> => {
  if (k.variant === 'strict') return {} as EndorsementJwtProperty<V>;
  const endorsementJwt = Type.Optional(
    k.list(
      Type.String({ pattern: COMPACT_JWS_PATTERN }),
      'Endorsements signed with the VC-JWT proof format (compact JWS).',
    ),
  );
  return { endorsementJwt };
};
