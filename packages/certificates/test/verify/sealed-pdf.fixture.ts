/**
 * Sealed PDFs made independently of `src/pades`: pdf-lib draws a page and a signature
 * placeholder, the PAdES CMS (content-type, message-digest, ESS signing-certificate-v2; an
 * optional RFC 3161 signature time-stamp) is built here with pkijs and node:crypto and spliced
 * into `/Contents`, and incremental updates (a content change, a DSS, a document time-stamp)
 * are written by hand. `pdfsig` vets every file in the tests.
 */
import { execFileSync } from 'node:child_process';
import { createHash, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import {
  AFRelationship,
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFParser,
  PDFRef,
  PDFDocument,
  PDFString,
  StandardFonts,
  type PDFContext,
} from 'pdf-lib';
import * as pkijs from 'pkijs';
import type { TestIdentity } from './test-pki.fixture.js';

const PLACEHOLDER_RANGE = '/ByteRange [ 0 9999999999 9999999999 9999999999 ]';
const CONTENTS_BYTES = 12_000;

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const sha256 = (...chunks: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return new Uint8Array(hash.digest());
};

const signatureDict = (context: PDFContext, documentTimestamp: boolean) =>
  context.obj({
    Type: documentTimestamp ? 'DocTimeStamp' : 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: documentTimestamp ? 'ETSI.RFC3161' : 'ETSI.CAdES.detached',
    ByteRange: [0, 9999999999, 9999999999, 9999999999],
    Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
    ...(documentTimestamp ? {} : { M: PDFString.fromDate(new Date()) }),
  });

/** A one-page certificate with an empty signature field, optionally with attachments. */
export const makePlaceholderPdf = async (
  attachments: Record<string, unknown> = {},
): Promise<Uint8Array> => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of Completion - Akashi test', { x: 60, y: 760, size: 20, font });
  for (const [name, json] of Object.entries(attachments)) {
    await doc.attach(Buffer.from(JSON.stringify(json)), name, {
      mimeType: 'application/json',
      afRelationship: AFRelationship.Data,
    });
  }
  const context = doc.context;
  const sigRef = context.register(signatureDict(context, false));
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      F: 132,
      T: PDFString.of('Seal1'),
      V: sigRef,
      P: page.ref,
    }),
  );
  page.node.addAnnot(widget);
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ SigFlags: 3, Fields: [widget] }));
  return doc.save({ useObjectStreams: false });
};

/** Writes the byte range into the last placeholder and returns the digest and the gap. */
const fillByteRange = (pdf: Uint8Array) => {
  const bytes = new Uint8Array(pdf);
  const text = latin1(bytes);
  const at = text.lastIndexOf(PLACEHOLDER_RANGE);
  if (at < 0) throw new Error('no placeholder');
  const b = text.indexOf('/Contents <', at) + '/Contents '.length;
  const c = text.indexOf('>', b) + 1;
  const range = `/ByteRange [0 ${b} ${c} ${bytes.length - c}]`.padEnd(
    PLACEHOLDER_RANGE.length,
    ' ',
  );
  bytes.set(Buffer.from(range, 'latin1'), at);
  return { bytes, b, c, digest: sha256(bytes.subarray(0, b), bytes.subarray(c)) };
};

const splice = (bytes: Uint8Array, b: number, c: number, der: Uint8Array) => {
  const hex = Buffer.from(der).toString('hex').toUpperCase();
  if (hex.length > c - b - 2) throw new Error('CMS larger than the placeholder');
  bytes.set(Buffer.from(hex.padEnd(c - b - 2, '0'), 'latin1'), b + 1);
  return bytes;
};

const certificateOf = (der: Uint8Array) =>
  new pkijs.Certificate({ schema: asn1js.fromBER(der).result });
const attribute = (type: string, value: asn1js.BaseBlock) =>
  new pkijs.Attribute({ type, values: [value] });

