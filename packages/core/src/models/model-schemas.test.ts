import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MODEL_SCHEMA_ID_PREFIX } from './model-kit.js';
import { LENIENT_MODEL_SCHEMAS, STRICT_MODEL_SCHEMAS } from './model-schemas.js';

/** Paths of members JSON cannot carry (undefined, functions, bigints, non-finite numbers). */
const findNonJson = (value: unknown, path: string): string[] => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value))
    return value.flatMap((item, i) => findNonJson(item, `${path}/${String(i)}`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, member]) => findNonJson(member, `${path}/${key}`));
  }
  return [path];
};

const collectRefs = (value: unknown, into: string[]): string[] => {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (key === '$ref' && typeof member === 'string') into.push(member);
      else collectRefs(member, into);
    }
  }
  return into;
};

describe('model schemas', () => {
  for (const [variant, schemas] of [
    ['strict', STRICT_MODEL_SCHEMAS],
    ['lenient', LENIENT_MODEL_SCHEMAS],
  ] as const) {
    it(`gives every ${variant} schema a unique $id and a title`, () => {
      const ids = schemas.map((schema) => schema.$id);
      for (const schema of schemas) {
        assert.ok(schema.$id?.startsWith(MODEL_SCHEMA_ID_PREFIX), String(schema.$id));
        assert.equal(typeof schema.title, 'string');
        assert.equal(typeof schema.description, 'string');
      }
      assert.equal(new Set(ids).size, ids.length);
    });

    it(`keeps every ${variant} schema plain JSON, with $refs that resolve within the variant`, () => {
      const ids = new Set(schemas.map((schema) => schema.$id));
      for (const schema of schemas) {
        assert.deepEqual(findNonJson(schema, String(schema.$id)), []);
        for (const ref of collectRefs(schema, [])) {
          assert.ok(ids.has(ref), `${String(schema.$id)} refers to unknown ${ref}`);
        }
      }
    });
  }

  it('closes every strict model except TermsOfUse', () => {
    for (const schema of STRICT_MODEL_SCHEMAS) {
      const open = String(schema.$id).endsWith(':TermsOfUse');
      assert.equal(schema.additionalProperties, open, String(schema.$id));
    }
  });
});
