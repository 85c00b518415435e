/**
 * Test support for the bulk pages: an achievement made through the API, a multipart upload as
 * a browser sends it, and a wait for a job to reach a state (the runner starts with the app).
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { WebTestWorld } from '../web-test-world.js';

export const createAchievement = async (
  world: WebTestWorld,
  overrides: Record<string, unknown> = {},
): Promise<string> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${world.orgA}/achievements`,
    headers: { ...world.headers['org-admin'], 'content-type': 'application/json' },
    payload: JSON.stringify({
      name: { ja: 'データサイエンス基礎', en: 'Foundations of Data Science' },
      description: {
        ja: 'データ分析の基礎を修得したことを証明します。',
        en: 'Certifies the foundations of data analysis.',
      },
      criteria: { narrative: { ja: '最終課題に合格すること。', en: 'Pass the final project.' } },
      ...overrides,
    }),
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string }>().id;
};

/** Posts a multipart form as a browser does: fields, then the file as `file`. */
export const postUpload = (
  world: WebTestWorld,
  url: string,
  file: Buffer | undefined,
  as: Record<string, string>,
  fields: Readonly<Record<string, string>> = {},
  extraCookie = '',
): Promise<LightMyRequestResponse> => {
  const boundary = '----akashiBulkTestBoundary';
  const parts: Buffer[] = [];
  const all: Record<string, string> = { ...fields };
  const csrf = as['x-csrf-token'];
  if (csrf !== undefined && !('_csrf' in all)) all._csrf = csrf;
  for (const [name, value] of Object.entries(all)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="awards.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = [as.cookie, extraCookie].filter((c) => c !== undefined && c !== '').join('; ');
  return world.testApp.app.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'accept-language': 'ja,en;q=0.8',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(cookie === '' ? {} : { cookie }),
    },
    payload: Buffer.concat(parts),
  });
};

/** The job id from the upload's 303. */
export const jobIdFrom = (response: LightMyRequestResponse): string => {
  assert.equal(response.statusCode, 303, response.body);
  const match = /\/bulk-jobs\/([0-9a-f-]{36})$/.exec(String(response.headers.location));
  assert.ok(match?.[1] !== undefined, `unexpected location ${String(response.headers.location)}`);
  return match[1];
};

export const waitForJobState = async (
  world: WebTestWorld,
  jobId: string,
  states: readonly string[],
): Promise<{ state: string; counts: Record<string, number> }> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}/bulk-jobs/${jobId}`,
      headers: world.headers['org-admin'],
    });
    const job = response.json<{ state: string; counts: Record<string, number> }>();
    if (states.includes(job.state)) return job;
    assert.ok(Date.now() < deadline, `the job is still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Three rows; row 3 (as Excel numbers it) has a bad e-mail that looks like a formula. */
export const CSV_WITH_ONE_BAD_ROW = [
  'メールアドレス,氏名,学籍番号',
  'taro@example.ac.jp,山田 太郎,S001',
  '=1+2,佐藤 花子,S002',
  'jiro@example.ac.jp,髙橋 次郎,S003',
].join('\r\n');
