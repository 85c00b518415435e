/**
 * The public badge page links to `/wallet/deliver/{awardId}` ("send to a wallet app or another
 * host"), in Japanese and English.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateDatabase } from '../db/migrate-database.js';
import { openDatabase } from '../db/open-database.js';
import { buildBadgePageWorld, type BadgePageWorld } from './badge-page-test-world.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let world: BadgePageWorld;

before(async () => {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateDatabase(db);
  world = await buildBadgePageWorld(db);
});

after(async () => {
  await world.close();
});

describe('the badge page’s link to send the badge elsewhere', () => {
  it('links to the deliver page (ja and en)', async () => {
    const award = await world.award({});
    for (const [language, label] of [
      ['ja', 'ウォレットアプリや他のサービスに送る'],
      ['en', 'Send to a wallet app or another host'],
    ] as const) {
      const response = await world.test.app.inject({
        method: 'GET',
        url: `/badges/${award.id}`,
        headers: { ...HTML, 'accept-language': language },
      });
      assert.equal(response.statusCode, 200);
      const link = new RegExp(
        `<a href="/wallet/deliver/${award.id}" data-testid="send-to-wallet">${label}</a>`,
      );
      assert.match(response.body, link);
    }
  });
});
