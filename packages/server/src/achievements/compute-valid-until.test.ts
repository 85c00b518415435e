import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addValidityPeriod, computeValidUntil } from './compute-valid-until.js';

const iso = (date: Date | undefined) => date?.toISOString();

describe('computeValidUntil', () => {
  it('adds years on the Japanese calendar, keeping the time of day', () => {
    // 2025-04-01 10:00 JST.
    const awarded = new Date('2025-04-01T01:00:00.000Z');
    assert.equal(
      iso(computeValidUntil({ validity: { years: 3 } }, awarded)),
      '2028-04-01T01:00:00.000Z',
    );
  });

  it('takes 29 February + 1 year to 28 February (leap day safe)', () => {
    const awarded = new Date('2024-02-29T03:00:00.000Z'); // 12:00 JST
    assert.equal(
      iso(computeValidUntil({ validity: { years: 1 } }, awarded)),
      '2025-02-28T03:00:00.000Z',
    );
    assert.equal(
      iso(computeValidUntil({ validity: { years: 4 } }, awarded)),
      '2028-02-29T03:00:00.000Z',
    );
  });

  it('uses the date in Japan, not in UTC, for the leap day', () => {
    // 2024-02-29 00:30 JST is still 28 February in UTC.
    const awarded = new Date('2024-02-28T15:30:00.000Z');
    assert.equal(
      iso(computeValidUntil({ validity: { years: 1 } }, awarded)),
      '2025-02-27T15:30:00.000Z',
    );
  });

  it('clamps month ends and then adds days', () => {
    const jan31 = new Date('2025-01-31T00:00:00.000Z'); // 09:00 JST
    assert.equal(iso(addValidityPeriod(jan31, { months: 1 })), '2025-02-28T00:00:00.000Z');
    assert.equal(iso(addValidityPeriod(jan31, { months: 1, days: 1 })), '2025-03-01T00:00:00.000Z');
    assert.equal(iso(addValidityPeriod(jan31, { months: 13 })), '2026-02-28T00:00:00.000Z');
    assert.equal(iso(addValidityPeriod(jan31, { days: 365 })), '2026-01-31T00:00:00.000Z');
    assert.equal(
      iso(addValidityPeriod(jan31, { years: 1, months: 11 })),
      '2026-12-31T00:00:00.000Z',
    );
  });

  it('gives no end date without a policy or with a policy of zeros', () => {
    const now = new Date('2025-01-01T00:00:00.000Z');
    assert.equal(computeValidUntil({}, now), undefined);
    assert.equal(computeValidUntil({ validity: { years: 0, days: 0 } }, now), undefined);
  });

  it('refuses an invalid date', () => {
    assert.throws(() => computeValidUntil({ validity: { days: 1 } }, new Date('nope')), TypeError);
  });
});
