#!/usr/bin/env node
// `npm run bench:pdf [-- --count 400] [--key p256|rsa] [--ref-count 100]`: PDF certificates
// rendered (the built-in design, Noto Sans JP subsets, QR code, the credential embedded), sealed
// by a local key and time-stamped by a local RFC 3161 TSA (PAdES B-T; `local-tsa.mjs`, over
// loopback HTTP through core's guarded POST), on 2 worker threads; the same on 1 thread, and
// sealed without time-stamp (B-B) on 2 threads, for comparison; then the reference — pdf-lib +
// @signpdf with its P12 signer (RSA-2048; `reference-pdf.mjs`) — making a comparable certificate
// on 2 threads in the same run. Each thread keeps 3 PDFs in flight (a time-stamp's round trip
// overlaps the next render). Keys and certificates are made with openssl at start; one PDF of
// each kind is checked with our verifier and, when installed, poppler's pdfsig.
// The last line is one JSON object:
// {"pdfs_per_s":…,"ms_per_pdf":…,"ref_pdfs_per_s":…,"ratio":…,"single_thread_pdfs_per_s":…,"b_b_pdfs_per_s":…}.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const CREDENTIAL = {
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
const NAMES = ['山田 太郎', '髙橋 﨑子', '佐藤 花子', '鈴木 一郎', '田中 美咲'];
const IN_FLIGHT = 3;

const prepareAkashi = async ({ keyPem, certDer, level, tsaUrl, tsaHost }) => {
  const { createPrivateKey } = await import('node:crypto');
  const core = await import('@akashi/core');
  const certificates = await import('@akashi/certificates');
  const signer = certificates.createKeySigner(createPrivateKey(keyPem), [new Uint8Array(certDer)]);
  const guarded = core.createGuardedPoster({ allowHosts: [tsaHost] });
  const post = async (url, body, contentType, headers) => {
    const answer = await guarded({
      url,
      headers: { ...headers, 'content-type': contentType },
      body,
      maxResponseBytes: 1024 * 1024,
    });
    return { status: answer.status, contentType: answer.contentType, body: answer.body };
  };
  const tsa = level === 'B-B' ? undefined : certificates.createTsaClient({ url: tsaUrl, post });
  return async (i) => {
    const pdf = await certificates.renderCertificate({
      data: {
        credential: CREDENTIAL,
        recipient: { name: NAMES[i % NAMES.length], nameRomaji: 'Taro Yamada' },
        verificationUrl: CREDENTIAL.id,
        certificateNumber: `No. ${String(i).padStart(6, '0')}`,
      },
    });
    return certificates.sealPdf(pdf, { signer, level, ...(tsa ? { tsa } : {}) });
  };
};

const prepareWorker = async (data) => {
  if (data.kind === 'reference') {
    const { prepareReference } = await import('./reference-pdf.mjs');
    return prepareReference({
      p12: data.p12,
      passphrase: data.passphrase,
      credential: CREDENTIAL,
      names: NAMES,
    });
  }
  return prepareAkashi(data);
};

