import { AkashiError } from '../errors/akashi-error.js';
import type { StrictModelName } from './model-schemas.js';
import { validateModel } from './validate-model.js';

/**
 * Returns `value` if it matches the strict schema of `model`; otherwise throws
 * `ERR_CREDENTIAL_INVALID` whose message and `details.errors` list every bad field.
 */
export const assertStrictModel = <T>(model: StrictModelName, value: T): T => {
  const result = validateModel('strict', model, value);
  if (result.ok) return value;
  const list = result.errors.map((error) => `${error.path || '/'} ${error.message}`).join('; ');
  throw new AkashiError(
    'ERR_CREDENTIAL_INVALID',
    {
      en: `Invalid ${model}: ${list}`,
      ja: `${model} に不正な項目があります: ${list}`,
    },
    { details: { model, errors: result.errors } },
  );
};
