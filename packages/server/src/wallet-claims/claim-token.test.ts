import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestMasterKey } from '../keys/key-test-factories.js';
import { checkClaimToken, claimUrl, createClaimToken } from './claim-token.js';

describe('claim tokens', () => {
  const key = createTestMasterKey().walletClaimKey;

  it('is a stable 43-character base64url HMAC of the award id', () => {
    const token = createClaimToken(key, 'award-1');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(createClaimToken(key, 'award-1'), token);
    assert.notEqual(createClaimToken(key, 'award-2'), token);
    assert.notEqual(createClaimToken(createTestMasterKey().walletClaimKey, 'award-1'), token);
  });

  it("accepts only the award's own token under the same key", () => {
    const token = createClaimToken(key, 'award-1');
    assert.equal(checkClaimToken(key, 'award-1', token), true);
    assert.equal(checkClaimToken(key, 'award-2', token), false);
    assert.equal(checkClaimToken(createTestMasterKey().walletClaimKey, 'award-1', token), false);
    for (const forged of ['', token.slice(1), `${token}A`, token.toLowerCase(), 'x'.repeat(43)]) {
      assert.equal(checkClaimToken(key, 'award-1', forged), false, forged);
    }
    // Multi-byte input of the right character length is refused, not thrown on.
    assert.equal(checkClaimToken(key, 'award-1', 'あ'.repeat(43)), false);
  });

  it('builds the link the award e-mail carries', () => {
    const url = new URL(claimUrl('https://badges.example.ac.jp/', key, 'a b'));
    assert.equal(url.origin, 'https://badges.example.ac.jp');
    assert.equal(url.pathname, '/wallet/claim/a%20b');
    assert.equal(url.searchParams.get('token'), createClaimToken(key, 'a b'));
  });
});
