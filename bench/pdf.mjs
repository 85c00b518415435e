#!/usr/bin/env node
// `npm run bench:pdf [-- --count 400] [--key p256|rsa]`: certificates rendered (the built-in
// design, Noto Sans JP subsets, QR code, the credential embedded) and sealed with PAdES B-B by a
// local key, on 2 worker threads; then the same on 1 thread as the baseline for the scaling
// ratio. The signing key and its self-signed certificate are made with openssl at start.
// Not yet measured here: the RFC 3161 time-stamp (B-T) and the pdf-lib + @signpdf reference.
// The last line is one JSON object: {"pdfs_per_s":…,"ms_per_pdf":…,"single_thread_pdfs_per_s":…}.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const prepareWorker = async ({ keyPem, certDer }) => {
  const { createPrivateKey } = await import('node:crypto');
  const certificates = await import('@akashi/certificates');
  const signer = certificates.createKeySigner(createPrivateKey(keyPem), [new Uint8Array(certDer)]);
  const credential = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'https://badges.example.ac.jp/badges/00000000-0000-4000-8000-000000000000',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://badges.example.ac.jp/issuers/1', type: ['Profile'], name: '国立証大学' },
    validFrom: '2025-04-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://badges.example.ac.jp/achievements/1',
        type: ['Achievement'],
        name: 'データサイエンス基礎',
        description: 'データ分析の基礎を修得した。',
        criteria: { narrative: '全課題を提出すること。' },
      },
    },
  };
  const names = ['山田 太郎', '髙橋 﨑子', '佐藤 花子', '鈴木 一郎', '田中 美咲'];
  return async (i) => {
    const pdf = await certificates.renderCertificate({
      data: {
        credential,
        recipient: { name: names[i % names.length], nameRomaji: 'Taro Yamada' },
        verificationUrl: credential.id,
        certificateNumber: `No. ${String(i).padStart(6, '0')}`,
      },
    });
    return certificates.sealPdf(pdf, { signer, level: 'B-B' });
  };
};

if (!isMainThread) {
  const make = await prepareWorker(workerData);
  await make(0); // warm: fonts, HarfBuzz faces
  parentPort.postMessage({ ready: true });
  parentPort.on('message', async ({ start, count }) => {
    let bytes = 0;
    for (let i = start; i < start + count; i++) bytes += (await make(i)).length;
    parentPort.postMessage({ done: true, bytes });
  });
} else {
  const { values: args } = parseArgs({
    options: {
      count: { type: 'string', default: '400' },
      key: { type: 'string', default: 'p256' },
    },
  });
  const COUNT = Number(args.count);
  const dir = mkdtempSync(join(tmpdir(), 'akashi-bench-pdf-'));
  try {
    const keyArgs =
      args.key === 'rsa'
        ? ['-newkey', 'rsa:2048']
        : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-nodes',
        ...keyArgs,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=Akashi Bench Seal',
        '-addext',
        'keyUsage=critical,digitalSignature,nonRepudiation',
      ],
      { stdio: 'ignore' },
    );
    execFileSync('openssl', [
      'x509',
      '-in',
      join(dir, 'cert.pem'),
      '-outform',
      'DER',
      '-out',
      join(dir, 'cert.der'),
    ]);
    const data = {
      keyPem: readFileSync(join(dir, 'key.pem'), 'utf8'),
      certDer: readFileSync(join(dir, 'cert.der')),
    };
    const run = async (threads) => {
      const workers = Array.from(
        { length: threads },
        () => new Worker(new URL(import.meta.url), { workerData: data }),
      );
      await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
      const per = Math.ceil(COUNT / threads);
      const started = performance.now();
      const results = await Promise.all(
        workers.map(
          (w, k) =>
            new Promise((resolve) => {
              w.once('message', resolve);
              w.postMessage({ start: k * per, count: per });
            }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(workers.map((w) => w.terminate()));
      const total = per * threads;
      const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
      return { perSecond: total / seconds, total, seconds, averageKb: bytes / total / 1024 };
    };
    const single = await run(1);
    console.log(
      `1 thread: ${single.total} sealed PDFs in ${single.seconds.toFixed(2)} s = ${single.perSecond.toFixed(1)}/s (${single.averageKb.toFixed(1)} KB each)`,
    );
    const double = await run(2);
    console.log(
      `2 threads: ${double.total} sealed PDFs in ${double.seconds.toFixed(2)} s = ${double.perSecond.toFixed(1)}/s (${(double.perSecond / single.perSecond).toFixed(2)}× 1 thread)`,
    );
    console.log(
      JSON.stringify({
        pdfs_per_s: Number(double.perSecond.toFixed(1)),
        ms_per_pdf: Number((1000 / double.perSecond).toFixed(2)),
        single_thread_pdfs_per_s: Number(single.perSecond.toFixed(1)),
        key: args.key,
        level: 'B-B',
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
