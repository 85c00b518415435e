/**
 * The `credentialSchema` part of the `schema` check (OB 3.0 §2.6, validator InlineJsonSchemaProbe):
 * the credential, as it is, is validated against the JSON Schema of every entry of type
 * `1EdTechJsonSchemaValidator2019`. Schemas are fetched through the verifier's fetcher (the
 * official 1EdTech schemas are not bundled: licence), compiled once per URL with Ajv 2019-09 and
 * ajv-formats, and cached. A schema that does not exist (404/410) or that is not a usable JSON
 * Schema fails the check; one that cannot be fetched leaves it in `error`.
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { formatSchemaErrors } from '../models/format-schema-errors.js';
import { createTtlCache } from './create-ttl-cache.js';
import type { RemoteDocuments, RemoteResult } from './remote-documents.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';

type Json = Record<string, unknown>;

export const JSON_SCHEMA_VALIDATOR_TYPE = '1EdTechJsonSchemaValidator2019';

/**
 * The 1EdTech validator's canonical schemas (VC 1.1 and 2.0 "any" variants). The validator
 * applies them from its own copies and skips them in credentialSchema; Akashi does the same with
 * its built-in Open Badges check, which stands in for them (ADR 0004).
 */
const CANONICAL_SCHEMAS: ReadonlySet<string> = new Set([
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyachievementcredential_schema.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyendorsementcredential_schema.json',
]);

/** Schemas checked per credential, remote `$ref`s followed per schema, nesting allowed. */
const MAX_SCHEMAS = 8;
const MAX_REMOTE_REFS = 8;
const MAX_SCHEMA_DEPTH = 64;
const SCHEMA_ACCEPT = 'application/schema+json, application/json;q=0.9, */*;q=0.1';

// ajv-formats is CommonJS; under NodeNext its default import is the module namespace.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const draft07 = createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-07.json') as Json;

export type LoadedSchema =
  | { readonly ok: true; readonly validate: ValidateFunction }
  | { readonly ok: false; readonly check: VerificationCheck };

export type LoadSchema = (url: string) => Promise<LoadedSchema>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deeper than `limit` levels of objects and arrays (checked without recursion). */
const tooDeep = (value: unknown, limit: number): boolean => {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
};

const fetchFailure = (
  url: string,
  loaded: RemoteResult<unknown> & { ok: false },
): LoadedSchema => ({
  ok: false,
  check:
    loaded.kind === 'not-found'
      ? makeCheck('schema', 'failed', 'ERR_CREDENTIAL_SCHEMA_NOT_FOUND', {
          url,
          status: loaded.status ?? 404,
        })
      : makeCheck('schema', 'error', 'ERR_CREDENTIAL_SCHEMA_UNREACHABLE', {
          url,
          reason: loaded.reason,
        }),
});

const unusable = (url: string, reason: string): LoadedSchema => ({
  ok: false,
  check: makeCheck('schema', 'failed', 'ERR_CREDENTIAL_SCHEMA_UNUSABLE', { url, reason }),
});

/** Fetches, compiles and caches JSON Schemas by URL (failures are not cached). */
export const createSchemaLoader = (
  remote: RemoteDocuments,
  ttlMs: number,
  now: () => number,
): LoadSchema => {
  const cache = createTtlCache<LoadedSchema>(ttlMs, now, (loaded) => loaded.ok);

  const compile = async (url: string): Promise<LoadedSchema> => {
    const loaded = await remote.loadJson(url, SCHEMA_ACCEPT);
    if (!loaded.ok) return fetchFailure(url, loaded);
    const schema = loaded.value;
    if (!isObject(schema) && typeof schema !== 'boolean')
      return unusable(url, 'not a JSON Schema object');
    if (tooDeep(schema, MAX_SCHEMA_DEPTH)) return unusable(url, 'nested too deeply');
    let refFailure: LoadedSchema | undefined;
    let refs = 0;
    // One Ajv per schema URL: a schema cannot replace another one's `$id` in a shared instance.
    const ajv = new Ajv2019({
      allErrors: true,
      strict: false,
      loadSchema: async (ref: string) => {
        refs += 1;
        if (refs > MAX_REMOTE_REFS) throw new Error('too many remote $ref');
        const referenced = await remote.loadJson(ref, SCHEMA_ACCEPT);
        if (!referenced.ok) {
          refFailure = fetchFailure(ref, referenced);
          throw new Error(referenced.reason);
        }
        if (!isObject(referenced.value) || tooDeep(referenced.value, MAX_SCHEMA_DEPTH))
          throw new Error(`${ref} is not a usable JSON Schema`);
        return referenced.value;
      },
    });
    addFormats(ajv);
    ajv.addMetaSchema(draft07);
    try {
      const validate = await ajv.compileAsync(schema as Json);
      // An `$async` schema validates through a promise, which would read as "valid".
      if ((validate as { $async?: unknown }).$async === true)
        return unusable(url, '$async schemas are not supported');
      return { ok: true, validate };
    } catch (error) {
      return refFailure ?? unusable(url, error instanceof Error ? error.message : String(error));
    }
  };

  return (url) => cache.get(url, () => compile(url));
};

