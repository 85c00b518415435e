/**
 * Every model schema exists in two variants built from one definition:
 *
 * - `strict`: exactly what Akashi emits (§2.2 of the standards notes): `type` and every
 *   multi-valued property as a non-empty array, `proof` as an array, URIs in `format: uri`,
 *   no unknown properties. The builders' output is checked against these.
 * - `lenient`: what Akashi accepts when it verifies someone else's credential: the forms JSON-LD
 *   compaction may produce (`type: "X"`, a single `proof`, `credentialSchema` or `termsOfUse`),
 *   an issuer given as a bare URI, empty arrays, extension properties, `endorsementJwt`
 *   (which Akashi never emits: the OB 3.0.3 context does not define it).
 *
 * A model file defines its schema once as a function of a `ModelKit`; the kit supplies the parts
 * that differ between the variants. Models refer to each other by `$id`, so each schema is a
 * standalone, JSON-Schema-clean document (2019-09) that Ajv and OpenAPI tools can load as is.
 */
import {
  Type,
  type ObjectOptions,
  type Static,
  type TArray,
  type TSchema,
  type TString,
  type TUnsafe,
} from '@sinclair/typebox';
import type { LenientModels, SharedModelName, StrictModels } from './model-types.js';

export type ModelVariant = 'strict' | 'lenient';

/** Prefix of every model schema `$id`; the lenient variant adds `lenient:`. */
export const MODEL_SCHEMA_ID_PREFIX = 'urn:akashi:schema:ob3:';

/** The `$id` of a model schema, e.g. `urn:akashi:schema:ob3:Achievement`. */
export const getModelSchemaId = (variant: ModelVariant, model: string): string =>
  variant === 'strict'
    ? `${MODEL_SCHEMA_ID_PREFIX}${model}`
    : `${MODEL_SCHEMA_ID_PREFIX}lenient:${model}`;

/** The TypeScript type of a model in a variant. */
export type ModelType<V extends ModelVariant, N extends SharedModelName> = V extends 'strict'
  ? StrictModels[N]
  : LenientModels[N];

/** `type`: an unordered set of IRIs with required members. */
export type TypeSetSchema<V extends ModelVariant> = V extends 'strict'
  ? TArray<TString>
  : TUnsafe<string | string[]>;

/** A property JSON-LD compaction may collapse to a single value. */
export type OneOrManySchema<V extends ModelVariant, T extends TSchema> = V extends 'strict'
  ? TArray<T>
  : TUnsafe<Static<T> | Static<T>[]>;

export interface ModelOptions {
  /** Lenient only: close the model as the official schemas do (Image, IdentityObject, ...). */
  readonly closed?: boolean;
  /** Strict only: keep the model open (TermsOfUse: its members depend on the policy). */
  readonly open?: boolean;
}

export interface ModelKit<V extends ModelVariant> {
  readonly variant: V;
  /** `$id`, `title`, `description` and `additionalProperties` of a model schema. */
  model(name: string, description: string, options?: ModelOptions): ObjectOptions;
  /**
   * `type` holding every listed member; a member given as a list is satisfied by any one of it.
   * Lenient also takes a bare string when one member is required.
   */
  typeSet(...members: readonly (string | readonly string[])[]): TypeSetSchema<V>;
  /** A reference to another model of the same variant. */
  ref<N extends SharedModelName>(name: N): TUnsafe<ModelType<V, N>>;
  /** A multi-valued (0..*) property: always an array; strict forbids an empty one. */
  list<T extends TSchema>(item: T, description?: string): TArray<T>;
  /** A property that may be a single value or an array on input; strict emits an array. */
  oneOrMany<T extends TSchema>(item: T, description?: string): OneOrManySchema<V, T>;
  /** A URI. Strict: RFC 3986 (`format: uri`); lenient: any IRI with a scheme. */
  uri(description?: string): TString;
  /** A string; strict forbids the empty string. */
  text(description?: string): TString;
  /** `constraints` in the strict variant; nothing in the lenient one (it follows the official schemas). */
  strictly<T extends object>(constraints: T): Partial<T>;
  /** `strict` in the strict variant, `lenient` in the lenient one. */
  pick<S extends TSchema, L extends TSchema>(strict: S, lenient: L): V extends 'strict' ? S : L;
}

