import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

interface IssuedAward {
  readonly award: { readonly id: string };
  readonly credential: Record<string, unknown>;
}

const BOUNDARY = '----akashi-verify-test';

/** A multipart body built by hand, as a browser sends the verify form. */
const multipart = (
  parts: readonly { name: string; value: string | Buffer; filename?: string; type?: string }[],
): Buffer =>
  Buffer.concat([
    ...parts.flatMap((part) => [
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"` +
          (part.filename === undefined ? '' : `; filename="${part.filename}"`) +
          '\r\n' +
          (part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`) +
          '\r\n',
      ),
      typeof part.value === 'string' ? Buffer.from(part.value) : part.value,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);

describe('the verify page', () => {
  let world: WebTestWorld;
  let achievementId: string;
  let sequence = 0;

  before(async () => {
    world = await buildWebTestWorld();
    const created = await world.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${world.orgA}/achievements`,
      headers: world.headers['org-admin'],
      payload: {
        name: { ja: '情報リテラシー', en: 'Information literacy' },
        description: { ja: '情報の扱い方の基礎を修得した。', en: 'Learnt the basics.' },
        criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in everything.' } },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    achievementId = created.json<{ id: string }>().id;
  });
  after(() => world.close());

  const issue = async (): Promise<IssuedAward> => {
    sequence += 1;
    const response = await world.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${world.orgA}/achievements/${achievementId}/awards`,
      headers: world.headers['org-admin'],
      payload: {
        recipient: { email: `student${String(sequence)}@example.ac.jp`, name: '山田 花子' },
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<IssuedAward>();
  };

  /** Posts the verify form as multipart, from its own client address (the API is rate-limited). */
  const postForm = (
    parts: Parameters<typeof multipart>[0],
    headers: Record<string, string> = {},
  ) => {
    sequence += 1;
    return world.testApp.app.inject({
      method: 'POST',
      url: '/verify',
      remoteAddress: `203.0.113.${String(sequence % 250)}`,
      headers: {
        accept: 'text/html',
        'accept-language': 'ja,en;q=0.8',
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...headers,
      },
      payload: multipart(parts),
    });
  };

  const verdictOf = (body: string) => /data-verdict="([a-z-]+)"/.exec(body)?.[1];

  it('shows three ways in, in Japanese, with Open Graph tags and no script needed', async () => {
    const response = await world.get('/verify');
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<html lang="ja">/);
    assert.match(body, /<h1>バッジを検証<\/h1>/);
    assert.equal(body.match(/<h1/g)?.length, 1);
    assert.match(body, /<meta property="og:title"/);
    assert.match(
      body,
      /<meta property="og:url" content="https:\/\/badges\.example\.ac\.jp\/verify"/,
    );
    assert.match(body, /<a href="\/verify"\s+aria-current="page"/);
    for (const testid of [
      'verify-file',
      'verify-text',
      'verify-url',
      'verify-submit-file',
      'verify-submit-text',
      'verify-submit-url',
    ]) {
      assert.match(body, new RegExp(`data-testid="${testid}"`), testid);
    }
    assert.match(
      body,
      /<input[^>]*name="file"[^>]*type="file"[^>]*accept="\.png,\.svg,\.json,\.jwt,\.txt,image\/png,image\/svg\+xml,application\/json"/,
    );
    assert.match(body, /<textarea[^>]*name="text"/);
    assert.match(body, /name="url"\s+type="url"/);
    // Every form works without script: a plain multipart POST to /verify.
    assert.equal(
      body.match(/<form\s+method="post"\s+action="\/verify"\s+enctype="multipart\/form-data"/g)
        ?.length,
      3,
    );
    assert.match(body, /<label for="f-file"\s*>/);
    assert.match(body, /<label for="f-text"\s*>/);
    assert.match(body, /<label for="f-url"\s*>/);
    // The drop zone is an enhancement, as a module script; no inline script or style.
    assert.match(body, /<script type="module" src="\/assets\/verify-drop\.js\?v=/);
    assert.doesNotMatch(body, /<script>|style="/);
  });

  it('shows the page in English', async () => {
    const response = await world.get('/verify?lang=en');
    assert.match(response.body, /<html lang="en">/);
    assert.match(response.body, /<h1>Verify a badge<\/h1>/);
    assert.match(response.body, /Verify the file/);
  });

  it('verifies a credential pasted as JSON: valid, with the summary and every check', async () => {
    const { credential } = await issue();
    const response = await postForm([{ name: 'text', value: JSON.stringify(credential, null, 2) }]);
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.equal(verdictOf(body), 'valid');
    assert.match(body, /この証明書は有効です/);
    assert.match(body, /情報リテラシー/);
    assert.match(body, /data-testid="verify-issuer-link"/);
    assert.match(body, /ハッシュ化されているため公開されていません/);
    assert.match(body, /data-check="proof"\s+data-outcome="passed"/);
    assert.match(body, /電子署名[\s\S]*?合格/);
    assert.match(body, /令和/); // dates with the 和暦 by default
    assert.match(body, /別のバッジを検証する/);
  });

  it('verifies in English, with the checks explained in English', async () => {
    const { credential } = await issue();
    const response = await postForm([{ name: 'text', value: JSON.stringify(credential) }], {
      'accept-language': 'en',
    });
    assert.match(response.body, /This credential is valid/);
    assert.match(response.body, /Digital signature/);
    assert.match(response.body, /What this checks/);
  });

  it('verifies a baked badge image uploaded as a file', async () => {
    const { award } = await issue();
    const image = await world.testApp.app.inject({ url: `/badges/${award.id}/image` });
    assert.equal(image.statusCode, 200);
    const response = await postForm([
      {
        name: 'file',
        value: image.rawPayload,
        filename: 'badge.png',
        type: 'application/octet-stream',
      },
    ]);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(verdictOf(response.body), 'valid');
    assert.match(response.body, /Open Badges 3\.0 \((PNG|SVG)\)/);
  });

  it('verifies a credential file (JSON) and a URL of ours', async () => {
    const { award, credential } = await issue();
    const file = await postForm([
      {
        name: 'file',
        value: JSON.stringify(credential),
        filename: 'badge.json',
        type: 'application/json',
      },
    ]);
    assert.equal(verdictOf(file.body), 'valid');
    const url = await postForm([
      { name: 'url', value: `https://badges.example.ac.jp/badges/${award.id}/credential.json` },
    ]);
    assert.equal(verdictOf(url.body), 'valid');
  });

  it('says a credential whose name was changed has been tampered with', async () => {
    const { credential } = await issue();
    const subject = credential.credentialSubject as { achievement: { name: string } };
    subject.achievement.name = '偽の資格';
    const response = await postForm([{ name: 'text', value: JSON.stringify(credential) }]);
    assert.equal(verdictOf(response.body), 'tampered');
    assert.match(response.body, /この証明書は改ざんされています/);
    assert.match(response.body, /data-check="proof"\s+data-outcome="failed"/);
    // What the credential claims is shown, but marked as not to be trusted.
    assert.match(response.body, /信頼できません/);
  });

  it('says a revoked award is revoked', async () => {
    const { award, credential } = await issue();
    const revoked = await world.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${world.orgA}/awards/${award.id}/revoke`,
      headers: world.headers['org-admin'],
      payload: { reason: '誤発行のため' },
    });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const response = await postForm([{ name: 'text', value: JSON.stringify(credential) }]);
    assert.equal(verdictOf(response.body), 'revoked');
    assert.match(response.body, /この証明書は失効しています/);
  });

  it('calls the API without the session, so a signed-in visitor needs no API CSRF token', async () => {
    const { credential } = await issue();
    const response = await postForm([{ name: 'text', value: JSON.stringify(credential) }], {
      cookie: world.headers['org-admin'].cookie ?? '',
      'x-csrf-token': world.headers['org-admin']['x-csrf-token'] ?? '',
    });
    assert.equal(verdictOf(response.body), 'valid');
  });

  it('answers an empty form with the message next to the field', async () => {
    const text = await postForm([{ name: 'text', value: '   ' }]);
    assert.equal(text.statusCode, 400);
    assert.match(text.body, /data-testid="error-summary"/);
    assert.match(
      text.body,
      /<p class="field-error" id="f-text-error">証明書のデータを貼り付けてください。<\/p>/,
    );
    assert.doesNotMatch(text.body, /data-testid="verdict"/);

    const file = await postForm([
      { name: 'file', value: '', filename: '', type: 'application/octet-stream' },
    ]);
    assert.equal(file.statusCode, 400);
    assert.match(file.body, /id="f-file-error">ファイルを選んでください。/);

    const url = await postForm([{ name: 'url', value: '' }]);
    assert.match(url.body, /id="f-url-error">バッジの URL を入力してください。/);
  });

  it('answers unreadable input next to its field, keeping what was typed', async () => {
    const text = await postForm([{ name: 'text', value: 'これはバッジではありません' }]);
    assert.equal(text.statusCode, 400);
    assert.match(
      text.body,
      /id="f-text-error">入力が JSON・JWT・PNG\/SVG のバッジ画像のいずれでもありません。/,
    );
    assert.match(text.body, />\nこれはバッジではありません<\/textarea>/);

    const binary = await postForm([
      { name: 'file', value: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]), filename: 'a.jpg' },
    ]);
    assert.match(binary.body, /id="f-file-error">このファイルはバッジ画像/);

    const blank = await postForm([
      { name: 'file', value: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), filename: 'b.png' },
    ]);
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /id="f-file-error">/);

    const url = await postForm([{ name: 'url', value: 'ftp://example.org/badge' }]);
    assert.match(url.body, /id="f-url-error">https:\/\/ または http:\/\/ で始まる URL/);
    assert.match(url.body, /value="ftp:\/\/example\.org\/badge"/);
  });

  it('cannot reach a badge on a private address: issuer-unreachable, with the reason', async () => {
    const response = await postForm([{ name: 'url', value: 'https://127.0.0.1/badge.json' }]);
    assert.equal(verdictOf(response.body), 'issuer-unreachable');
    assert.match(response.body, /data-testid="verdict-reason"/);
  });

  it('refuses a file that is too large next to the file field', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
    big.set([0x89, 0x50, 0x4e, 0x47], 0);
    const response = await postForm([{ name: 'file', value: big, filename: 'big.png' }]);
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /id="f-file-error">バッジが上限の 5242880 バイトを超えています/);

    const huge = Buffer.alloc(21 * 1024 * 1024, 0x20);
    const over = await postForm([{ name: 'file', value: huge, filename: 'huge.png' }]);
    assert.equal(over.statusCode, 413);
    assert.match(over.body, /id="f-file-error">ファイルが大きすぎます/);
    assert.match(over.body, /<h1>バッジを検証<\/h1>/);
  });
});
