/** Certificate dates: 和暦 (with 元年), Japanese and English Gregorian, time zones. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCertificateDate } from '../../src/render/index.js';

describe('formatCertificateDate', () => {
  it('prints 和暦 with the era, and 元年 for an era’s first year', () => {
    assert.equal(formatCertificateDate('2025-04-01', 'wareki'), '令和7年4月1日');
    assert.equal(formatCertificateDate('2019-05-01', 'wareki'), '令和元年5月1日');
    assert.equal(formatCertificateDate('2019-04-30', 'wareki'), '平成31年4月30日');
    assert.equal(formatCertificateDate('1989-01-08', 'wareki'), '平成元年1月8日');
    assert.equal(formatCertificateDate('1989-01-07', 'wareki'), '昭和64年1月7日');
  });

  it('shows a date-time in the template time zone (Asia/Tokyo by default)', () => {
    assert.equal(formatCertificateDate('2025-03-31T15:00:00Z', 'wareki'), '令和7年4月1日');
    assert.equal(formatCertificateDate('2025-03-31T15:00:00Z', 'iso', 'UTC'), '2025-03-31');
    assert.equal(formatCertificateDate('2019-04-30T15:00:00Z', 'wareki'), '令和元年5月1日');
  });

  it('prints Gregorian dates in Japanese and English', () => {
    assert.equal(formatCertificateDate('2025-04-01', 'ja'), '2025年4月1日');
    assert.equal(formatCertificateDate('2025-04-01', 'en'), '1 April 2025');
    assert.equal(formatCertificateDate('2025-04-01', 'en-us'), 'April 1, 2025');
    assert.equal(formatCertificateDate('2025-04-01', 'iso'), '2025-04-01');
  });

  it('rejects what is not an ISO 8601 date', () => {
    assert.throws(() => formatCertificateDate('2025-02-30', 'wareki'), /invalid date/);
    assert.throws(() => formatCertificateDate('April 1, 2025', 'en'), /invalid date/);
  });
});