/** A reference to a model schema by `$id`, typed as `T`. */
export const createModelRef = <T>(variant: ModelVariant, model: string): TUnsafe<T> =>
  Type.Unsafe<T>({ $ref: getModelSchemaId(variant, model) });

/** A date-time with a time-zone offset or `Z` (the spec's DateTimeZ). */
export const createDateTimeSchema = (description?: string): TString =>
  Type.String({ format: 'date-time', ...(description === undefined ? {} : { description }) });

const withDescription = (description: string | undefined): { description?: string } =>
  description === undefined ? {} : { description };

const createKit = <V extends ModelVariant>(variant: V): ModelKit<V> => {
  const strict = variant === 'strict';
  return {
    variant,
    model: (name, description, options = {}) => ({
      $id: getModelSchemaId(variant, name),
      title: strict ? name : `${name} (lenient)`,
      description,
      // Strict schemas are closed; lenient ones follow the official schemas (open, except the
      // classes they close: Image, IdentityObject, IdentifierEntry).
      additionalProperties: strict ? options.open === true : options.closed !== true,
    }),
    typeSet: (...members) => {
      const containing = members.map((member) =>
        typeof member === 'string'
          ? { contains: { const: member } }
          : { contains: { enum: [...member] } },
      );
      const constraint = containing.length === 1 ? containing[0] : { allOf: containing };
      const array = { type: 'array', items: { type: 'string' }, minItems: 1, ...constraint };
      const required = members
        .map((member) =>
          typeof member === 'string' ? `'${member}'` : member.map((m) => `'${m}'`).join(' or '),
        )
        .join(' and ');
      const description = `The type IRIs (an unordered set); MUST include ${required}.`;
      const [first] = members;
      if (strict || members.length !== 1 || typeof first !== 'string') {
        return Type.Unsafe<string[]>({ description, ...array }) as TypeSetSchema<V>;
      }
      return Type.Unsafe<string | string[]>({
        description,
        if: { type: 'string' },
        then: { type: 'string', const: first },
        else: array,
      }) as TypeSetSchema<V>;
    },
    ref: (name) => createModelRef(variant, name),
    list: (item, description) =>
      Type.Array(item, { ...(strict ? { minItems: 1 } : {}), ...withDescription(description) }),
    oneOrMany: <T extends TSchema>(item: T, description?: string) => {
      if (strict) {
        const array = Type.Array(item, { minItems: 1, ...withDescription(description) });
        return array as OneOrManySchema<V, T>;
      }
      return Type.Unsafe<Static<T> | Static<T>[]>({
        ...withDescription(description),
        if: { type: 'array' },
        then: Type.Array(item),
        else: item,
      }) as OneOrManySchema<V, T>;
    },
    uri: (description) =>
      Type.String({ format: strict ? 'uri' : 'iri', ...withDescription(description) }),
    text: (description) =>
      Type.String({ ...(strict ? { minLength: 1 } : {}), ...withDescription(description) }),
    strictly: (constraints) => (strict ? constraints : {}),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- S and L name the branches of the result
    pick: <S extends TSchema, L extends TSchema>(strictSchema: S, lenientSchema: L) =>
      (strict ? strictSchema : lenientSchema) as V extends 'strict' ? S : L,
  };
};

export const strictKit: ModelKit<'strict'> = createKit('strict');
export const lenientKit: ModelKit<'lenient'> = createKit('lenient');

/**
 * Lenient IRIs: a scheme, a colon, then no whitespace or control characters. Registered with Ajv
 * as the `iri` format (ajv-formats has none).
 */
export const IRI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}]*$/u;
