import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBadgeDate, formatBadgeDateTime } from './format-badge-date.js';

describe('badge page dates', () => {
  it('shows the date in Japan, with the Japanese era on Japanese pages', () => {
    // 2019-04-30T15:00Z is already 1 May 2019 (令和元年) in Japan.
    assert.equal(formatBadgeDate('2019-04-30T15:00:00Z', 'ja'), '2019年5月1日（令和元年5月1日）');
    assert.equal(formatBadgeDate('2019-04-30T14:59:00Z', 'ja'), '2019年4月30日（平成31年4月30日）');
    assert.equal(formatBadgeDate('2019-04-30T15:00:00Z', 'en'), '1 May 2019');
  });

  it('shows date and time in Japan time', () => {
    assert.equal(
      formatBadgeDateTime('2025-03-31T15:30:00Z', 'ja'),
      '2025年4月1日 00:30（日本時間）',
    );
    assert.equal(formatBadgeDateTime('2025-03-31T15:30:00Z', 'en'), '1 April 2025, 00:30 JST');
  });

  it('keeps a value that is not a date as it is', () => {
    assert.equal(formatBadgeDate('someday', 'ja'), 'someday');
  });
});
