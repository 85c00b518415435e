import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

/** packages/server/src */
const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);

/** Writes that would change or remove audit events, through Kysely or in raw SQL. */
const FORBIDDEN = [
  /\b(?:updateTable|deleteFrom|dropTable|alterTable)\s*\(\s*['"`]audit_events\b/,
  /\b(?:update|delete\s+from|truncate(?:\s+table)?|drop\s+table(?:\s+if\s+exists)?|alter\s+table)\s+["`]?audit_events\b/i,
];

const findViolations = (text: string): string[] =>
  text.split('\n').filter((line) => FORBIDDEN.some((pattern) => pattern.test(line)));

const listSourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(path);
    return /\.(?:ts|js|mjs|cjs|sql)$/.test(entry.name) ? [path] : [];
  });

describe('the audit log is append-only', () => {
  it('recognises every form of change or removal it forbids, and not inserts or reads', () => {
    for (const sample of [
      "db.kysely.updateTable('audit_events').set({ action: 'x' })",
      'db.kysely.deleteFrom("audit_events").execute()',
      "kysely.deleteFrom('audit_events as a')",
      'sql`UPDATE audit_events SET ip = null`',
      'sql`delete from "audit_events" where true`',
      'TRUNCATE TABLE audit_events',
      "schema.dropTable('audit_events')",
    ]) {
      assert.equal(findViolations(sample).length, 1, sample);
    }
    for (const sample of [
      "db.kysely.insertInto('audit_events').values(row)",
      "db.kysely.selectFrom('audit_events').selectAll()",
      "db.kysely.updateTable('audit_events_archive')",
    ]) {
      assert.deepEqual(findViolations(sample), [], sample);
    }
  });

  it('nothing in packages/server/src outside the migrations updates or deletes audit events', () => {
    const files = listSourceFiles(SOURCE_ROOT).filter(
      (path) =>
        path !== THIS_FILE && !relative(SOURCE_ROOT, path).startsWith(`db${sep}migrations${sep}`),
    );
    assert.ok(
      files.some((path) => path.endsWith(join('audit', 'record-audit-event.ts'))),
      'the scan reaches the recorder',
    );
    const violations = files.flatMap((path) =>
      findViolations(readFileSync(path, 'utf8')).map(
        (line) => `${relative(SOURCE_ROOT, path)}: ${line.trim()}`,
      ),
    );
    assert.deepEqual(violations, []);
  });

  it('offers no route that changes or removes an audit event', async () => {
    const { buildTestApp } = await import('../http/build-test-app.js');
    const { ROUTE_MODULES } = await import('../http/route-modules.js');
    const test = buildTestApp({ routes: ROUTE_MODULES });
    try {
      await test.app.ready();
      const routes = test.app.printRoutes({ commonPrefix: false, includeHooks: false });
      const auditLines = routes.split('\n').filter((line) => line.includes('audit-events'));
      assert.ok(auditLines.length > 0, routes);
      for (const line of auditLines) {
        assert.doesNotMatch(line, /\b(?:POST|PUT|PATCH|DELETE)\b/, line);
      }
    } finally {
      await test.close();
    }
  });
});
