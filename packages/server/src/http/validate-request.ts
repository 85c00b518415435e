/**
 * Request validation against the route's TypeBox schemas (`params`, `querystring`, `headers`,
 * `body`), reporting every bad field of every part at once. Fastify's own validation stops at the
 * first failing part, so it is switched off and this runs as a `preValidation` hook added to each
 * route that has a schema.
 *
 * Defaults from the schema are filled in. Values in the URL and headers arrive as strings and are
 * converted to the schema's types (`?limit=20` → 20); a JSON body is taken as sent (no coercion:
 * `"20"` is not a number). Only TypeBox schemas are accepted.
 */
import { Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type {
  FastifyInstance,
  FastifyRequest,
  FastifySchema,
  preValidationAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import { describeValueError } from './describe-value-error.js';
import { ServerError, type FieldError, type RequestPart } from './server-error.js';
import { registerStringFormats } from './string-formats.js';

/** At most this many fields are reported: a huge bad array must not make a huge answer. */
export const MAX_REPORTED_FIELDS = 100;

type RequestProperty = 'params' | 'query' | 'headers' | 'body';

const PARTS: readonly { part: RequestPart; property: RequestProperty; convert: boolean }[] = [
  { part: 'params', property: 'params', convert: true },
  { part: 'querystring', property: 'query', convert: true },
  { part: 'headers', property: 'headers', convert: true },
  { part: 'body', property: 'body', convert: false },
];

interface PartCheck {
  readonly part: RequestPart;
  readonly property: RequestProperty;
  readonly convert: boolean;
  readonly schema: TSchema;
  readonly check: TypeCheck<TSchema>;
}

export type RequestValidator = (request: FastifyRequest) => void;

const isTypeBoxSchema = (value: unknown): value is TSchema =>
  typeof value === 'object' && value !== null && Kind in value;

/** Every problem of `value`, one per field (a missing field is not also "not a string"). */
const collectFields = (check: PartCheck, value: unknown, into: FieldError[]): void => {
  const required: string[] = [];
  const seen = new Set<string>();
  for (const error of check.check.Errors(value)) {
    if (into.length >= MAX_REPORTED_FIELDS) return;
    if (required.some((path) => error.path === path || error.path.startsWith(`${path}/`))) {
      continue;
    }
    if (error.type === ValueErrorType.ObjectRequiredProperty) required.push(error.path);
    const message = describeValueError(error);
    const key = `${error.path}\u0000${message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    into.push({ in: check.part, path: error.path, message });
  }
};

/**
 * Compiles the validator of a route's schema, or returns undefined when the route validates
 * nothing. Throws a `TypeError` (at start-up) for a schema that is not TypeBox.
 */
export const compileRequestValidator = (
  schema: FastifySchema,
  route: string,
): RequestValidator | undefined => {
  registerStringFormats();
  const checks: PartCheck[] = [];
  for (const { part, property, convert } of PARTS) {
    const partSchema: unknown = schema[part];
    if (partSchema === undefined) continue;
    if (!isTypeBoxSchema(partSchema)) {
      throw new TypeError(`${route}: schema.${part} must be a TypeBox schema`);
    }
    const check = TypeCompiler.Compile(partSchema);
    checks.push({ part, property, convert, schema: partSchema, check });
  }
  if (checks.length === 0) return undefined;
  return (request) => {
    const fields: FieldError[] = [];
    const accepted: [RequestProperty, unknown][] = [];
    for (const check of checks) {
      let value: unknown = request[check.property];
      if (check.convert) {
        value = Value.Convert(check.schema, Value.Default(check.schema, Value.Clone(value)));
      } else if (value !== undefined) {
        value = Value.Default(check.schema, value);
      }
      if (check.check.Check(value)) accepted.push([check.property, value]);
      else collectFields(check, value, fields);
    }
    if (fields.length > 0) throw new ServerError('ERR_HTTP_VALIDATION', { fields });
    for (const [property, value] of accepted) {
      (request as unknown as Record<RequestProperty, unknown>)[property] = value;
    }
  };
};

const VALIDATION_HOOKS = new WeakSet<object>();

const toHookList = (hooks: RouteOptions['preValidation']): unknown[] => {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? [...(hooks as unknown[])] : [hooks];
};

/** Switches Fastify's validation off and validates every route's request with its schema. */
export const installRequestValidation = (app: FastifyInstance): void => {
  app.setValidatorCompiler(() => () => true);
  app.addHook('onRoute', (route) => {
    if (route.schema === undefined) return;
    const existing = toHookList(route.preValidation);
    if (existing.some((hook) => typeof hook === 'function' && VALIDATION_HOOKS.has(hook))) return;
    const validate = compileRequestValidator(
      route.schema,
      `${route.method.toString()} ${route.url}`,
    );
    if (validate === undefined) return;
    const hook: preValidationAsyncHookHandler = async (request) => {
      validate(request);
      return Promise.resolve();
    };
    VALIDATION_HOOKS.add(hook);
    route.preValidation = [...existing, hook] as NonNullable<RouteOptions['preValidation']>;
  });
};
