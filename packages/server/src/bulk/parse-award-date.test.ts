import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JAPANESE_ERAS, parseAwardDate } from './parse-award-date.js';

const read = (text: string) => {
  const result = parseAwardDate(text);
  return result.ok ? result.value : result.code;
};

describe('parseAwardDate', () => {
  it('reads Gregorian dates as Excel and people write them', () => {
    assert.equal(read('2025-04-01'), '2025-04-01');
    assert.equal(read('2025/4/1'), '2025-04-01');
    assert.equal(read('2025/04/01'), '2025-04-01');
    assert.equal(read('2025-4-1'), '2025-04-01');
    assert.equal(read('2025.4.1'), '2025-04-01');
    assert.equal(read('2025年4月1日'), '2025-04-01');
    assert.equal(read('20250401'), '2025-04-01');
    assert.equal(read('2025/4/1 0:00'), '2025-04-01', "Excel's date cell with a time format");
    assert.equal(read('2024/2/29'), '2024-02-29');
  });

  it('reads 和暦 in kanji and in letters, 元年 included, as the Gregorian date', () => {
    assert.equal(read('令和6年4月1日'), '2024-04-01');
    assert.equal(read('令和元年5月1日'), '2019-05-01');
    assert.equal(read('R6.4.1'), '2024-04-01');
    assert.equal(read('R06.04.01'), '2024-04-01');
    assert.equal(read('r6/4/1'), '2024-04-01');
    assert.equal(read('H31.4.30'), '2019-04-30');
    assert.equal(read('平成元年1月8日'), '1989-01-08');
    assert.equal(read('昭和64年1月7日'), '1989-01-07');
    assert.equal(read('令和 7年 4月 1日'), '2025-04-01');
  });

  it('checks the era boundaries: 1989-01-07/08 and 2019-04-30/05-01', () => {
    assert.equal(read('昭和64年1月8日'), 'ERR_ROW_DATE_ERA_RANGE');
    assert.equal(read('平成元年1月7日'), 'ERR_ROW_DATE_ERA_RANGE');
    assert.equal(read('平成31年5月1日'), 'ERR_ROW_DATE_ERA_RANGE');
    assert.equal(read('令和元年4月30日'), 'ERR_ROW_DATE_ERA_RANGE');
    assert.equal(read('H32.1.1'), 'ERR_ROW_DATE_ERA_RANGE');
    const result = parseAwardDate('平成31年5月1日');
    assert.deepEqual(result.ok ? {} : result.params, {
      era: '平成',
      range: '1989-01-08 – 2019-04-30',
    });
  });

  it('keeps the era table as data, newest first, each era starting the day after the last ended', () => {
    assert.deepEqual(
      JAPANESE_ERAS.map((era) => era.kanji),
      ['令和', '平成', '昭和', '大正', '明治'],
    );
    for (let index = 1; index < JAPANESE_ERAS.length; index += 1) {
      const newer = JAPANESE_ERAS[index - 1]!;
      const older = JAPANESE_ERAS[index]!;
      const next = new Date(`${older.lastDay ?? ''}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      assert.equal(next.toISOString().slice(0, 10), newer.firstDay, newer.kanji);
    }
  });

  it('reads full-width digits and separators, as typed with a Japanese IME', () => {
    assert.equal(read('２０２５／４／１'), '2025-04-01');
    assert.equal(read('令和６年４月１日'), '2024-04-01');
    assert.equal(read('Ｒ６．４．１'), '2024-04-01');
    assert.equal(read('２０２５－０４－０１'), '2025-04-01');
  });

  it('turns a date-time with a zone into UTC and refuses one without a zone', () => {
    assert.equal(read('2025-04-01T09:00:00+09:00'), '2025-04-01T00:00:00Z');
    assert.equal(read('2025-04-01T00:00Z'), '2025-04-01T00:00:00Z');
    assert.equal(read('2025-03-31T15:00:00.250Z'), '2025-03-31T15:00:00.250Z');
    assert.equal(read('2025-04-01T09:00:00'), 'ERR_ROW_DATE_NO_OFFSET');
    assert.equal(read('2025-04-01T24:00:00Z'), 'ERR_ROW_DATE_NOT_A_DAY');
  });

  it('refuses days that do not exist, unreadable forms and Excel serial numbers', () => {
    assert.equal(read('2025/2/29'), 'ERR_ROW_DATE_NOT_A_DAY');
    assert.equal(read('2025-13-01'), 'ERR_ROW_DATE_NOT_A_DAY');
    assert.equal(read('令和6年2月30日'), 'ERR_ROW_DATE_NOT_A_DAY');
    assert.equal(read('令和0年4月1日'), 'ERR_ROW_DATE_NOT_A_DAY');
    assert.equal(read('25/4/1'), 'ERR_ROW_DATE_INVALID');
    assert.equal(read('4/1/2025'), 'ERR_ROW_DATE_INVALID');
    assert.equal(read('April 1, 2025'), 'ERR_ROW_DATE_INVALID');
    assert.equal(read('X6.4.1'), 'ERR_ROW_DATE_INVALID');
    assert.equal(read('45748'), 'ERR_ROW_DATE_EXCEL_SERIAL');
  });
});
