#!/usr/bin/env node
/* global fetch */
// `npm run bench:pages [-- --requests 300]`: how fast the web app's pages answer and how much a
// browser downloads for them, against the built platform listening on loopback (embedded SQLite
// in a scratch data directory, one organisation, one badge, one award). Each page is asked for
// `--requests` times in a row over HTTP after a warm-up; the baseline is `GET /healthz` measured
// in the same run, so the ratio survives a noisy machine. Weight: the HTML plus the style sheets
// and scripts it links (fonts excluded: they come in unicode-range slices, only when needed).
// The last line is one JSON object: {"pages":[{"path","median_ms","p95_ms","ratio","html_kb",
// "css_kb","js_kb"}],"healthz_median_ms":…}.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as server from '@akashi/server';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const REQUESTS = Number(args.requests);

const dataDir = mkdtempSync(join(tmpdir(), 'akashi-bench-pages-'));
const db = server.openDatabase({ dialect: 'sqlite', file: join(dataDir, 'akashi.sqlite') });
await server.migrateDatabase(db);
const config = server.loadConfig({
  PUBLIC_URL: 'http://127.0.0.1:3999',
  AKASHI_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
});
const masterKey = server.createTestMasterKey();
const app = server.createApp({ config, db, masterKey, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;

try {
  const { organisationId } = await server.createApprovedOrganisation(
    db,
    {
      legalName: 'ベンチマーク大学',
      nameEn: 'Benchmark University',
      domain: `bench-${randomBytes(4).toString('hex')}.example.ac.jp`,
      type: 'university',
      adminEmail: 'admin@example.ac.jp',
    },
    new Date(),
  );
  const origin = { actor: { kind: 'anonymous' }, now: new Date() };
  const clock = () => new Date();
  const context = {
    config,
    db,
    clock,
    masterKey,
    keys: server.createKeyStore({ db, masterKey, clock }),
  };
  await server.createIssuerProfile(
    context,
    organisationId,
    {
      name: { ja: 'ベンチマーク大学', en: 'Benchmark University' },
      url: 'https://www.bench.example.ac.jp',
      email: 'badges@bench.example.ac.jp',
    },
    origin,
  );
  const { key } = await server.createApiKey(
    db,
    organisationId,
    {
      name: 'bench',
      scopes: ['badges:issue', 'badges:read', 'achievements:write', 'achievements:read'],
    },
    origin,
  );
  const api = async (path, body) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const achievement = await api(`/api/v1/organisations/${organisationId}/achievements`, {
    name: { ja: '情報リテラシー', en: 'Information literacy' },
    description: { ja: '情報の扱い方の基礎を修得した。', en: 'Learnt the basics of information.' },
    criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' } },
  });
  const { award } = await api(
    `/api/v1/organisations/${organisationId}/achievements/${achievement.id}/awards`,
    { recipient: { email: 'learner@example.ac.jp', name: '山田 太郎' }, notify: false },
  );

  const browser = { accept: 'text/html', 'accept-language': 'ja' };
  const time = async (path) => {
    for (let i = 0; i < 20; i++)
      await (await fetch(`${base}${path}`, { headers: browser })).arrayBuffer();
    const samples = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: browser });
      await response.arrayBuffer();
      samples.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    }
    samples.sort((a, b) => a - b);
    return {
      median: samples[Math.floor(samples.length / 2)],
      p95: samples[Math.floor(samples.length * 0.95)],
    };
  };
  const weigh = async (path) => {
    const html = await (await fetch(`${base}${path}`, { headers: browser })).text();
    const sum = async (pattern) => {
      let bytes = 0;
      for (const [, href] of html.matchAll(pattern)) {
        if (href.includes('fonts.css')) continue;
        bytes += (await (await fetch(`${base}${href.replaceAll('&amp;', '&')}`)).arrayBuffer())
          .byteLength;
      }
      return bytes;
    };
    return {
      html: Buffer.byteLength(html),
      css: await sum(/<link rel="stylesheet" href="([^"]+)"/g),
      js: await sum(/<script[^>]* src="([^"]+)"/g),
    };
  };

  const healthz = await time('/healthz');
  console.log(`GET /healthz: median ${healthz.median.toFixed(2)} ms (baseline)`);
  const pages = [];
  for (const path of [
    '/',
    '/verify',
    '/organisations',
    '/sign-in',
    `/badges/${award.id}`,
    `/issuers/${award.issuerProfileId ?? ''}`,
  ]) {
    if (path.endsWith('/issuers/')) continue;
    const t = await time(path);
    const w = await weigh(path);
    const row = {
      path: path.replace(award.id, '{award}').replace(award.issuerProfileId ?? '-', '{issuer}'),
      median_ms: Number(t.median.toFixed(2)),
      p95_ms: Number(t.p95.toFixed(2)),
      ratio: Number((t.median / healthz.median).toFixed(1)),
      html_kb: Number((w.html / 1024).toFixed(1)),
      css_kb: Number((w.css / 1024).toFixed(1)),
      js_kb: Number((w.js / 1024).toFixed(1)),
    };
    pages.push(row);
    console.log(
      `GET ${row.path}: median ${row.median_ms} ms, p95 ${row.p95_ms} ms (${row.ratio}× healthz); HTML ${row.html_kb} KB, CSS ${row.css_kb} KB, JS ${row.js_kb} KB`,
    );
  }
  console.log(JSON.stringify({ pages, healthz_median_ms: Number(healthz.median.toFixed(2)) }));
} finally {
  await app.close();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
