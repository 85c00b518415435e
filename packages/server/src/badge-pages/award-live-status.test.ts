import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeAwardLiveStatus } from './award-live-status.js';

const NOW = new Date('2025-04-01T00:00:00Z');

const award = (overrides: Partial<Parameters<typeof computeAwardLiveStatus>[0]> = {}) => ({
  state: 'active' as const,
  stateReason: null,
  revokedAt: null,
  validFrom: '2025-01-01T00:00:00Z',
  validUntil: null,
  ...overrides,
});

describe('computeAwardLiveStatus', () => {
  it('tells active, revoked, suspended, expired and not yet valid apart', () => {
    assert.deepEqual(computeAwardLiveStatus(award(), NOW), { kind: 'active' });
    assert.deepEqual(
      computeAwardLiveStatus(
        award({ state: 'revoked', stateReason: '誤発行', revokedAt: '2025-03-01T00:00:00Z' }),
        NOW,
      ),
      { kind: 'revoked', reason: '誤発行', since: '2025-03-01T00:00:00Z' },
    );
    assert.deepEqual(
      computeAwardLiveStatus(award({ state: 'suspended', stateReason: '調査中' }), NOW),
      {
        kind: 'suspended',
        reason: '調査中',
      },
    );
    assert.deepEqual(computeAwardLiveStatus(award({ validUntil: '2025-03-31T14:59:59Z' }), NOW), {
      kind: 'expired',
      since: '2025-03-31T14:59:59Z',
    });
    assert.deepEqual(computeAwardLiveStatus(award({ validFrom: '2025-04-02T00:00:00Z' }), NOW), {
      kind: 'not-yet-valid',
      from: '2025-04-02T00:00:00Z',
    });
  });

  it('puts the issuer’s decision before the dates', () => {
    const expired = { validUntil: '2024-01-01T00:00:00Z' };
    assert.equal(
      computeAwardLiveStatus(award({ ...expired, state: 'revoked' }), NOW).kind,
      'revoked',
    );
    assert.equal(
      computeAwardLiveStatus(award({ ...expired, state: 'suspended' }), NOW).kind,
      'suspended',
    );
  });
});
