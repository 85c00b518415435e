import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  CSV_WITH_ONE_BAD_ROW,
  createAchievement,
  jobIdFrom,
  postUpload,
  waitForJobState,
} from './bulk-test-support.js';

describe('bulk award: preview, confirm, progress, summary, error report, list', () => {
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
  const jobUrl = (jobId: string) => `/console/${world.orgA}/bulk-jobs/${jobId}`;
  const upload = async (csv: string) =>
    jobIdFrom(await postUpload(world, uploadUrl, Buffer.from(csv), admin()));

  it('previews a file with one bad e-mail, issues the rest, and reports the bad row', async () => {
    const jobId = await upload(CSV_WITH_ONE_BAD_ROW);

    const preview = await world.get(jobUrl(jobId), admin());
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /data-state="validated"/);
    assert.match(preview.body, /data-testid="bulk-count-valid">2</);
    assert.match(preview.body, /data-testid="bulk-count-invalid">1</);
    const errorRows = [
      ...preview.body.matchAll(
        /<tr\s+class="row-error" data-testid="bulk-row-error"\s+data-row="(\d+)"/g,
      ),
    ];
    assert.deepEqual(
      errorRows.map((m) => m[1]),
      ['3'],
    );
    assert.match(preview.body, /メールアドレスの形式が正しくありません/);
    assert.equal([...preview.body.matchAll(/data-testid="bulk-row"/g)].length, 2);
    assert.match(preview.body, /山田 太郎/);
    assert.match(preview.body, /data-testid="bulk-confirm">\s*2 件のバッジを発行する/);
    assert.match(preview.body, new RegExp(`action="${jobUrl(jobId)}/confirm"`));
    assert.doesNotMatch(preview.body, /http-equiv="refresh"/);

    const en = await world.get(`${jobUrl(jobId)}?lang=en`, admin());
    assert.match(en.body, /This is not a valid e-mail address/);
    assert.match(en.body, /Issue 2 badges/);
    const onlyErrors = await world.get(`${jobUrl(jobId)}?rows=invalid`, admin());
    assert.equal([...onlyErrors.body.matchAll(/data-testid="bulk-row"/g)].length, 0);
    assert.match(onlyErrors.body, /data-testid="bulk-row-error"/);

    const confirmed = await world.post(`${jobUrl(jobId)}/confirm`, {}, admin());
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `${jobUrl(jobId)}?done=confirmed`);
    const progress = await world.get(`${jobUrl(jobId)}?done=confirmed`, admin());
    if (/data-state="(queued|running)"/.test(progress.body)) {
      assert.match(progress.body, /<meta http-equiv="refresh" content="2" \/>/);
      assert.match(
        progress.body,
        /<progress\s+value="\d+"\s+max="2"\s+data-testid="bulk-progress"/,
      );
      assert.match(progress.body, /2 件中 \d 件/);
    }
    await waitForJobState(world, jobId, ['completed']);

    const summary = await world.get(jobUrl(jobId), admin());
    assert.match(summary.body, /data-state="completed"/);
    assert.match(summary.body, /data-testid="bulk-summary"/);
    assert.match(summary.body, /data-testid="bulk-count-issued">2</);
    assert.match(summary.body, /data-testid="bulk-count-invalid">1</);
    assert.match(summary.body, /data-testid="bulk-count-failed">0</);
    assert.doesNotMatch(summary.body, /http-equiv="refresh"/);
    assert.doesNotMatch(summary.body, /data-testid="bulk-confirm"/);
    assert.match(
      summary.body,
      new RegExp(`href="${jobUrl(jobId)}/errors.csv"[^>]*data-testid="bulk-error-report"`),
    );
    assert.match(
      summary.body,
      new RegExp(`/console/${world.orgA}/awards\\?achievementId=${achievement}`),
    );
    assert.match(summary.body, /発行済み/);

    const report = await world.get(`${jobUrl(jobId)}/errors.csv`, admin());
    assert.equal(report.statusCode, 200);
    assert.match(String(report.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.deepEqual([...report.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = report.rawPayload.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /^行番号,状態,メールアドレス,氏名/);
    assert.match(lines[1] ?? '', /^3,エラー,'=1\+2,/);
    assert.match(lines[1] ?? '', /メールアドレスの形式が正しくありません/);
    const reportEn = await world.get(`${jobUrl(jobId)}/errors.csv?lang=en`, admin());
    assert.match(reportEn.rawPayload.toString('utf8'), /This is not a valid e-mail address/);

    const list = await world.get(`/console/${world.orgA}/bulk-jobs`, admin());
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`data-job-id="${jobId}"`));
    assert.match(list.body, /データサイエンス基礎/);
    assert.match(list.body, /data-testid="bulk-start"/);
    const listEn = await world.get(`/console/${world.orgA}/bulk-jobs?lang=en`, admin());
    assert.match(listEn.body, /<h1>Bulk awards<\/h1>/);
    assert.match(listEn.body, /Completed/);
  });

  it('shows no confirm button when every row is invalid, and cancels a job', async () => {
    const jobId = await upload('メールアドレス,氏名\r\nbad,山田 太郎\r\nalso-bad,佐藤 花子\r\n');
    const preview = await world.get(jobUrl(jobId), admin());
    assert.match(preview.body, /data-testid="bulk-nothing-valid"/);
    assert.doesNotMatch(preview.body, /data-testid="bulk-confirm"/);
    assert.equal([...preview.body.matchAll(/data-testid="bulk-row-error"/g)].length, 2);

    const cancelled = await world.post(`${jobUrl(jobId)}/cancel`, {}, admin());
    assert.equal(cancelled.statusCode, 303);
    const page = await world.get(`${jobUrl(jobId)}?done=cancelled`, admin());
    assert.match(page.body, /data-state="cancelled"/);
    assert.match(page.body, /一括授与を取り消しました。/);
    assert.match(page.body, /data-testid="bulk-summary"/);
    const again = await world.post(`${jobUrl(jobId)}/confirm`, {}, admin());
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /data-testid="error-summary"/);
  });

  it('lets a viewer see the counts but not the rows, and refuses a viewer’s confirm', async () => {
    const jobId = await upload(CSV_WITH_ONE_BAD_ROW);
    const viewer = world.headers.viewer;
    const page = await world.get(jobUrl(jobId), viewer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="bulk-count-valid">2</);
    assert.doesNotMatch(page.body, /data-testid="bulk-confirm"/);
    assert.doesNotMatch(page.body, /山田 太郎/);
    const confirm = await world.post(`${jobUrl(jobId)}/confirm`, {}, viewer);
    assert.equal(confirm.statusCode, 403);
    const report = await world.get(`${jobUrl(jobId)}/errors.csv`, viewer);
    assert.equal(report.statusCode, 403);
  });

  it('answers another organisation, an unknown job and a missing CSRF token with error pages', async () => {
    const jobId = await upload(CSV_WITH_ONE_BAD_ROW);
    const other = world.headers['other-org-admin'];
    assert.equal((await world.get(jobUrl(jobId), other)).statusCode, 404);
    assert.equal(
      (await world.get(`/console/${world.orgB}/bulk-jobs/${jobId}`, other)).statusCode,
      404,
    );
    assert.equal(
      (await world.get(`/console/${world.orgB}/bulk-jobs/${jobId}/errors.csv`, other)).statusCode,
      404,
    );
    assert.equal(
      (await world.post(`/console/${world.orgB}/bulk-jobs/${jobId}/confirm`, {}, other)).statusCode,
      404,
    );
    assert.equal(
      (
        await world.get(
          `/console/${world.orgA}/bulk-jobs/00000000-0000-4000-8000-000000000000`,
          admin(),
        )
      ).statusCode,
      404,
    );
    const anonymous = await world.get(jobUrl(jobId));
    assert.equal(anonymous.statusCode, 303);
    const noCsrf = await world.post(`${jobUrl(jobId)}/confirm`, { _csrf: 'wrong' }, admin());
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.body, /<h1>送信内容を読み取れませんでした<\/h1>/);
    const still = await world.get(jobUrl(jobId), admin());
    assert.match(still.body, /data-state="validated"/);
  });

  it('pages the rows of a large file, 100 at a time', async () => {
    const lines = ['メールアドレス,氏名'];
    for (let i = 0; i < 105; i += 1) lines.push(`r${i}@example.ac.jp,受講者 ${i}`);
    const jobId = await upload(lines.join('\r\n'));
    const first = await world.get(jobUrl(jobId), admin());
    assert.equal([...first.body.matchAll(/data-testid="bulk-row"/g)].length, 100);
    const next = /href="([^"]+)" rel="next"/.exec(first.body);
    assert.ok(next?.[1] !== undefined);
    const second = await world.get(next[1].replaceAll('&amp;', '&'), admin());
    assert.equal([...second.body.matchAll(/data-testid="bulk-row"/g)].length, 5);
    assert.match(second.body, /最初の行へ/);
  });

  it('pages the list of jobs and starts a bulk award from a chosen badge', async () => {
    const start = await world.get(
      `/console/${world.orgA}/bulk-jobs/new?achievementId=${achievement}`,
      admin(),
    );
    assert.equal(start.statusCode, 303);
    assert.equal(start.headers.location, uploadUrl);
    for (let i = 0; i < 21; i += 1)
      await upload(`メールアドレス,氏名\r\np${i}@example.ac.jp,テスト ${i}\r\n`);
    const first = await world.get(`/console/${world.orgA}/bulk-jobs`, admin());
    assert.equal([...first.body.matchAll(/data-testid="bulk-job"/g)].length, 20);
    const next = /href="([^"]+)"\s+rel="next"\s+data-testid="bulk-jobs-next"/.exec(first.body);
    assert.ok(next?.[1] !== undefined);
    const second = await world.get(next[1].replaceAll('&amp;', '&'), admin());
    assert.equal(second.statusCode, 200);
    assert.ok([...second.body.matchAll(/data-testid="bulk-job"/g)].length >= 1);
    assert.match(second.body, /最初のページ/);
  });
});
