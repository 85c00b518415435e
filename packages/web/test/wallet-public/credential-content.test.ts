import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCredentialContent } from '../../src/wallet-public/credential-content.js';
import { displayableImage } from '../../src/wallet-public/render-badge-sections.js';

describe('what a shared badge carries', () => {
  it('reads an OB 3.0 credential: criteria, alignments, evidence and named results', () => {
    const content = readCredentialContent(
      {
        evidence: [
          { id: 'https://example.org/work', name: '作品', narrative: '制作した作品' },
          { id: 'javascript:alert(1)', name: 'bad link' },
        ],
        credentialSubject: {
          achievement: {
            criteria: { id: 'https://example.org/c', narrative: { ja: '基準', en: 'Criteria' } },
            alignment: [{ targetName: 'ESCO skill', targetUrl: 'https://esco.example/1' }],
            resultDescription: [{ id: 'urn:r:1', name: '総合評価', resultType: 'LetterGrade' }],
          },
          result: [{ resultDescription: 'urn:r:1', value: 'A' }, { value: 92 }],
        },
      },
      'en',
    );
    assert.deepEqual(content.criteria, { narrative: 'Criteria', url: 'https://example.org/c' });
    assert.equal(content.alignments[0]?.url, 'https://esco.example/1');
    assert.equal(content.evidence[0]?.url, 'https://example.org/work');
    assert.equal(content.evidence[1]?.url, undefined, 'never a javascript: link');
    assert.deepEqual(
      content.results.map((r) => [r.name, r.value]),
      [
        ['総合評価', 'A'],
        [undefined, '92'],
      ],
    );
  });

  it('reads an OB 2.0 assertion with its BadgeClass, criteria as a URL and evidence as URLs', () => {
    const content = readCredentialContent(
      { evidence: 'https://example.org/e', badge: 'https://example.org/badge' },
      'ja',
      {
        criteria: 'https://example.org/criteria',
        alignment: [{ targetName: 'Skill', targetUrl: 'https://example.org/s' }],
      },
    );
    assert.deepEqual(content.criteria, {
      narrative: undefined,
      url: 'https://example.org/criteria',
    });
    assert.equal(content.alignments.length, 1);
    assert.equal(content.evidence[0]?.url, 'https://example.org/e');
    assert.deepEqual(content.results, []);
  });

  it('shows only images the page may load: data: images and this platform’s own', () => {
    const site = 'https://badges.example.ac.jp';
    assert.equal(displayableImage(`${site}/images/abc`, site), '/images/abc');
    assert.equal(
      displayableImage('data:image/png;base64,AAAA', site),
      'data:image/png;base64,AAAA',
    );
    assert.equal(displayableImage('https://elsewhere.example/badge.png', site), undefined);
    assert.equal(displayableImage('data:text/html;base64,AAAA', site), undefined);
    assert.equal(displayableImage('//elsewhere.example/x.png', site), undefined);
    assert.equal(displayableImage(null, site), undefined);
  });
});
