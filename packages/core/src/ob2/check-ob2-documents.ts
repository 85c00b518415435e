/**
 * The `jsonld` and `schema` checks over the badge objects of one verification (the assertion,
 * its BadgeClass and issuer Profile, as far as they could be loaded), and the `issuer`-check
 * outcome of a linked document that could not be loaded.
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import { classifyOb2Node, typesOf, type CompactOb2NodeResult } from './compact-ob2-node.js';
import type { LinkedNode } from './load-linked-node.js';
import type { Ob2ModelName } from './ob2-models.js';
import { validateOb2Model } from './validate-ob2-model.js';

type Json = Record<string, unknown>;

/** One badge object of the verification, as received and as compacted. */
export interface EvaluatedObject {
  /** How it is named in messages: `assertion`, `BadgeClass`, `issuer Profile`, … */
  readonly name: string;
  readonly raw: Json;
  readonly compacted: CompactOb2NodeResult;
  /** The class it must be; `undefined` for a top-level object of any OB 2.0 class. */
  readonly expected?: Ob2ModelName | undefined;
}

/** The compacted node, or (when compaction failed) the object as received. */
export const nodeOf = (object: EvaluatedObject): Json =>
  object.compacted.ok ? object.compacted.node : object.raw;

/** An object embedded in an already compacted one (no compaction of its own needed). */
export const embeddedObject = (
  name: string,
  node: Json,
  expected: Ob2ModelName,
): EvaluatedObject => ({
  name,
  raw: node,
  compacted: { ok: true, node, undefinedTypes: [], ignoredProperties: [] },
  expected,
});

export const checkOb2JsonLd = (objects: readonly EvaluatedObject[]): VerificationCheck => {
  const ignored: Record<string, readonly string[]> = {};
  for (const { name, compacted } of objects) {
    if (!compacted.ok) {
      return compacted.reason === 'context-not-bundled'
        ? makeCheck('jsonld', 'failed', 'ERR_JSONLD_CONTEXT_NOT_BUNDLED', { url: compacted.url })
        : makeCheck('jsonld', 'failed', 'ERR_OB2_JSONLD_INVALID', {
            object: name,
            reason: compacted.message,
          });
    }
    const [type] = compacted.undefinedTypes;
    if (type !== undefined) {
      return makeCheck('jsonld', 'failed', 'ERR_OB2_JSONLD_UNDEFINED_TYPE', { type, object: name });
    }
    if (compacted.ignoredProperties.length > 0) ignored[name] = compacted.ignoredProperties;
  }
  return makeCheck(
    'jsonld',
    'passed',
    'OB2_JSONLD_OK',
    {},
    Object.keys(ignored).length === 0 ? undefined : { ignoredProperties: ignored },
  );
};

const describe = (objects: readonly EvaluatedObject[]): string => {
  const names = objects.map((object) => object.name);
  return names.length <= 1
    ? (names[0] ?? 'badge object')
    : `${names.slice(0, -1).join(', ')} and ${String(names.at(-1))}`;
};

export const checkOb2Schema = (objects: readonly EvaluatedObject[]): VerificationCheck => {
  for (const object of objects) {
    const node = nodeOf(object);
    const found = classifyOb2Node(node);
    const types = typesOf(node);
    if (found === undefined || (object.expected !== undefined && found !== object.expected)) {
      if (object.expected === undefined && types.length > 0) {
        // Not an OB 2.0 class (e.g. an extension class IRI): only JSON-LD applies.
        return makeCheck('schema', 'skipped', 'OB2_SCHEMA_NOT_OB_CLASS', {
          types: types.join(', '),
        });
      }
      return makeCheck('schema', 'failed', 'ERR_OB2_SCHEMA_CLASS', {
        object: object.name,
        expected:
          object.expected === 'Profile'
            ? 'Issuer or Profile'
            : (object.expected ?? 'an Open Badges 2.0 class'),
        found: types.length === 0 ? 'none' : types.join(', '),
      });
    }
    const result = validateOb2Model('lenient', object.expected ?? found, node);
    if (!result.ok) {
      const reason = result.errors
        .slice(0, 5)
        .map((error) => `${error.path || '/'} ${error.message}`)
        .join('; ');
      return makeCheck(
        'schema',
        'failed',
        'ERR_OB2_SCHEMA_INVALID',
        { object: object.name, reason },
        { errors: result.errors },
      );
    }
  }
  return makeCheck('schema', 'passed', 'OB2_SCHEMA_OK', { objects: describe(objects) });
};

/** The `issuer` check for a linked document that could not be used. */
export const linkedFailureCheck = (
  name: string,
  failure: Exclude<LinkedNode, { ok: true }>,
): VerificationCheck => {
  switch (failure.kind) {
    case 'unreachable':
      return makeCheck('issuer', 'error', 'ERR_OB2_LINKED_UNREACHABLE', {
        object: name,
        url: failure.url,
        reason: failure.reason,
      });
    case 'http':
      // A server error or rate limit may pass; a 4xx answer is the issuer's own word.
      return makeCheck(
        'issuer',
        failure.status >= 500 || failure.status === 429 ? 'error' : 'failed',
        'ERR_OB2_LINKED_HTTP',
        { object: name, url: failure.url, status: failure.status },
      );
    case 'malformed':
      return makeCheck('issuer', 'failed', 'ERR_OB2_LINKED_MALFORMED', {
        object: name,
        url: failure.url,
        reason: failure.reason,
      });
    case 'id-host':
      return makeCheck('issuer', 'failed', 'ERR_OB2_LINKED_ID_HOST', {
        object: name,
        url: failure.url,
        id: failure.id,
      });
  }
};