export interface SealOptions {
  readonly chain?: readonly Uint8Array[];
  readonly timestamp?: (sha256: Uint8Array) => Uint8Array;
}

/** The PAdES B-B (B-T with `timestamp`) CMS over the placeholder's byte ranges. */
export const sealPdf = (
  pdf: Uint8Array,
  signer: TestIdentity,
  options: SealOptions = {},
): Uint8Array => {
  const { bytes, b, c, digest } = fillByteRange(pdf);
  const certificate = certificateOf(signer.der);
  const attributes = [
    attribute(
      '1.2.840.113549.1.9.3',
      new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' }),
    ),
    attribute('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: digest })),
    attribute(
      '1.2.840.113549.1.9.16.2.47',
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [new asn1js.OctetString({ valueHex: sha256(signer.der) })],
              }),
            ],
          }),
        ],
      }),
    ),
  ].sort((x, y) =>
    Buffer.compare(Buffer.from(x.toSchema().toBER()), Buffer.from(y.toSchema().toBER())),
  );
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const rsa = signer.algorithm === 'rsa';
  const signature = sign('sha256', toSign, { key: signer.key, dsaEncoding: 'der' });
  const token = options.timestamp?.(sha256(signature));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
    signedAttrs,
    signatureAlgorithm: rsa
      ? new pkijs.AlgorithmIdentifier({
          algorithmId: '1.2.840.113549.1.1.11',
          algorithmParams: new asn1js.Null(),
        })
      : new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' }),
    signature: new asn1js.OctetString({ valueHex: signature }),
    ...(token === undefined
      ? {}
      : {
          unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 1,
            attributes: [attribute('1.2.840.113549.1.9.16.2.14', asn1js.fromBER(token).result)],
          }),
        }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    certificates: [signer.der, ...(options.chain ?? [])].map(certificateOf),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: '1.2.840.113549.1.7.2',
    content: signedData.toSchema(true),
  });
  return splice(bytes, b, c, new Uint8Array(contentInfo.toSchema().toBER()));
};

interface UpdateObject {
  readonly ref: PDFRef;
  readonly body: string;
}

const parse = (bytes: Uint8Array) =>
  PDFParser.forBytesWithOptions(bytes, Number.MAX_SAFE_INTEGER).parseDocument();

/** Appends one incremental update (classic xref table) with the given objects. */
const appendUpdate = (
  bytes: Uint8Array,
  context: PDFContext,
  objects: readonly UpdateObject[],
): Uint8Array => {
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(bytes.subarray(-64)))?.[1];
  if (prev === undefined) throw new Error('no startxref');
  let body = '\n';
  const offsets: [number, number][] = [];
  for (const object of objects) {
    offsets.push([object.ref.objectNumber, bytes.length + Buffer.byteLength(body, 'latin1')]);
    body += `${object.ref.objectNumber} 0 obj\n${object.body}\nendobj\n`;
  }
  const xref = bytes.length + Buffer.byteLength(body, 'latin1');
  body += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [number, offset] of offsets)
    body += `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(context.largestObjectNumber, ...objects.map((o) => o.ref.objectNumber)) + 1;
  const root = context.trailerInfo.Root as PDFRef;
  body += `trailer\n<< /Size ${size} /Root ${root.toString()} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(body, 'latin1')]));
};

const firstPage = (context: PDFContext): [PDFRef, PDFDict] => {
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Page')) {
      return [ref, object];
    }
  }
  throw new Error('no page');
};

/** An incremental update that draws "FORGED" on the page (a content change after sealing). */
export const appendContentChange = async (bytes: Uint8Array): Promise<Uint8Array> => {
  const context = await parse(bytes);
  const [pageRef, page] = firstPage(context);
  const stream = 'BT /F1 30 Tf 100 500 Td (FORGED) Tj ET';
  const streamRef = PDFRef.of(context.largestObjectNumber + 1);
  const newPage = page.clone(context);
  const old = page.get(PDFName.of('Contents'));
  newPage.set(
    PDFName.of('Contents'),
    context.obj([
      ...(old instanceof PDFArray ? old.asArray() : old === undefined ? [] : [old]),
      streamRef,
    ]),
  );
  return appendUpdate(bytes, context, [
    { ref: streamRef, body: `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream` },
    { ref: pageRef, body: newPage.toString() },
  ]);
};

