import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServerError } from '../http/server-error.js';
import { decodeCsvBytes } from './decode-csv-bytes.js';
import { CP932_TABLE, encodeShiftJis } from './shift-jis-encoder.fixture.js';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
const concat = (...parts: (Uint8Array | string)[]) =>
  Uint8Array.from(
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))),
  );

const refusal =
  (code: string, ...fragments: string[]) =>
  (error: unknown) => {
    assert.ok(error instanceof ServerError, String(error));
    assert.equal(error.code, code);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), error.message);
    return true;
  };

describe('the hand-made CP932 table of the tests', () => {
  it("agrees with Node's Shift_JIS decoder on every entry (two independent sources)", () => {
    const decoder = new TextDecoder('shift_jis', { fatal: true });
    for (const [char, code] of Object.entries(CP932_TABLE)) {
      assert.equal(decoder.decode(hex(code)), char, `0x${code}`);
    }
    const kana = 'ぁあんァアヴヶミムｱｶﾞﾟ０９ＡＺａｚ';
    assert.equal(decoder.decode(encodeShiftJis(kana)), kana);
  });
});

describe('decodeCsvBytes', () => {
  it('reads Shift_JIS as CP932, the way Excel writes it: NEC and IBM extensions, ～ and －', () => {
    const decoded = decodeCsvBytes(
      hex(`8740 878a 8160 817c fbfc eee0 fab1 ed95 fa9c 8782 8754 fa4a b6 de`),
    );
    assert.equal(decoded.encoding, 'shift_jis');
    assert.deepEqual(
      Array.from(decoded.text, (char) => (char.codePointAt(0) ?? 0).toString(16)),
      // ① ㈱ ～(FF5E, not 301C) －(FF0D, not 2212) 髙 (IBM and NEC-selected) 﨑 (both)
      // 塚 U+FA10 (never folded to U+585A) № Ⅰ Ⅰ(IBM 0xFA4A) ｶ ﾞ (half-width kept)
      ['2460', '3231', 'ff5e', 'ff0d', '9ad9', '9ad9', 'fa11', 'fa11', 'fa10', '2116'].concat([
        '2160',
        '2160',
        'ff76',
        'ff9e',
      ]),
    );
  });

  it('takes bytes that are valid UTF-8 as UTF-8 (ASCII included), and a UTF-8 BOM as UTF-8', () => {
    assert.deepEqual(decodeCsvBytes(Buffer.from('氏名,email\r\n')), {
      text: '氏名,email\r\n',
      encoding: 'utf-8',
    });
    assert.deepEqual(decodeCsvBytes(Buffer.from('a,b')), { text: 'a,b', encoding: 'utf-8' });
    assert.deepEqual(decodeCsvBytes(concat(hex('efbbbf'), '氏名')), {
      text: '氏名',
      encoding: 'utf-8-bom',
    });
  });

  it("reads UTF-16LE and UTF-16BE with a BOM (Excel's Unicode text), surrogate pairs included", () => {
    const text = '氏名\t𠮷田\r\n';
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    assert.deepEqual(decodeCsvBytes(le), { text, encoding: 'utf-16le-bom' });
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeCsvBytes(be), { text, encoding: 'utf-16be-bom' });
  });

  it('keeps a second BOM as content, and never normalises', () => {
    const { text } = decodeCsvBytes(concat(hex('efbbbf'), '\uFEFF神\uFA19'));
    assert.equal(text, '\uFEFF神\uFA19');
  });

  it('refuses bytes invalid in both UTF-8 and Shift_JIS, naming the furthest offset and its line', () => {
    // 学籍番号 in Shift_JIS is not UTF-8 from byte 0; Shift_JIS fails at the lone 0xA0.
    const bytes = concat(encodeShiftJis('学籍番号\r\nx'), hex('a0'), '\r\n');
    assert.throws(
      () => decodeCsvBytes(bytes),
      refusal('ERR_BULK_ENCODING_UNKNOWN', 'Shift_JIS (CP932)', 'offset 11', 'line 2'),
    );
  });

  it('names a UTF-8 offset when UTF-8 goes further', () => {
    const bytes = concat('氏名,メール\n山田,a@example.jp\n', hex('ff'));
    const offset = Buffer.byteLength('氏名,メール\n山田,a@example.jp\n');
    assert.throws(
      () => decodeCsvBytes(bytes),
      refusal('ERR_BULK_ENCODING_UNKNOWN', 'UTF-8', `offset ${offset}`, 'line 3'),
    );
  });

  it('points at a character cut short at the end', () => {
    assert.throws(
      () => decodeCsvBytes(concat('abc', hex('82'))),
      refusal('ERR_BULK_ENCODING_UNKNOWN', 'offset 3', 'line 1'),
    );
  });

  it('refuses UTF-16 with a lone surrogate, counting the BOM in the offset', () => {
    const bytes = concat(hex('fffe'), Buffer.from('a\n', 'utf16le'), hex('00d8'));
    assert.throws(
      () => decodeCsvBytes(bytes),
      refusal('ERR_BULK_ENCODING_UNKNOWN', 'UTF-16LE', 'offset 6', 'line 2'),
    );
  });

  it('refuses a NUL byte: UTF-16 without its BOM is not read as UTF-8', () => {
    assert.throws(
      () => decodeCsvBytes(Buffer.from('a,b', 'utf16le')),
      refusal('ERR_BULK_ENCODING_UNKNOWN', 'offset 1'),
    );
  });

  it('answers a non-byte argument with a TypeError', () => {
    assert.throws(() => decodeCsvBytes('a,b' as unknown as Uint8Array), TypeError);
  });
});
