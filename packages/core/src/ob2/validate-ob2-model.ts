/**
 * Validates a value against an OB 2.0 model schema with Ajv (JSON Schema 2019-09, the same
 * formats as the OB 3.0 models, every error reported). Each schema is compiled once.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import { AkashiError } from '../errors/akashi-error.js';
import { formatSchemaErrors } from '../models/format-schema-errors.js';
import { addModelFormats, type SchemaValidationResult } from '../models/validate-model.js';
import { OB2_LENIENT_SCHEMAS } from './ob2-lenient-models.js';
import { OB2_STRICT_SCHEMAS, type Ob2ModelName } from './ob2-models.js';

export type Ob2ModelVariant = 'strict' | 'lenient';

let ajv: Ajv2019 | undefined;
const compiled = new Map<string, ValidateFunction>();

const getValidator = (variant: Ob2ModelVariant, model: Ob2ModelName): ValidateFunction => {
  const key = `${variant}:${model}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    // `anyOf: [{ required: ['id'] }, ...]` names members declared beside it (strictRequired).
    ajv ??= addModelFormats(new Ajv2019({ allErrors: true, strictRequired: false }));
    const schemas = variant === 'strict' ? OB2_STRICT_SCHEMAS : OB2_LENIENT_SCHEMAS;
    validate = ajv.compile(schemas[model]);
    compiled.set(key, validate);
  }
  return validate;
};

/** Validates `value` against the `variant` schema of the OB 2.0 class `model`. */
export const validateOb2Model = (
  variant: Ob2ModelVariant,
  model: Ob2ModelName,
  value: unknown,
): SchemaValidationResult => {
  const validate = getValidator(variant, model);
  if (validate(value)) return { ok: true };
  return { ok: false, errors: formatSchemaErrors(validate.errors) };
};

/**
 * Returns `value` if it matches the strict schema of `model`; otherwise throws
 * `ERR_CREDENTIAL_INVALID` whose message and `details.errors` list every bad field.
 */
export const assertStrictOb2Model = <T>(model: Ob2ModelName, value: T): T => {
  const result = validateOb2Model('strict', model, value);
  if (result.ok) return value;
  const list = result.errors.map((error) => `${error.path || '/'} ${error.message}`).join('; ');
  throw new AkashiError(
    'ERR_CREDENTIAL_INVALID',
    {
      en: `Invalid Open Badges 2.0 ${model}: ${list}`,
      ja: `Open Badges 2.0 の ${model} に不正な項目があります: ${list}`,
    },
    { details: { model, errors: result.errors } },
  );
};
