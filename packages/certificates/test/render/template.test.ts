/**
 * Template validation: every problem is reported with the path of the field it concerns, and
 * the built-in design is itself a valid template.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  TemplateValidationError,
  getDefaultTemplate,
  validateTemplate,
  type TemplateIssue,
} from '../../src/render/index.js';

function issues(json: unknown): TemplateIssue[] {
  try {
    validateTemplate(json);
  } catch (error) {
    assert.ok(error instanceof TemplateValidationError);
    return [...error.issues];
  }
  assert.fail('expected a validation error');
}

const minimal = {
  version: 1,
  page: { size: 'A4', orientation: 'portrait' },
  texts: [{ text: '{recipient.name}', x: 50, y: 50, size: 20 }],
};

describe('validateTemplate', () => {
  it('accepts a minimal template and the built-in design', () => {
    assert.equal(validateTemplate(minimal), minimal);
    const builtIn = getDefaultTemplate();
    assert.equal(builtIn.page.orientation, 'landscape');
    assert.ok(builtIn.texts.some((t) => t.text.includes('検証はこちら / Verify')));
  });

  it('names the field of each problem', () => {
    const found = issues({
      version: 2,
      page: { size: 'A7', orientation: 'sideways' },
      background: { color: 'red', border: { color: '#000000', width: 0, inset: 10 } },
      fonts: { mine: { builtin: 'Comic', asset: 'x' } },
      texts: [
        { text: '{recipient.nam}', x: 0, y: 0, size: 0 },
        {
          text: 'ok {issuedOn:klingon}',
          x: 'left',
          y: 0,
          size: 10,
          align: 'justify',
          font: 'nope',
        },
        { text: 'unclosed {brace', x: 0, y: 0, size: 10, colour: '#000000' },
      ],
      qr: { x: 0, y: 0, size: 5, color: '#12345' },
    });
    const paths = found.map((i) => `${i.path}: ${i.message}`);
    const expect = [
      'version: must be 1',
      'page.size: must be one of',
      'page.orientation: must be one of',
      'background.color: must be a colour',
      'background.border.width: must be between',
      'fonts.mine: needs exactly one of "builtin" or "asset"',
      'texts[0].text: unknown placeholder {recipient.nam}',
      'texts[0].size: must be between 1 and 500',
      'texts[1].text: unknown date style "klingon"',
      'texts[1].x: must be a number',
      'texts[1].align: must be one of',
      'texts[1].font: "nope" is neither in template.fonts nor a built-in font',
      'texts[2].colour: unknown property',
      'texts[2].text: unclosed "{"',
      'qr.size: must be between 20',
      'qr.color: must be a colour',
    ];
    for (const e of expect)
      assert.ok(
        paths.some((p) => p.startsWith(e)),
        `no "${e}" in:\n${paths.join('\n')}`,
      );
  });

  it('reports a missing texts array and a non-object template clearly', () => {
    assert.deepEqual(
      issues({ version: 1, page: { size: [300, 400], orientation: 'portrait' } }).map(
        (i) => i.path,
      ),
      ['texts'],
    );
    assert.equal(issues('nope')[0]?.path, '(template)');
    assert.match(
      new TemplateValidationError([{ path: 'texts[0].size', message: 'is required' }]).message,
      /texts\[0\]\.size: is required/,
    );
  });

  it('accepts field.* placeholders and escaped braces', () => {
    validateTemplate({
      ...minimal,
      texts: [{ text: '{{literal}} {field.studentId} {validUntil:iso}', x: 1, y: 1, size: 9 }],
    });
  });
});
