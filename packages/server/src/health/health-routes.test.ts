import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';

describe('health routes', () => {
  forEachDatabase('GET /healthz and /readyz answer 200 while the database is up', async (db) => {
    const { app } = buildTestApp({ db });
    try {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok' });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready' });
    } finally {
      await app.close();
    }
  });

  forEachDatabase(
    'GET /readyz answers 503 ERR_DB_UNAVAILABLE once the database is closed',
    async (db) => {
      const test = buildTestApp({ db });
      try {
        await db.close();
        const ready = await test.app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(ready.statusCode, 503);
        const { error } = ready.json<ErrorEnvelope>();
        assert.equal(error.code, 'ERR_DB_UNAVAILABLE');
        assert.equal(ready.headers['x-request-id'], error.requestId);
        const warning = test
          .logs()
          .find((line) => line.requestId === error.requestId && line.level === 'warn');
        assert.ok(warning, 'the reason is logged');
        // Liveness does not depend on the database.
        assert.equal((await test.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      } finally {
        await test.app.close();
      }
    },
  );
});