const asList = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(isObject);

/** One `credentialSchema` entry and what came of it. */
export interface CredentialSchemaResult {
  readonly id: string;
  readonly type: string;
  readonly check: VerificationCheck;
}

/**
 * The credential as the schemas see it: JSON-LD compaction writes a one-element `proof`,
 * `credentialSchema` or `termsOfUse` as the element itself (jsonld-signatures adds a single
 * proof that way). Akashi accepts both forms on input (STANDARDS.md §2.2, P8), so those are
 * given to the schemas as arrays, the form the strict `json/` schemas require.
 */
const asSetForm = (credential: Json): Json => {
  const copy = { ...credential };
  for (const member of ['proof', 'credentialSchema', 'termsOfUse']) {
    if (isObject(copy[member])) copy[member] = [copy[member]];
  }
  return copy;
};

/** Validates `credential` against each `1EdTechJsonSchemaValidator2019` entry it lists. */
export const checkCredentialSchemas = async (
  credential: Json,
  loadSchema: LoadSchema,
): Promise<CredentialSchemaResult[]> => {
  const instance = asSetForm(credential);
  const results: CredentialSchemaResult[] = [];
  const seen = new Set<string>();
  for (const entry of asList(credential.credentialSchema)) {
    const id = typeof entry.id === 'string' ? entry.id : '';
    const type = typeof entry.type === 'string' ? entry.type : String(entry.type);
    if (type !== JSON_SCHEMA_VALIDATOR_TYPE) {
      results.push({
        id,
        type,
        check: makeCheck('schema', 'skipped', 'CREDENTIAL_SCHEMA_UNSUPPORTED', { type }),
      });
      continue;
    }
    if (!URL.canParse(id)) {
      const check = makeCheck('schema', 'failed', 'ERR_CREDENTIAL_SCHEMA_UNUSABLE', {
        url: id,
        reason: 'id is not a URL',
      });
      results.push({ id, type, check });
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    if (CANONICAL_SCHEMAS.has(id)) {
      const check = makeCheck('schema', 'skipped', 'CREDENTIAL_SCHEMA_CANONICAL', { url: id });
      results.push({ id, type, check });
      continue;
    }
    if (seen.size > MAX_SCHEMAS) {
      const check = makeCheck('schema', 'skipped', 'CREDENTIAL_SCHEMA_NOT_CHECKED', {
        url: id,
        limit: MAX_SCHEMAS,
      });
      results.push({ id, type, check });
      continue;
    }
    const loaded = await loadSchema(id);
    if (!loaded.ok) {
      results.push({ id, type, check: loaded.check });
      continue;
    }
    let matches: boolean;
    try {
      matches = loaded.validate(instance);
    } catch (error) {
      // A hostile schema or document can exhaust the stack; that is the schema's failure.
      const reason = error instanceof Error ? error.message : String(error);
      const check = makeCheck('schema', 'failed', 'ERR_CREDENTIAL_SCHEMA_UNUSABLE', {
        url: id,
        reason,
      });
      results.push({ id, type, check });
      continue;
    }
    if (matches) {
      results.push({ id, type, check: makeCheck('schema', 'passed', 'CREDENTIAL_SCHEMA_OK') });
      continue;
    }
    const errors = formatSchemaErrors(loaded.validate.errors);
    const reason = errors
      .slice(0, 5)
      .map((error) => `${error.path || '/'} ${error.message}`)
      .join('; ');
    const check = makeCheck(
      'schema',
      'failed',
      'ERR_CREDENTIAL_SCHEMA_MISMATCH',
      { url: id, reason },
      { errors },
    );
    results.push({ id, type, check });
  }
  return results;
};

const summarize = (results: readonly CredentialSchemaResult[]) =>
  results.map(({ id, type, check }) => ({
    id,
    type,
    outcome: check.outcome,
    code: check.code,
    message: check.message,
    ...(check.details === undefined ? {} : check.details),
  }));

/**
 * The `schema` check: the Open Badges shape rules first, then the credential's own schemas.
 * The first failure speaks for the check (a shape failure before a credentialSchema one), then
 * the first `error`; every credentialSchema result is listed in `details.credentialSchema`.
 */
export const combineSchemaChecks = (
  shape: VerificationCheck,
  results: readonly CredentialSchemaResult[],
): VerificationCheck => {
  if (results.length === 0) return shape;
  const credentialSchema = summarize(results);
  const decisive =
    (shape.outcome === 'failed' ? shape : undefined) ??
    results.find((result) => result.check.outcome === 'failed')?.check ??
    results.find((result) => result.check.outcome === 'error')?.check;
  if (decisive !== undefined)
    return { ...decisive, details: { ...decisive.details, credentialSchema } };
  const checked = results.filter((result) => result.check.outcome === 'passed').length;
  return makeCheck(
    'schema',
    'passed',
    checked > 0 ? 'SCHEMA_OK_WITH_CREDENTIAL_SCHEMA' : 'SCHEMA_OK',
    { count: checked },
    { credentialSchema },
  );
};
