/**
 * Turns Ajv errors into one `{ path, message }` per bad field: the path is a JSON Pointer to the
 * field itself (a missing or unexpected member included), and the message says what the field
 * must be. Errors that only restate another one (the `if` of an if/then/else, the items tried
 * by `contains`, the branches of an `anyOf` of required members or of JSON types) are folded in.
 */
import type { ErrorObject } from 'ajv';

export interface SchemaValidationError {
  /** JSON Pointer to the offending member; `''` is the whole value. */
  readonly path: string;
  readonly message: string;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const quote = (value: unknown): string => JSON.stringify(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `anyOf: [{ required: [a] }, { required: [b] }]` → `['a', 'b']`; otherwise undefined. */
const readRequiredAlternatives = (schema: unknown): string[] | undefined => {
  if (!Array.isArray(schema)) return undefined;
  const names: string[] = [];
  for (const branch of schema) {
    if (!isRecord(branch) || Object.keys(branch).length !== 1) return undefined;
    const required = branch.required;
    if (!Array.isArray(required)) return undefined;
    for (const name of required) if (typeof name === 'string') names.push(name);
  }
  return names;
};

/** `anyOf: [{ type: 'string' }, { type: 'object' }]` → `['string', 'object']`; otherwise undefined. */
const readTypeAlternatives = (schema: unknown): string[] | undefined => {
  if (!Array.isArray(schema)) return undefined;
  const types: string[] = [];
  for (const branch of schema) {
    if (!isRecord(branch) || Object.keys(branch).length !== 1) return undefined;
    if (typeof branch.type !== 'string') return undefined;
    types.push(branch.type);
  }
  return types;
};

/** The message of an `anyOf` whose branches only differ in required members or JSON type. */
const describeAlternatives = (schema: unknown): string | undefined => {
  const names = readRequiredAlternatives(schema);
  if (names !== undefined) return `must have ${names.join(' or ')}`;
  const types = readTypeAlternatives(schema);
  if (types !== undefined) return `must be ${types.join(' or ')}`;
  return undefined;
};

const describeContains = (schema: unknown): string => {
  if (isRecord(schema) && 'const' in schema) return `must contain ${quote(schema.const)}`;
  if (isRecord(schema) && Array.isArray(schema.enum)) {
    return `must contain one of ${schema.enum.map(quote).join(', ')}`;
  }
  return 'must contain a matching item';
};

const formatOne = (error: ErrorObject): SchemaValidationError => {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        path: `${error.instancePath}/${escapePointer(String(params.missingProperty))}`,
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        path: `${error.instancePath}/${escapePointer(String(params.additionalProperty))}`,
        message: 'is not allowed here',
      };
    case 'const':
      return { path: error.instancePath, message: `must be ${quote(params.allowedValue)}` };
    case 'enum':
      return {
        path: error.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).map(quote).join(', ')}`,
      };
    case 'contains':
      return { path: error.instancePath, message: describeContains(error.schema) };
    case 'anyOf':
      return {
        path: error.instancePath,
        message: describeAlternatives(error.schema) ?? error.message ?? 'is invalid',
      };
    default:
      return { path: error.instancePath, message: error.message ?? 'is invalid' };
  }
};

export const formatSchemaErrors = (
  errors: readonly ErrorObject[] | null | undefined,
): SchemaValidationError[] => {
  if (!errors) return [];
  const folded = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if') folded.add(error);
    if (error.keyword === 'contains') {
      // The per-item failures of `contains` only restate it.
      const prefix = `${error.schemaPath}/`;
      for (const other of errors) {
        if (
          other.schemaPath.startsWith(prefix) &&
          other.instancePath.startsWith(error.instancePath)
        ) {
          folded.add(other);
        }
      }
    }
    if (error.keyword === 'anyOf' && describeAlternatives(error.schema) !== undefined) {
      const prefix = `${error.schemaPath}/`;
      for (const other of errors) {
        if (other.schemaPath.startsWith(prefix) && other.instancePath === error.instancePath) {
          folded.add(other);
        }
      }
    }
  }
  const seen = new Set<string>();
  const result: SchemaValidationError[] = [];
  for (const error of errors) {
    if (folded.has(error)) continue;
    const formatted = formatOne(error);
    const key = `${formatted.path}\u0000${formatted.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(formatted);
  }
  return result;
};
