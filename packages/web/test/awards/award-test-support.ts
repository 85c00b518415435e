/**
 * Test support for the awards pages: achievements and awards made through the API as organisation
 * A's admin (as any client would), and the award id from a page's redirect.
 */
import assert from 'node:assert/strict';
import type { WebTestWorld } from '../web-test-world.js';

export interface TestAward {
  readonly id: string;
  readonly state: string;
  readonly suspendable: boolean;
}

const asAdmin = (world: WebTestWorld) => {
  const headers = world.headers['org-admin'];
  return { cookie: headers.cookie ?? '', 'x-csrf-token': headers['x-csrf-token'] ?? '' };
};

/** An organisation-wide achievement of organisation A (or of `organisationId`). */
export const createAchievement = async (
  world: WebTestWorld,
  name = '情報リテラシー',
  options: { organisationId?: string; departmentId?: string; as?: Record<string, string> } = {},
): Promise<string> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${options.organisationId ?? world.orgA}/achievements`,
    headers: options.as ?? asAdmin(world),
    payload: {
      name: { ja: name, en: `${name} (en)` },
      description: { ja: `${name}の説明です。`, en: `About ${name}.` },
      criteria: { narrative: { ja: '全課題を提出すること。' } },
      ...(options.departmentId === undefined ? {} : { departmentId: options.departmentId }),
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string }>().id;
};

/** An award made through the API (no e-mail sent). */
export const issueAward = async (
  world: WebTestWorld,
  achievementId: string,
  recipient: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<TestAward> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${world.orgA}/achievements/${achievementId}/awards`,
    headers: asAdmin(world),
    payload: { recipient, notify: false, ...extra },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ award: TestAward }>().award;
};

/** Reads an award through the API. */
export const readAward = async (world: WebTestWorld, awardId: string): Promise<TestAward> => {
  const response = await world.testApp.app.inject({
    method: 'GET',
    url: `/api/v1/organisations/${world.orgA}/awards/${awardId}`,
    headers: asAdmin(world),
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<TestAward>();
};

/** The award id in a redirect to `/console/{org}/awards/{id}?done=…`. */
export const awardIdFrom = (location: unknown, done: string): string => {
  const match = /\/awards\/([0-9a-f-]{36})\?done=(\w+)$/.exec(String(location));
  assert.ok(match, `unexpected redirect: ${String(location)}`);
  assert.equal(match[2], done);
  return match[1] ?? '';
};

/** The idempotency key drawn in the award form. */
export const idempotencyKeyIn = (body: string): string => {
  const match = /name="idempotencyKey" value="([^"]+)"/.exec(body);
  assert.ok(match, 'no idempotency key in the form');
  return match[1] ?? '';
};

/** The status an award's page shows (`data-status` of the `award-status` pill). */
export const shownStatus = (body: string): string | undefined =>
  /<span[^>]*data-status="([\w-]+)"[^>]*data-testid="award-status"/.exec(body)?.[1];
