import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash.js';

describe('password hashing (scrypt)', () => {
  it('stores a PHC-like string with its parameters and a fresh salt', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    assert.match(first, /^\$scrypt\$ln=16,r=8,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.notEqual(first, second, 'a new salt each time');
    assert.equal(needsRehash(first), false);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('パスワード1234567');
    assert.equal(await verifyPassword('パスワード1234567', stored), true);
    assert.equal(await verifyPassword('パスワード1234568', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  it('is node:crypto scrypt with the stored parameters (checked independently)', async () => {
    const stored = await hashPassword('independent check', { ln: 10, r: 8, p: 1 });
    const [, , params, salt, key] = stored.split('$') as [string, string, string, string, string];
    assert.equal(params, 'ln=10,r=8,p=1');
    const expected = scryptSync('independent check', Buffer.from(salt, 'base64'), 32, {
      N: 1024,
      r: 8,
      p: 1,
    });
    assert.equal(expected.toString('base64').replace(/=+$/, ''), key);
    assert.equal(needsRehash(stored), true, 'weaker than today: rehash at next sign-in');
  });

  it('takes a full-width password as its half-width form (NFKC), and nothing else', async () => {
    const stored = await hashPassword('password2026');
    assert.equal(await verifyPassword('ｐａｓｓｗｏｒｄ２０２６', stored), true);
    assert.equal(await verifyPassword('PASSWORD2026', stored), false);
  });

  it('refuses malformed or oversized stored hashes without computing them', async () => {
    for (const stored of [
      '',
      'plain text',
      '$scrypt$ln=16,r=8,p=2$c2FsdA$',
      '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
      '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$a2V5',
    ]) {
      assert.equal(await verifyPassword('anything', stored), false, stored);
      assert.equal(needsRehash(stored), true);
    }
  });

  it('spends a verification on a dummy hash for accounts that do not exist', async () => {
    assert.equal(await verifyAgainstDummy('whatever'), false);
  });
});
