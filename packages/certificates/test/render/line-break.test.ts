/** Line wrapping: Japanese breaks between characters with 禁則, Latin at spaces. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wrapText } from '../../src/render/index.js';

/** Full-width characters are 1 unit wide, everything else half. */
const measure = (s: string): number =>
  Array.from(s).reduce((w, c) => w + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.5), 0);

const NO_START = Array.from('、。」）』】ー々ぁっゃ');

describe('wrapText', () => {
  it('never starts a line with closing punctuation, small kana or ー (禁則)', () => {
    const text =
      'あいうえおかきくけ、これは「テスト」です。ちょっとまってください。かかかかかかか」）。';
    for (let width = 3; width <= 12; width += 1) {
      const lines = wrapText(text, width, measure);
      assert.equal(lines.join(''), text, `width ${width}`);
      for (const line of lines.slice(1)) {
        assert.ok(
          !NO_START.includes(Array.from(line)[0] ?? ''),
          `width ${width}: line "${line}" in ${JSON.stringify(lines)}`,
        );
      }
      for (const line of lines.slice(0, -1))
        assert.ok(!/[「（『]$/.test(line), `ends with an opening bracket: ${line}`);
    }
  });

  it('keeps lines within the width when possible and keeps every character', () => {
    const text =
      'あなたは「データサイエンス基礎（応用基礎レベル）」の課程を修了したことをここに証明します。';
    const lines = wrapText(text, 20, measure);
    assert.equal(lines.join(''), text);
    for (const line of lines) assert.ok(measure(line) <= 21, line); // 禁則 may hang one character
    assert.ok(lines[lines.length - 1]?.endsWith('証明します。'), JSON.stringify(lines)); // phrase kept
  });

  it('wraps Latin text at spaces and breaks a too-long word', () => {
    assert.deepEqual(wrapText('This is to certify that', 6, measure), [
      'This is to',
      'certify that',
    ]);
    assert.deepEqual(wrapText('This is to certify that', 4, measure), [
      'This is',
      'to',
      'certify',
      'that',
    ]);
    const url = 'https://badges.example.ac.jp/verify/0f3c';
    const lines = wrapText(url, 10, measure);
    assert.equal(lines.join(''), url);
    assert.ok(lines.every((l) => measure(l) <= 10));
  });

  it('keeps explicit line breaks and dates whole', () => {
    assert.deepEqual(wrapText('一行目\n二行目', 100, measure), ['一行目', '二行目']);
    const lines = wrapText('発行日 令和7年4月1日', 7, measure);
    assert.ok(lines.includes('令和7年4月1日'), JSON.stringify(lines));
  });
});
