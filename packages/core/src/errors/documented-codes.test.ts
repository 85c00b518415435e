import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { VERIFY_CODES } from '../verify/index.js';

const errorsDoc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
const errorSource = readFileSync(new URL('./akashi-error.ts', import.meta.url), 'utf8');

test('every AkashiError code is documented in docs/errors.md', () => {
  const codes = [...errorSource.matchAll(/\| '(ERR_[A-Z0-9_]+)'/g)].map((m) => m[1] as string);
  assert.ok(codes.length > 20);
  assert.deepEqual(
    codes.filter((code) => !errorsDoc.includes(`\`${code}\``)),
    [],
  );
});

test('every verification check code is documented in docs/errors.md', () => {
  assert.deepEqual(
    VERIFY_CODES.filter((code) => !errorsDoc.includes(`\`${code}\``)),
    [],
  );
});
