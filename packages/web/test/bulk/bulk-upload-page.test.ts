import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeShiftJis } from '../../../server/src/bulk/shift-jis-encoder.fixture.js';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  CSV_WITH_ONE_BAD_ROW,
  createAchievement,
  jobIdFrom,
  postUpload,
} from './bulk-test-support.js';

describe('bulk award: template and upload', () => {
  let world: WebTestWorld;
  let achievement: string;
  let uploadUrl: string;
  before(async () => {
    world = await buildWebTestWorld();
    achievement = await createAchievement(world);
    uploadUrl = `/console/${world.orgA}/achievements/${achievement}/bulk`;
  });
  after(() => world.close());

  const admin = () => world.headers['org-admin'];

  it('serves the template: UTF-8 with BOM, CRLF, a header and a Japanese example row that uploads cleanly', async () => {
    const response = await world.get(`/console/${world.orgA}/bulk-template.csv`, admin());
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(response.headers['content-disposition']), /attachment/);
    const bytes = response.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.match(lines[0] ?? '', /^メールアドレス,氏名,フリガナ/);
    assert.match(lines[1] ?? '', /山田 太郎/);
    const en = await world.get(`/console/${world.orgA}/bulk-template.csv?lang=en`, admin());
    assert.match(en.rawPayload.toString('utf8'), /^\uFEFFemail,name,name \(kana\)/);

    const uploaded = await postUpload(world, uploadUrl, bytes, admin());
    const jobId = jobIdFrom(uploaded);
    const job = await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}/bulk-jobs/${jobId}`,
      headers: admin(),
    });
    assert.deepEqual(job.json<{ counts: { valid: number; invalid: number } }>().counts.valid, 1);
    const anonymous = await world.get(`/console/${world.orgA}/bulk-template.csv`);
    assert.equal(anonymous.statusCode, 303);
  });

  it('renders the upload form with the columns and instructions, in Japanese and English', async () => {
    const ja = await world.get(uploadUrl, admin());
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>CSV で一括授与<\/h1>/);
    assert.match(ja.body, /enctype="multipart\/form-data"/);
    assert.match(ja.body, /name="file"[^>]*type="file"/);
    assert.match(ja.body, /data-testid="bulk-file"/);
    assert.match(ja.body, /data-testid="bulk-columns"/);
    assert.match(ja.body, /Shift_JIS/);
    assert.match(ja.body, /データサイエンス基礎/);
    assert.match(ja.body, new RegExp(`href="/console/${world.orgA}/bulk-template.csv"`));
    assert.match(ja.body, /aria-current="page"[^>]*>一括授与/);
    const en = await world.get(`${uploadUrl}?lang=en`, admin());
    assert.match(en.body, /<h1>Bulk award from a CSV file<\/h1>/);
    assert.match(en.body, /Foundations of Data Science/);
  });

  it('sends the signed-out to sign in, and answers another organisation or an unknown badge with 404', async () => {
    const anonymous = await world.get(uploadUrl);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/sign-in\?next=/);
    const other = await world.get(uploadUrl, world.headers['other-org-admin']);
    assert.equal(other.statusCode, 404);
    const otherBadge = await world.get(
      `/console/${world.orgB}/achievements/${achievement}/bulk`,
      world.headers['other-org-admin'],
    );
    assert.equal(otherBadge.statusCode, 404);
    const unknown = await world.get(
      `/console/${world.orgA}/achievements/00000000-0000-4000-8000-000000000000/bulk`,
      admin(),
    );
    assert.equal(unknown.statusCode, 404);
  });

  it('shows a viewer no form, and refuses a viewer’s upload with the API’s message', async () => {
    const viewer = world.headers.viewer;
    const page = await world.get(uploadUrl, viewer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="bulk-read-only"/);
    assert.doesNotMatch(page.body, /data-testid="bulk-file"/);
    const post = await postUpload(world, uploadUrl, Buffer.from(CSV_WITH_ONE_BAD_ROW), viewer);
    assert.equal(post.statusCode, 403);
    assert.match(post.body, /data-testid="error-summary"/);
  });

  it('answers an empty file next to the file field, keeping the choices', async () => {
    const empty = await postUpload(world, uploadUrl, Buffer.alloc(0), admin(), { locale: 'en' });
    assert.equal(empty.statusCode, 400);
    assert.match(
      empty.body,
      /data-testid="bulk-file-error"[^>]*>\s*CSV ファイルを選んでください。/,
    );
    assert.match(empty.body, /<option value="en"\s+selected>/);
    assert.doesNotMatch(empty.body, /name="notify"[^>]*checked/);
    const none = await postUpload(world, uploadUrl, undefined, admin(), { notify: 'on' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /name="notify"[^>]*checked/);

    const bomOnly = await postUpload(world, uploadUrl, Buffer.from('\uFEFF\r\n'), admin());
    assert.equal(bomOnly.statusCode, 422);
    assert.match(
      bomOnly.body,
      /data-testid="bulk-file-error"[^>]*>\s*ファイルに見出し行がありません/,
    );
  });

  it('answers a file that is not CSV, or a heading row without e-mail, with the API’s message by the file field', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x81,
    ]);
    const binary = await postUpload(world, uploadUrl, png, admin());
    assert.equal(binary.statusCode, 422, binary.body);
    assert.match(binary.body, /data-testid="bulk-file-error"/);
    assert.match(binary.body, /aria-invalid="true"/);

    const noEmail = await postUpload(
      world,
      uploadUrl,
      Buffer.from('氏名,学籍番号\r\n山田 太郎,S001\r\n'),
      admin(),
      {},
      'akashi_lang=en',
    );
    assert.equal(noEmail.statusCode, 422);
    assert.match(noEmail.body, /The heading row has problems/);
    assert.match(noEmail.body, /No column holds E-mail address/);
  });

  it('accepts a Shift_JIS file from Excel and keeps the names as written', async () => {
    const sjis = Buffer.from(
      encodeShiftJis(
        'メールアドレス,氏名\r\nsaki@example.ac.jp,山﨑 髙子\r\nichiro@example.ac.jp,鈴木 一郎\r\n',
      ),
    );
    const jobId = jobIdFrom(await postUpload(world, uploadUrl, sjis, admin()));
    const page = await world.get(`/console/${world.orgA}/bulk-jobs/${jobId}`, admin());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /山﨑 髙子/);
    assert.match(page.body, /data-testid="bulk-count-valid">2</);
    assert.match(page.body, /2 件のバッジを発行する/);
  });

  it('refuses an upload without the CSRF token with an error page', async () => {
    const response = await postUpload(
      world,
      uploadUrl,
      Buffer.from(CSV_WITH_ONE_BAD_ROW),
      admin(),
      {
        _csrf: 'wrong',
      },
    );
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /<h1>送信内容を読み取れませんでした<\/h1>/);
  });
});
