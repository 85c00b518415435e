/**
 * The Document Security Store (ISO 32000-2 §12.8.4.3, ETSI EN 319 142-1 B-LT) written as its own
 * incremental update: certificates, CRLs and OCSP responses as streams of DER under `/Certs`,
 * `/CRLs` and `/OCSPs`, merged with an existing DSS (same bytes are stored once), and an optional
 * `/VRI` entry per signature keyed by the uppercase hex SHA-1 of its `/Contents`.
 */
import { createHash } from 'node:crypto';
import { PdfFile, decodeStream } from './pdf-reader.js';
import { PdfRef, serialize, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { PdfUpdate } from './pdf-update.js';
import { catalogOf } from './signature-field.js';

export interface DssData {
  readonly certs?: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  readonly ocsps?: readonly Uint8Array[];
  /**
   * The `/Contents` values (the whole hex string decoded, zero padding included, as EU DSS and
   * PDFBox read them) of the signatures that get a `/VRI` entry listing this validation data.
   */
  readonly vriSignatures?: readonly Uint8Array[];
}

const KINDS = [
  ['certs', 'Certs', 'Cert'],
  ['crls', 'CRLs', 'CRL'],
  ['ocsps', 'OCSPs', 'OCSP'],
] as const;

const hashHex = (algorithm: string, data: Uint8Array): string =>
  createHash(algorithm).update(data).digest('hex').toUpperCase();

/** Appends (or extends) the DSS in a new incremental update; returns the whole file. */
export function appendDss(pdf: Uint8Array, data: DssData): Uint8Array {
  const file = new PdfFile(pdf);
  const update = new PdfUpdate(file);
  const catalog = catalogOf(file);
  const dssValue = catalog.dict.get('DSS');
  const dss: PdfDict = new Map(file.dict(dssValue));
  const vriRefs = new Map<string, PdfRef[]>();

  for (const [field, key, vriKey] of KINDS) {
    const items = data[field] ?? [];
    const existing = arrayOf(file, dss.get(key));
    const known = new Map<string, PdfRef>();
    for (const ref of existing) {
      const stream = ref instanceof PdfRef ? file.stream(ref.num) : undefined;
      if (stream && ref instanceof PdfRef) known.set(hashHex('sha256', decodeStream(stream)), ref);
    }
    const refs: PdfRef[] = [];
    const added: PdfValue[] = [];
    for (const item of items) {
      const id = hashHex('sha256', item);
      let ref = known.get(id);
      if (!ref) {
        ref = new PdfRef(update.allocate(), 0);
        update.putStream(ref.num, new Map(), item);
        known.set(id, ref);
        added.push(ref);
      }
      if (!refs.includes(ref)) refs.push(ref);
    }
    if (added.length > 0) dss.set(key, [...existing, ...added]);
    vriRefs.set(vriKey, refs);
  }

  if (data.vriSignatures && data.vriSignatures.length > 0) {
    const vri: PdfDict = new Map(file.dict(dss.get('VRI')));
    for (const contents of data.vriSignatures) {
      const entry: PdfDict = new Map();
      for (const [kind, refs] of vriRefs) if (refs.length > 0) entry.set(kind, refs);
      vri.set(hashHex('sha1', contents), entry);
    }
    dss.set('VRI', vri);
  }

  if (dssValue instanceof PdfRef) update.put(dssValue.num, serialize(dss));
  else {
    const ref = new PdfRef(update.allocate(), 0);
    update.put(ref.num, serialize(dss));
    catalog.dict.set('DSS', ref);
    update.put(catalog.ref.num, serialize(catalog.dict));
  }
  return update.write().bytes;
}

function arrayOf(file: PdfFile, value: PdfValue | undefined): PdfValue[] {
  const resolved = file.resolve(value);
  return Array.isArray(resolved) ? resolved : [];
}
