/**
 * Builds the OpenAPI 3.1 document from the routes' own schemas: the TypeBox schemas that validate
 * requests and shape responses are the ones published (OpenAPI 3.1 uses JSON Schema 2020-12, of
 * which TypeBox emits a subset). Every operation answers errors with the one `ErrorEnvelope`, and
 * the document lists every error code (`x-error-codes`).
 */
import type { FastifySchema } from 'fastify';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { ERROR_REGISTRY, SERVER_ERROR_CODES } from '../http/error-registry.js';
import type { DocumentedRoute } from './route-documentation.js';

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument extends JsonObject {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, JsonObject>>>>;
}

export interface BuildOpenApiDocumentOptions {
  readonly routes: readonly DocumentedRoute[];
  readonly version: string;
  /** The public origin, listed as the server. */
  readonly publicUrl: string;
}

const ERROR_ENVELOPE_REF = { $ref: '#/components/schemas/ErrorEnvelope' };

/** A plain JSON copy of a schema (TypeBox's symbol keys dropped); the envelope by reference. */
const toJsonSchema = (schema: unknown): unknown => {
  if (schema === undefined) return undefined;
  if (schema === ErrorEnvelope) return ERROR_ENVELOPE_REF;
  return JSON.parse(JSON.stringify(schema)) as unknown;
};

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `/things/:id` → `/things/{id}` (a parameter's regular expression is dropped). */
export const toOpenApiPath = (url: string): string =>
  url.replace(/:([A-Za-z0-9_]+)(?:\([^)]*\))?/g, '{$1}').replace(/\*$/, '{wildcard}');

const PARAMETER_LOCATIONS = [
  ['params', 'path'],
  ['querystring', 'query'],
  ['headers', 'header'],
] as const;

const buildParameters = (schema: FastifySchema): JsonObject[] => {
  const parameters: JsonObject[] = [];
  for (const [part, location] of PARAMETER_LOCATIONS) {
    const partSchema = toJsonSchema(schema[part]);
    if (!isObject(partSchema) || !isObject(partSchema.properties)) continue;
    const required = new Set(Array.isArray(partSchema.required) ? partSchema.required : []);
    for (const [name, property] of Object.entries(partSchema.properties)) {
      const description = isObject(property) ? property.description : undefined;
      parameters.push({
        name,
        in: location,
        required: location === 'path' || required.has(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: property,
      });
    }
  }
  return parameters;
};

const STATUS_TEXT: Readonly<Record<string, string>> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  '2xx': 'Success',
};

const buildResponses = (schema: FastifySchema): JsonObject => {
  const responses: JsonObject = {};
  const declared = isObject(schema.response) ? schema.response : {};
  for (const [status, responseSchema] of Object.entries(declared)) {
    const json = toJsonSchema(responseSchema);
    const description =
      isObject(json) && typeof json.description === 'string'
        ? json.description
        : json === ERROR_ENVELOPE_REF
          ? 'Error'
          : (STATUS_TEXT[status] ?? 'Response');
    responses[status] = { description, content: { 'application/json': { schema: json } } };
  }
  if (Object.keys(responses).every((status) => !/^2/.test(status))) {
    responses['200'] = { description: 'OK' };
  }
  responses.default ??= {
    description: 'Error (see x-error-codes)',
    content: { 'application/json': { schema: ERROR_ENVELOPE_REF } },
  };
  return responses;
};

const buildOperation = (schema: FastifySchema): JsonObject => {
  const parameters = buildParameters(schema);
  return {
    ...(schema.operationId === undefined ? {} : { operationId: schema.operationId }),
    ...(schema.summary === undefined ? {} : { summary: schema.summary }),
    ...(schema.description === undefined ? {} : { description: schema.description }),
    ...(schema.tags === undefined ? {} : { tags: [...schema.tags] }),
    ...(schema.deprecated === true ? { deprecated: true } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(schema.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJsonSchema(schema.body) } },
          },
        }),
    responses: buildResponses(schema),
  };
};

export const buildOpenApiDocument = ({
  routes,
  version,
  publicUrl,
}: BuildOpenApiDocumentOptions): OpenApiDocument => {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const tags = new Set<string>();
  const sorted = [...routes].sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
  for (const { method, url, schema = {} } of sorted) {
    if (schema.hide === true || method === 'HEAD') continue;
    const path = toOpenApiPath(url);
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = buildOperation(schema);
    for (const tag of schema.tags ?? []) tags.add(tag);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Akashi API',
      version,
      description:
        'The HTTP API of an Akashi instance. Every error is an ErrorEnvelope whose `code` is listed in `x-error-codes`; messages follow Accept-Language (ja or en).',
    },
    servers: [{ url: publicUrl }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: { schemas: { ErrorEnvelope: toJsonSchema({ ...ErrorEnvelope }) } },
    'x-error-codes': SERVER_ERROR_CODES.map((code) => ({
      code,
      status: ERROR_REGISTRY[code].status,
      message: ERROR_REGISTRY[code].message,
    })),
  };
};