/** A B-LT style update: a DSS with the given certificates, added to the catalog. */
export const appendDss = async (
  bytes: Uint8Array,
  certificates: readonly Uint8Array[],
): Promise<Uint8Array> => {
  const context = await parse(bytes);
  const rootRef = context.trailerInfo.Root as PDFRef;
  const catalog = (context.lookup(rootRef) as PDFDict).clone(context);
  let next = context.largestObjectNumber + 1;
  const certRefs = certificates.map(() => PDFRef.of(next++));
  const dssRef = PDFRef.of(next++);
  catalog.set(PDFName.of('DSS'), dssRef);
  return appendUpdate(bytes, context, [
    ...certificates.map((der, i) => ({
      ref: certRefs[i] ?? PDFRef.of(0),
      body: `<< /Length ${der.length} >>\nstream\n${latin1(der)}\nendstream`,
    })),
    { ref: dssRef, body: `<< /Certs [${certRefs.map((ref) => ref.toString()).join(' ')}] >>` },
    { ref: rootRef, body: catalog.toString() },
  ]);
};

/** A B-LTA style update: a document time-stamp field whose token covers the whole file. */
export const appendDocumentTimestamp = async (
  bytes: Uint8Array,
  timestamp: (sha256: Uint8Array) => Uint8Array,
): Promise<Uint8Array> => {
  const context = await parse(bytes);
  const rootRef = context.trailerInfo.Root as PDFRef;
  const catalog = (context.lookup(rootRef) as PDFDict).clone(context);
  const [pageRef, page] = firstPage(context);
  const sigRef = PDFRef.of(context.largestObjectNumber + 1);
  const widgetRef = PDFRef.of(context.largestObjectNumber + 2);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 132,
    T: PDFString.of('DocTS1'),
    V: sigRef,
    P: pageRef,
  });
  const newPage = page.clone(context);
  const annots = context.lookup(page.get(PDFName.of('Annots')));
  newPage.set(
    PDFName.of('Annots'),
    context.obj([...(annots instanceof PDFArray ? annots.asArray() : []), widgetRef]),
  );
  const acroForm = (context.lookup(catalog.get(PDFName.of('AcroForm'))) as PDFDict).clone(context);
  const fields = context.lookup(acroForm.get(PDFName.of('Fields')));
  acroForm.set(
    PDFName.of('Fields'),
    context.obj([...(fields instanceof PDFArray ? fields.asArray() : []), widgetRef]),
  );
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  catalog.set(PDFName.of('AcroForm'), acroForm);
  const updated = appendUpdate(bytes, context, [
    { ref: sigRef, body: signatureDict(context, true).toString() },
    { ref: widgetRef, body: widget.toString() },
    { ref: pageRef, body: newPage.toString() },
    { ref: rootRef, body: catalog.toString() },
  ]);
  const filled = fillByteRange(updated);
  return splice(filled.bytes, filled.b, filled.c, timestamp(filled.digest));
};

/** Runs poppler's pdfsig on the bytes (with an NSS db trusting `trust` when given). */
export const pdfsig = (bytes: Uint8Array, trust?: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'akashi-pdfsig-'));
  try {
    const file = join(dir, 'sealed.pdf');
    writeFileSync(file, bytes);
    const args = [file];
    if (trust !== undefined) {
      execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
      execFileSync('certutil', [
        '-A',
        '-d',
        `sql:${dir}`,
        '-n',
        'root',
        '-t',
        'C,C,C',
        '-i',
        trust,
      ]);
      args.unshift('-nssdir', `sql:${dir}`);
    }
    try {
      return execFileSync('pdfsig', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
