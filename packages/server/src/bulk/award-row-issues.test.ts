import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AWARD_ISSUE_CODES, createRowIssue, describeAwardIssue } from './award-row-issues.js';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('award row issues', () => {
  it('name every code ERR_<AREA>_… or WARN_<AREA>_…, with Japanese and English messages', () => {
    for (const code of AWARD_ISSUE_CODES) {
      assert.match(code, /^(ERR|WARN)_(ROW|HEADER)_[A-Z_]+$/);
      const { en, ja } = describeAwardIssue(code);
      assert.deepEqual(placeholders(ja), placeholders(en), code);
      assert.doesNotMatch(ja, /^[\x20-\x7e]*$/, `${code}: the Japanese message is not Japanese`);
    }
  });

  it("fill the field's label in each language", () => {
    const at = { row: 5, column: 'C', header: 'メール', field: 'email' as const };
    const issue = createRowIssue('ERR_ROW_REQUIRED', at);
    assert.deepEqual(issue.message, {
      en: 'E-mail address is required.',
      ja: '「メールアドレス」は必須です。',
    });
    assert.deepEqual(issue.params, { field: 'email' });
    assert.equal(issue.row, 5);
    assert.equal(issue.column, 'C');
  });
});