if (!isMainThread) {
  const make = await prepareWorker(workerData);
  const sample = await make(0); // warm: fonts, HarfBuzz faces, JIT
  parentPort.postMessage({ ready: true, sample });
  // A few PDFs in flight per thread, so that a time-stamp's round trip overlaps the next render.
  parentPort.on('message', async ({ start, count }) => {
    let bytes = 0;
    let next = start;
    const lane = async () => {
      while (next < start + count) {
        const pdf = await make(next++);
        bytes += pdf.length;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    parentPort.postMessage({ done: true, bytes });
  });
} else {
  const { values: args } = parseArgs({
    options: {
      count: { type: 'string', default: '400' },
      key: { type: 'string', default: 'p256' },
      'ref-count': { type: 'string' },
    },
  });
  const COUNT = Number(args.count);
  const REF_COUNT = Number(args['ref-count'] ?? Math.max(40, Math.round(COUNT / 4)));
  const dir = mkdtempSync(join(tmpdir(), 'akashi-bench-pdf-'));
  const openssl = (list) => execFileSync('openssl', list, { cwd: dir, stdio: 'ignore' });
  const toDer = (pem, out) => openssl(['x509', '-in', pem, '-outform', 'DER', '-out', out]);
  const selfSigned = (keyArgs, name, extensions) =>
    openssl(
      ['req', '-x509', '-nodes', ...keyArgs, '-keyout', `${name}.key`, '-out', `${name}.pem`]
        .concat(['-days', '30', '-subj', `/CN=Akashi Bench ${name}`])
        .concat(extensions.flatMap((extension) => ['-addext', extension])),
    );
  const P256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  const RSA = ['-newkey', 'rsa:2048'];
  let tsa;
  try {
    selfSigned(args.key === 'rsa' ? RSA : P256, 'seal', [
      'keyUsage=critical,digitalSignature,nonRepudiation',
    ]);
    selfSigned(P256, 'tsa', [
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=critical,timeStamping',
    ]);
    selfSigned(RSA, 'reference', ['keyUsage=critical,digitalSignature,nonRepudiation']);
    // node-forge (the @signpdf P12 signer) reads PKCS#12 with SHA-1/3DES, not OpenSSL 3's default.
    openssl(
      ['pkcs12', '-export', '-inkey', 'reference.key', '-in', 'reference.pem']
        .concat(['-out', 'reference.p12', '-passout', 'pass:bench'])
        .concat(['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']),
    );
    for (const name of ['seal', 'tsa']) toDer(`${name}.pem`, `${name}.der`);
    const { startLocalTsa } = await import('./local-tsa.mjs');
    tsa = await startLocalTsa({
      keyPem: readFileSync(join(dir, 'tsa.key'), 'utf8'),
      certDer: new Uint8Array(readFileSync(join(dir, 'tsa.der'))),
    });
    const akashiData = (level) => ({
      kind: 'akashi',
      level,
      keyPem: readFileSync(join(dir, 'seal.key'), 'utf8'),
      certDer: readFileSync(join(dir, 'seal.der')),
      tsaUrl: tsa.url,
      tsaHost: tsa.host,
    });
    const referenceData = {
      kind: 'reference',
      p12: readFileSync(join(dir, 'reference.p12')),
      passphrase: 'bench',
    };

    const run = async (threads, data, count) => {
      const workers = Array.from(
        { length: threads },
        () => new Worker(new URL(import.meta.url), { workerData: data }),
      );
      const ready = await Promise.all(
        workers.map((w) => new Promise((resolve) => w.once('message', resolve))),
      );
      const per = Math.ceil(count / threads);
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
      return {
        perSecond: total / seconds,
        total,
        seconds,
        averageKb: bytes / total / 1024,
        sample: ready[0].sample,
      };
    };
    const say = (label, r, base) =>
      console.log(
        `${label}: ${r.total} PDFs in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)}/s ` +
          `(${r.averageKb.toFixed(1)} KB each${base ? `, ${(r.perSecond / base.perSecond).toFixed(2)}× ${base.label}` : ''})`,
      );

    const single = await run(1, akashiData('B-T'), Math.max(40, Math.round(COUNT / 2)));
    say('Akashi B-T, 1 thread', single);
    const stamped = await run(2, akashiData('B-T'), COUNT);
    say('Akashi B-T, 2 threads', stamped, { ...single, label: '1 thread' });
    const plain = await run(2, akashiData('B-B'), COUNT);
    say('Akashi B-B (no time-stamp), 2 threads', plain);
    const reference = await run(2, referenceData, REF_COUNT);
    say('Reference pdf-lib + @signpdf (RSA P12, no time-stamp), 2 threads', reference);
    console.log(
      `TSA: ${tsa.answered()} time-stamps issued, ${(tsa.busyMs() / tsa.answered()).toFixed(2)} ms of CPU each`,
    );

    // The outputs are what they claim: our verifier and pdfsig on one PDF of each kind.
    const { verifyCertificatePdf } = await import('@akashi/certificates');
    const report = await verifyCertificatePdf(stamped.sample, {
      trust: [
        new Uint8Array(readFileSync(join(dir, 'seal.der'))),
        new Uint8Array(readFileSync(join(dir, 'tsa.der'))),
      ],
    });
    // The bench credential is unsigned: only the PDF's own checks are of interest here.
    const pdfChecks = report.checks.filter((check) => check.name !== 'credential');
    const failed = pdfChecks.filter((check) => check.outcome !== 'passed');
    console.log(
      `Akashi sample: ${pdfChecks.length - failed.length}/${pdfChecks.length} PDF checks passed` +
        (failed.length
          ? ` (not passed: ${failed.map((c) => `${c.name} ${c.outcome}`).join(', ')})`
          : '') +
        `; signatures: ${report.signatures.map((s) => s.kind ?? s.level ?? 'signature').join(', ')}`,
    );
    writeFileSync(join(dir, 'akashi.pdf'), stamped.sample);
    writeFileSync(join(dir, 'reference.pdf'), reference.sample);
    for (const name of ['akashi.pdf', 'reference.pdf']) {
      const sig = spawnSync('pdfsig', [join(dir, name)], { encoding: 'utf8' });
      if (sig.error) {
        console.log('pdfsig not installed: samples not checked with it');
        break;
      }
      const valid = /Signature is Valid/.test(sig.stdout);
      const total = /Total document signed/.test(sig.stdout);
      console.log(
        `pdfsig ${name}: ${valid ? 'Signature is Valid' : 'NOT valid'}, ${total ? 'total document signed' : 'NOT total'}`,
      );
    }
    console.log(
      JSON.stringify({
        pdfs_per_s: Number(stamped.perSecond.toFixed(1)),
        ms_per_pdf: Number((1000 / stamped.perSecond).toFixed(2)),
        ref_pdfs_per_s: Number(reference.perSecond.toFixed(1)),
        ratio: Number((stamped.perSecond / reference.perSecond).toFixed(1)),
        single_thread_pdfs_per_s: Number(single.perSecond.toFixed(1)),
        b_b_pdfs_per_s: Number(plain.perSecond.toFixed(1)),
        key: args.key,
        level: 'B-T',
      }),
    );
  } finally {
    await tsa?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
