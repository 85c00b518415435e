/**
 * Test support for the badge pages: a badge made through the API, the editor's minimal fields,
 * and a multipart form body (the image upload) built as a browser sends it.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { WebTestWorld } from '../web-test-world.js';

/** The fewest fields the editor needs to create a badge. */
export const MINIMAL_FIELDS = {
  'name.ja': 'データサイエンス基礎',
  'description.ja': 'データの収集・分析・可視化の基礎を修得したことを証明します。',
  'criteria.narrative.ja': '全15回の授業に出席し、**最終課題**に合格すること。',
} as const;

export interface CreatedAchievement {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly imageId: string | null;
  readonly name: { ja: string; en?: string };
}

export const createAchievementByApi = async (
  world: WebTestWorld,
  overrides: Record<string, unknown> = {},
  as: Record<string, string> = world.headers['org-admin'],
): Promise<CreatedAchievement> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${world.orgA}/achievements`,
    headers: as,
    payload: {
      name: { ja: '情報リテラシー', en: 'Information Literacy' },
      description: { ja: '情報の基礎を学びました。', en: 'Learnt the basics of information.' },
      criteria: { narrative: { ja: '講義に合格すること。' } },
      achievementType: 'Badge',
      ...overrides,
    },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<CreatedAchievement>();
};

export const readAchievementByApi = async (
  world: WebTestWorld,
  id: string,
): Promise<CreatedAchievement & Record<string, unknown>> =>
  (
    await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}/achievements/${id}`,
      headers: world.headers['org-admin'],
    })
  ).json();

/** Posts a multipart form (fields, then one file) as a browser does. */
export const postMultipart = (
  world: WebTestWorld,
  url: string,
  fields: Readonly<Record<string, string>>,
  file: { name: string; filename: string; type: string; bytes: Uint8Array },
  as: Record<string, string>,
): Promise<LightMyRequestResponse> => {
  const boundary = '----akashi-test-boundary-7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return world.testApp.app.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'accept-language': 'ja',
      ...(as.cookie === undefined ? {} : { cookie: as.cookie }),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(chunks),
  });
};
