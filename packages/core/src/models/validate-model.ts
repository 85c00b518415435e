/**
 * Validates a value against a model schema with Ajv (JSON Schema 2019-09, ajv-formats, every
 * error reported). Each variant's schemas are compiled once, on first use.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { formatSchemaErrors, type SchemaValidationError } from './format-schema-errors.js';
import { IRI_PATTERN, getModelSchemaId, type ModelVariant } from './model-kit.js';
import { getModelSchemas, type LenientModelName, type StrictModelName } from './model-schemas.js';

export type SchemaValidationResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: SchemaValidationError[] };

// ajv-formats is CommonJS; under NodeNext its default import is the module namespace.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Registers the formats the model schemas use (`date-time`, `uri`, `email`, ..., and `iri`). */
export const addModelFormats = (ajv: Ajv2019): Ajv2019 => {
  addFormats(ajv);
  ajv.addFormat('iri', IRI_PATTERN);
  return ajv;
};

const instances = new Map<ModelVariant, Ajv2019>();

const getAjv = (variant: ModelVariant): Ajv2019 => {
  let ajv = instances.get(variant);
  if (ajv === undefined) {
    // Two strict-mode rules stay off, for constructs the schemas use on purpose:
    // `anyOf: [{ required: ['id'] }, ...]` names members declared beside it (strictRequired),
    // and `@context` is an open tuple (strictTuples).
    ajv = addModelFormats(
      new Ajv2019({ allErrors: true, verbose: true, strictRequired: false, strictTuples: false }),
    );
    ajv.addSchema([...getModelSchemas(variant)]);
    instances.set(variant, ajv);
  }
  return ajv;
};

const getValidator = (variant: ModelVariant, model: string): ValidateFunction => {
  const validate = getAjv(variant).getSchema(getModelSchemaId(variant, model));
  if (validate === undefined) throw new TypeError(`model: no ${variant} schema named ${model}`);
  return validate;
};

/** Validates `value` against the `variant` schema of `model` (e.g. `'OpenBadgeCredential'`). */
export function validateModel(
  variant: 'strict',
  model: StrictModelName,
  value: unknown,
): SchemaValidationResult;
export function validateModel(
  variant: 'lenient',
  model: LenientModelName,
  value: unknown,
): SchemaValidationResult;
export function validateModel(
  variant: ModelVariant,
  model: StrictModelName | LenientModelName,
  value: unknown,
): SchemaValidationResult {
  const validate = getValidator(variant, model);
  if (validate(value)) return { ok: true };
  return { ok: false, errors: formatSchemaErrors(validate.errors) };
}
