import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createWorkDir, runAkashi } from './run-akashi.js';

const work = createWorkDir();
after(work.remove);
const run = (args: string[]) => runAkashi(args, { cwd: work.dir });
const readJwk = (name: string) =>
  JSON.parse(readFileSync(join(work.dir, name), 'utf8')) as Record<string, unknown>;

describe('akashi keys generate', () => {
  for (const [type, kty, alg] of [
    ['ed25519', 'OKP', 'EdDSA'],
    ['p256', 'EC', 'ES256'],
    ['rsa', 'RSA', 'RS256'],
  ] as const) {
    it(`writes a ${type} private JWK with kid, readable only by its owner`, () => {
      const result = run(['keys', 'generate', '--type', type, '--out', `${type}.json`]);
      assert.equal(result.status, 0, result.stderr);
      const jwk = readJwk(`${type}.json`);
      assert.equal(jwk.kty, kty);
      assert.equal(jwk.alg, alg);
      assert.equal(typeof jwk.d, 'string');
      assert.equal(typeof jwk.kid, 'string');
      assert.ok((jwk.kid as string).length > 0);
      assert.equal(statSync(join(work.dir, `${type}.json`)).mode & 0o777, 0o600);
      // The public JWK printed carries the same kid and no private member.
      assert.match(result.stdout, new RegExp(`"kid": "${jwk.kid as string}"`));
      assert.doesNotMatch(result.stdout, /"d":/);
      if (type === 'rsa') assert.doesNotMatch(result.stdout, /did:key/);
      else assert.match(result.stdout, type === 'ed25519' ? /did:key:z6Mk/ : /did:key:zDn/);
    });
  }

  it('refuses to overwrite an existing file, and replaces it with --force', () => {
    const path = join(work.dir, 'existing.json');
    writeFileSync(path, 'keep me', { mode: 0o644 });
    const refused = run(['keys', 'generate', '--type', 'ed25519', '--out', 'existing.json']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /already exists; use --force/);
    assert.equal(readFileSync(path, 'utf8'), 'keep me');
    const forced = run([
      'keys',
      'generate',
      '--type',
      'ed25519',
      '--out',
      'existing.json',
      '--force',
    ]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readJwk('existing.json').kty, 'OKP');
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  it('exits 2 for a missing or unknown --type and a missing --out', () => {
    const missing = run(['keys', 'generate', '--out', 'x.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--type is required/);
    const unknown = run(['keys', 'generate', '--type', 'dsa', '--out', 'x.json']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--type must be one of ed25519, p256, rsa/);
    assert.equal(run(['keys', 'generate', '--type', 'ed25519']).status, 2);
  });

  it('exits 2 when the key file cannot be written', () => {
    const result = run(['keys', 'generate', '--type', 'ed25519', '--out', 'no/such/dir/k.json']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Cannot write no\/such\/dir\/k\.json \(ENOENT\)/);
  });
});
