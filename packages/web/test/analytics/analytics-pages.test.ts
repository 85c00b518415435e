import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

/** `YYYY-MM` in Japan now. */
const thisMonth = (): string => new Date(Date.now() + 9 * 60 * 60 * 1000).toISOString().slice(0, 7);

/** The text of a table's cells, row by row (tags stripped, spaces squeezed). */
const tableRows = (body: string, testId: string): string[][] => {
  const table = new RegExp(`<table data-testid="${testId}">([\\s\\S]*?)</table>`).exec(body);
  assert.ok(table, `no table ${testId}`);
  return [...(table[1] ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
};

describe('console overview (analytics)', () => {
  let world: WebTestWorld;
  let url: string;
  before(async () => {
    world = await buildWebTestWorld();
    url = `/console/${world.orgA}`;
  });
  after(() => world.close());

  const api = async <T>(method: 'GET' | 'POST', path: string, payload?: object) => {
    const response = await world.testApp.app.inject({
      method,
      url: path,
      headers: world.headers['org-admin'],
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    assert.ok(response.statusCode < 300, response.body);
    return response.json<T>();
  };

  it('sends a signed-out browser to sign in, and back', async () => {
    const response = await world.get(url);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
  });

  it('answers 404 to members of another organisation and to non-members', async () => {
    for (const role of ['other-org-admin', 'learner'] as const) {
      const response = await world.get(url, world.headers[role]);
      assert.equal(response.statusCode, 404, role);
      assert.doesNotMatch(response.body, /data-testid="analytics-/);
    }
  });

  it('shows a new organisation what to do first (ja and en)', async () => {
    const ja = await world.get(url, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>概要・分析<\/h1>/);
    assert.match(ja.body, /data-testid="analytics-empty"/);
    assert.match(ja.body, /まだバッジを授与していません/);
    assert.match(ja.body, new RegExp(`href="${url}/achievements/new"`));
    assert.match(ja.body, new RegExp(`href="${url}/bulk-jobs/new"`));
    assert.match(ja.body, /aria-current="page"[^>]*>概要・分析</);
    assert.doesNotMatch(ja.body, /data-testid="chart-/);
    assert.doesNotMatch(ja.body, /<script/);
    assert.doesNotMatch(ja.body, / style=/);

    const en = await world.get(`${url}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /No badges awarded yet/);
    assert.match(en.body, /data-testid="analytics-empty"/);
  });

  it('lets a viewer see the overview without the links to award', async () => {
    const response = await world.get(url, world.headers.viewer);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-testid="analytics-empty"/);
    assert.match(response.body, /閲覧者の権限では授与できません/);
    assert.doesNotMatch(response.body, /achievements\/new/);
    assert.match(response.body, new RegExp(`href="${url}/awards"`));
  });

  it('draws the charts with the numbers of the awards and counts badge page views', async () => {
    const orgApi = `/api/v1/organisations/${world.orgA}`;
    const literacy = await api<{ id: string }>('POST', `${orgApi}/achievements`, {
      name: { ja: '情報リテラシー', en: 'Information literacy' },
      description: { ja: '情報の扱い方を修得した。', en: 'Learnt to handle information.' },
      criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' } },
    });
    const safety = await api<{ id: string }>('POST', `${orgApi}/achievements`, {
      name: { ja: '安全衛生講習' },
      description: { ja: '安全衛生講習を修了した。' },
      criteria: { narrative: { ja: '講習に出席すること。' } },
    });
    const award = async (achievementId: string, email: string) =>
      (
        await api<{ award: { id: string } }>(
          'POST',
          `${orgApi}/achievements/${achievementId}/awards`,
          { recipient: { email, name: '山田花子' }, notify: false },
        )
      ).award.id;
    const first = await award(literacy.id, 'a@example.ac.jp');
    await award(literacy.id, 'b@example.ac.jp');
    const third = await award(safety.id, 'c@example.ac.jp');
    await api('POST', `${orgApi}/awards/${third}/revoke`, { reason: '誤発行' });
    // An older award, in April 2024 in Japan (31 March 2024 16:00 UTC).
    const old = await award(safety.id, 'd@example.ac.jp');
    await world.db.kysely
      .updateTable('awards')
      .set({ created_at: '2024-03-31T16:00:00.000Z' })
      .where('id', '=', old)
      .execute();

    // The public badge page verifies the badge live, and that is counted.
    for (let i = 0; i < 3; i += 1) {
      const badge = await world.get(`/badges/${first}`);
      assert.equal(badge.statusCode, 200);
    }

    const month = thisMonth();
    const [year = '', monthNumber = ''] = month.split('-');
    const jaMonth = `${year}年${String(Number(monthNumber))}月`;
    const page = await world.get(url, world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    const body = page.body;
    assert.doesNotMatch(body, /data-testid="analytics-empty"/);
    for (const id of [
      'chart-awards-per-month',
      'chart-awards-per-achievement',
      'chart-verifications',
    ]) {
      assert.match(body, new RegExp(`data-testid="${id}"`));
    }
    assert.match(body, /<svg[^>]*role="img"/);
    assert.match(body, /<title id="chart-per-month-wide-title">月別の授与数<\/title>/);
    assert.match(body, new RegExp(`${jaMonth}: 授与 3 件、失効 1 件`));
    const total = (id: string) =>
      new RegExp(`data-testid="total-${id}">[\\s\\S]*?<p class="total-value">([^<]*)</p>`)
        .exec(body)?.[1]
        ?.trim();
    assert.equal(total('awards'), '4 件');
    assert.equal(total('active'), '3 件');
    assert.equal(total('revoked'), '1 件');
    assert.equal(total('suspended'), '0 件');
    assert.equal(total('verifications'), '3 回');

    const perMonth = tableRows(body, 'table-awards-per-month');
    assert.deepEqual(perMonth[0], ['月', '授与', '失効']);
    assert.equal(perMonth.length, 1 + 12 + 1);
    assert.deepEqual(perMonth[12], [jaMonth, '3', '1']);
    assert.deepEqual(perMonth[13], ['合計', '3', '1']);
    assert.deepEqual(tableRows(body, 'table-awards-per-achievement').slice(1), [
      ['情報リテラシー', '2'],
      ['安全衛生講習', '1'],
    ]);
    const verifications = tableRows(body, 'table-verifications');
    assert.deepEqual(verifications[12], [jaMonth, '3']);
    assert.deepEqual(tableRows(body, 'table-verification-sources').slice(1), [
      ['公開バッジページ', '3'],
      ['検証ページ', '0'],
      ['VC-API', '0'],
    ]);

    // Another badge page view counts up.
    await world.get(`/badges/${third}`);
    const again = await world.get(url, world.headers.viewer);
    assert.deepEqual(tableRows(again.body, 'table-verifications')[12], [jaMonth, '4']);

    // In English, for April 2024 to March 2025 (fiscal year 2024).
    const en = await world.get(`${url}?from=2024-04&to=2025-03&lang=en`, world.headers.viewer);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Apr 2024: 1 awarded, 0 revoked/);
    const enRows = tableRows(en.body, 'table-awards-per-month');
    assert.deepEqual(enRows[1], ['Apr 2024', '1', '0']);
    assert.deepEqual(enRows[12], ['Mar 2025', '0', '0']);
    assert.deepEqual(tableRows(en.body, 'table-awards-per-achievement').slice(1), [
      ['安全衛生講習', '1'],
    ]);
    assert.match(en.body, /value="2024-04"/);
    assert.match(en.body, /April 2024 to March 2025|Apr 2024 to Mar 2025/);
  });

  it('answers a bad range next to the fields, keeping what was typed', async () => {
    const backwards = await world.get(`${url}?from=2025-06&to=2025-01`, world.headers['org-admin']);
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /data-testid="error-summary"/);
    assert.match(backwards.body, /class="field-error" id="f-to-error">[^<]*from/);
    assert.match(backwards.body, /name="from"\s+type="month"\s+value="2025-06"/);
    assert.match(backwards.body, /name="to"\s+type="month"\s+value="2025-01"/);
    assert.doesNotMatch(backwards.body, /data-testid="chart-/);

    const malformed = await world.get(`${url}?from=2025-13`, world.headers['org-admin']);
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /id="f-from-error"/);
  });
});
