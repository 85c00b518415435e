import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, test } from 'node:test';
import { buildTestApp } from '../http/build-test-app.js';
import { registerSetupPage } from './setup-page.js';

const app = buildTestApp({ routes: [{ prefix: '', routes: registerSetupPage }] });
after(app.close);

const inline = (html: string, tag: 'script' | 'style'): string => {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  assert.ok(match, tag);
  return match[1] as string;
};
const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('the set-up link opens a bilingual page whose inline code the CSP allows by hash', async () => {
  const ja = await app.app.inject({
    url: '/setup?token=abc',
    headers: { 'accept-language': 'ja' },
  });
  assert.equal(ja.statusCode, 200);
  assert.match(ja.headers['content-type'] as string, /^text\/html/);
  assert.match(ja.body, /<html lang="ja">/);
  assert.match(ja.body, /運営者アカウントの作成/);
  const csp = ja.headers['content-security-policy'] as string;
  assert.ok(csp.includes(`script-src ${sha256(inline(ja.body, 'script'))}`), csp);
  assert.ok(csp.includes(`style-src ${sha256(inline(ja.body, 'style'))}`), csp);
  assert.ok(csp.includes("connect-src 'self'"));
  assert.match(ja.body, /fetch\('\/api\/v1\/setup'/);
  const en = await app.app.inject({ url: '/setup', headers: { 'accept-language': 'en-US' } });
  assert.match(en.body, /Create the operator/);
});
