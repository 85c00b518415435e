import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashIdentity, hashIdentityWith } from './hash-identity.js';

describe('hashIdentity', () => {
  it('matches the OB 2.0 spec vector sha256("mayze")', () => {
    assert.equal(
      hashIdentity('mayze'),
      'sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6',
    );
  });

  it('matches the OB 3.0 IdentityHash vector sha256("a@example.com" + "Kosher")', () => {
    assert.equal(
      hashIdentity('a@example.com', 'Kosher'),
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
  });

  it('appends the salt (it does not prepend it)', () => {
    assert.equal(hashIdentity('a', 'b'), hashIdentity('ab'));
    assert.notEqual(hashIdentity('a', 'b'), hashIdentity('ba'));
  });

  it('hashes the UTF-8 bytes of Japanese text as given', () => {
    const expected = createHash('sha256').update(Buffer.from('山田太郎塩', 'utf8')).digest('hex');
    assert.equal(hashIdentity('山田太郎', '塩'), `sha256$${expected}`);
  });

  it('can produce md5 hashes for reading old badges', () => {
    assert.equal(hashIdentityWith('md5', 'a'), 'md5$0cc175b9c0f1b6a831c399e269772661');
  });
});
