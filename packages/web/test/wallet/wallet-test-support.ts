/**
 * Test support for the wallet pages: badges issued by organisation A through the awards API (as
 * any client would), imported into a learner's wallet through the wallet API, the claim link of
 * an award e-mail (read from the queued notification), and small readers of page answers.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { WebTestWorld } from '../web-test-world.js';

export interface IssuedBadge {
  readonly award: { readonly id: string };
  readonly credential: Record<string, unknown>;
}

export interface WalletItem {
  readonly id: string;
  readonly status: string;
  readonly visibility: string;
  readonly name: string | null;
}

const adminHeaders = (world: WebTestWorld) => world.headers['org-admin'];

/** An organisation-wide achievement of organisation A. */
export const createAchievement = async (world: WebTestWorld, name: string): Promise<string> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${world.orgA}/achievements`,
    headers: adminHeaders(world),
    payload: {
      name: { ja: name, en: `${name} (en)` },
      description: { ja: `${name}の説明です。`, en: `About ${name}.` },
      criteria: { narrative: { ja: '全課題を提出すること。\n\n期末試験に合格すること。' } },
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string }>().id;
};

let sequence = 0;

/** An award of the achievement (to a fresh address unless given), with its credential. */
export const issueBadge = async (
  world: WebTestWorld,
  achievementId: string,
  options: { email?: string; notify?: boolean } = {},
): Promise<IssuedBadge> => {
  sequence += 1;
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${world.orgA}/achievements/${achievementId}/awards`,
    headers: adminHeaders(world),
    payload: {
      recipient: {
        email: options.email ?? `student${String(sequence)}@example.ac.jp`,
        name: '山田 花子',
      },
      notify: options.notify ?? false,
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<IssuedBadge>();
};

/** Imports a credential into the wallet of `as` through the API; the new wallet badge. */
export const importBadge = async (
  world: WebTestWorld,
  credential: unknown,
  as: Record<string, string>,
  keepUnverified = false,
): Promise<WalletItem> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: '/api/v1/wallet/credentials',
    headers: as,
    payload: { credential, ...(keepUnverified ? { keepUnverified } : {}) },
  });
  assert.ok(response.statusCode === 201 || response.statusCode === 200, response.body);
  return response.json<{ item: WalletItem }>().item;
};

/** Calls the API as `as`. */
export const callApi = (
  world: WebTestWorld,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  as: Record<string, string>,
  payload?: unknown,
): Promise<LightMyRequestResponse> =>
  world.testApp.app.inject({
    method,
    url,
    headers: as,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

/** The claim link (path and query) of an award's queued e-mail. */
export const claimPath = async (world: WebTestWorld, awardId: string): Promise<string> => {
  const row = await world.db.kysely
    .selectFrom('notifications')
    .select('params')
    .where('award_id', '=', awardId)
    .executeTakeFirstOrThrow();
  const { claimUrl } = JSON.parse(row.params) as { claimUrl: string | null };
  assert.ok(claimUrl !== null, 'the award e-mail carries a claim link');
  const url = new URL(claimUrl);
  return `${url.pathname}${url.search}`;
};

/** Asserts a 303 to `path` (a string or a pattern) and returns the location. */
export const assertRedirect = (response: LightMyRequestResponse, path: string | RegExp): string => {
  assert.equal(response.statusCode, 303, response.body);
  const location = String(response.headers.location);
  if (typeof path === 'string') assert.equal(location, path);
  else assert.match(location, path);
  return location;
};

/** The text of the page's only <h1>. */
export const h1 = (body: string): string | undefined =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1]?.trim();

/** A copy of a credential whose badge name was changed after signing (it no longer verifies). */
export const tampered = (credential: Record<string, unknown>): Record<string, unknown> => {
  const copy = structuredClone(credential);
  const subject = copy.credentialSubject as { achievement: { name: unknown } };
  subject.achievement.name = '偽のバッジ';
  return copy;
};

/** Pages carry no inline script or style (the Content-Security-Policy forbids them). */
export const assertNoInline = (body: string): void => {
  assert.doesNotMatch(body, /<script>|<script [^>]*>[^<]|style="/);
};
