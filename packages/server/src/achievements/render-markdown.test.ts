import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from './render-markdown.js';

describe('renderMarkdown', () => {
  it('renders the supported subset', () => {
    const html = renderMarkdown(
      '# 修了要件\n\n次の**すべて**を満たすこと:\n- 全 *15* 回の出席\n- `課題` の提出\n\n1. 一\n2. 二\n\n> 注意\n\n詳しくは [シラバス](https://example.ac.jp/syllabus?a=1&b=2) と https://example.ac.jp/faq を参照。',
    );
    assert.equal(
      html,
      [
        '<h3>修了要件</h3>',
        '<p>次の<strong>すべて</strong>を満たすこと:</p>',
        '<ul>\n<li>全 <em>15</em> 回の出席</li>\n<li><code>課題</code> の提出</li>\n</ul>',
        '<ol>\n<li>一</li>\n<li>二</li>\n</ol>',
        '<blockquote><p>注意</p></blockquote>',
        '<p>詳しくは <a href="https://example.ac.jp/syllabus?a=1&amp;b=2" rel="nofollow noopener noreferrer">シラバス</a> と <a href="https://example.ac.jp/faq" rel="nofollow noopener noreferrer">https://example.ac.jp/faq</a> を参照。</p>',
      ].join('\n'),
    );
  });

  it('never passes raw HTML through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n**<b>bold</b>**\n`<i>`',
    );
    assert.ok(!/<(?:script|img|b|i)\b/i.test(html), html);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>'));
    assert.ok(html.includes('<code>&lt;i&gt;</code>'));
  });

  it('makes links only to http, https and mailto URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '/relative',
    ]) {
      const html = renderMarkdown(`[click](${url})`);
      assert.ok(!html.includes('<a '), html);
    }
    assert.ok(
      renderMarkdown('[mail](mailto:office@example.ac.jp)').includes(
        'href="mailto:office@example.ac.jp"',
      ),
    );
    const quoted = renderMarkdown('[x](https://example.ac.jp/"onmouseover="alert(1))');
    assert.ok(!quoted.includes('" onmouseover'), quoted);
    assert.ok(!/href="[^"]*"[^>]*onmouseover/.test(quoted), quoted);
  });

  it('keeps line breaks inside a paragraph and normalises CRLF', () => {
    assert.equal(renderMarkdown('一行目\r\n二行目'), '<p>一行目<br>\n二行目</p>');
    assert.equal(renderMarkdown('  \n\n'), '');
  });
});
