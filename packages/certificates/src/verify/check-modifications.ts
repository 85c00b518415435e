/**
 * The `modified-after-signing` check: the revision the first seal covers is compared,
 * object by object, with the whole file. Updates that only add validation data (a DSS
 * dictionary and what hangs from it) or document time-stamps (a new signature field and its
 * widget, appended to `/Fields` and a page's `/Annots`) are what PAdES B-LT/B-LTA produce;
 * anything else is a change to the sealed document.
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { CertificateCheck } from './certificate-report.js';
import { makeCertificateCheck } from './certificate-report.js';
import { nameOf, parsePdf, resolve } from './pdf-structure.js';

const serialize = (object: PDFObject | undefined): string => {
  if (object === undefined) return '';
  if (object instanceof PDFRawStream) {
    return `${object.dict.toString()}\n${Buffer.from(object.contents).toString('latin1')}`;
  }
  return object.toString();
};

const objectMap = (context: PDFContext): Map<string, PDFObject> =>
  new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.toString(), object]));

/** Indirect objects reachable from `start`, not descending into the keys in `skip`. */
const reachable = (
  context: PDFContext,
  start: PDFObject | undefined,
  skip: ReadonlySet<string> = new Set(),
) => {
  const seen = new Set<string>();
  const stack: PDFObject[] = start === undefined ? [] : [start];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof PDFRef) {
      const key = item.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      const target = context.lookup(item);
      if (target !== undefined) stack.push(target);
    } else if (item instanceof PDFDict) {
      for (const [name, value] of item.entries())
        if (!skip.has(name.decodeText())) stack.push(value);
    } else if (item instanceof PDFArray) {
      stack.push(...item.asArray());
    } else if (item instanceof PDFRawStream) {
      stack.push(item.dict);
    }
  }
  return seen;
};

const isSignatureField = (context: PDFContext, value: PDFObject | undefined): boolean => {
  const dict = resolve(context, value);
  if (!(dict instanceof PDFDict)) return false;
  if (nameOf(dict.get(PDFName.of('FT'))) === 'Sig') return true;
  const parent = resolve(context, dict.get(PDFName.of('Parent')));
  return parent instanceof PDFDict && nameOf(parent.get(PDFName.of('FT'))) === 'Sig';
};

/** An array that only gained signature fields / widgets at its end. */
const onlyAppendedSignatureFields = (
  context: PDFContext,
  before: PDFObject | undefined,
  after: PDFObject | undefined,
) => {
  const old = resolve(context, before);
  const now = resolve(context, after);
  const oldItems = old instanceof PDFArray ? old.asArray() : [];
  if (!(now instanceof PDFArray)) return false;
  const items = now.asArray();
  if (items.length < oldItems.length) return false;
  if (oldItems.some((item, i) => serialize(item) !== serialize(items[i]))) return false;
  return items.slice(oldItems.length).every((item) => isSignatureField(context, item));
};

/** Keys whose values differ (or exist on one side only) between two dictionaries. */
const changedKeys = (before: PDFDict, after: PDFDict): string[] => {
  const keys = new Set([...before.keys(), ...after.keys()].map((key) => key.decodeText()));
  return [...keys].filter(
    (key) => serialize(before.get(PDFName.of(key))) !== serialize(after.get(PDFName.of(key))),
  );
};

/** Why a changed dictionary is not an allowed LTV change, or undefined when it is. */
const dictionaryProblem = (
  context: PDFContext,
  key: string,
  before: PDFDict,
  after: PDFDict,
  role: string,
): string | undefined => {
  const changed = changedKeys(before, after);
  const allowed: Readonly<Record<string, readonly string[]>> = {
    catalog: ['DSS', 'AcroForm'],
    acroform: ['Fields', 'SigFlags'],
    page: ['Annots'],
  };
  const extra = changed.filter((name) => !(allowed[role] ?? []).includes(name));
  if (extra.length > 0)
    return `${key} (${role === 'other' ? 'object' : role}): /${extra.join(', /')} changed`;
  for (const name of changed) {
    if (
      (name === 'Fields' || name === 'Annots') &&
      !onlyAppendedSignatureFields(
        context,
        before.get(PDFName.of(name)),
        after.get(PDFName.of(name)),
      )
    ) {
      return `${key}: /${name} gained more than signature fields`;
    }
    if (name === 'AcroForm') {
      const old = resolve(context, before.get(PDFName.of(name)));
      const now = resolve(context, after.get(PDFName.of(name)));
      if (now instanceof PDFDict && !(now === old)) {
        const problem = dictionaryProblem(
          context,
          key,
          old instanceof PDFDict ? old : PDFDict.withContext(context),
          now,
          'acroform',
        );
        if (problem !== undefined) return problem;
      }
    }
  }
  return undefined;
};

export interface ModificationResult {
  readonly kind: 'none' | 'ltv-only' | 'changed';
  readonly changes: readonly string[];
  readonly added: number;
}

/** Compares the revision `bytes[0..signedEnd]` with the whole file. */
export const compareRevisions = async (
  bytes: Uint8Array,
  signedEnd: number,
): Promise<ModificationResult> => {
  const tail = bytes.subarray(signedEnd);
  if (tail.every((byte) => byte === 0x0a || byte === 0x0d || byte === 0x20 || byte === 0x00)) {
    return { kind: 'none', changes: [], added: 0 };
  }
  const base = await parsePdf(bytes.subarray(0, signedEnd));
  const full = await parsePdf(bytes);
  const before = objectMap(base);
  const baseRoot = base.trailerInfo.Root;
  const fullRoot = full.trailerInfo.Root;
  const catalog = resolve(full, fullRoot);
  const content = reachable(base, baseRoot, new Set(['DSS']));
  const dss =
    catalog instanceof PDFDict
      ? reachable(full, catalog.get(PDFName.of('DSS')))
      : new Set<string>();
  const acroForm = catalog instanceof PDFDict ? catalog.get(PDFName.of('AcroForm')) : undefined;
  const changes: string[] = [];
  let added = 0;
  let allowed = 0;
  if (baseRoot instanceof PDFRef && fullRoot instanceof PDFRef && baseRoot !== fullRoot) {
    const old = base.lookup(baseRoot);
    if (old instanceof PDFDict && catalog instanceof PDFDict) {
      const problem = dictionaryProblem(full, 'the catalog', old, catalog, 'catalog');
      if (problem !== undefined) changes.push(problem);
    } else changes.push('the document catalog was replaced');
  }
  for (const [key, object] of full
    .enumerateIndirectObjects()
    .map(([ref, value]) => [ref.toString(), value] as const)) {
    const old = before.get(key);
    if (old === undefined) {
      added += 1;
      continue;
    }
    if (serialize(old) === serialize(object)) continue;
    const type =
      object instanceof PDFRawStream ? nameOf(object.dict.get(PDFName.of('Type'))) : undefined;
    if (type === 'XRef' || type === 'ObjStm') continue;
    if (dss.has(key) && !content.has(key)) {
      allowed += 1;
      continue;
    }
    const role =
      fullRoot instanceof PDFRef && key === fullRoot.toString()
        ? 'catalog'
        : acroForm instanceof PDFRef && key === acroForm.toString()
          ? 'acroform'
          : object instanceof PDFDict && nameOf(object.get(PDFName.of('Type'))) === 'Page'
            ? 'page'
            : 'other';
    if (object instanceof PDFArray) {
      if (onlyAppendedSignatureFields(full, old, object)) allowed += 1;
      else changes.push(`${key} (array) changed`);
      continue;
    }
    if (old instanceof PDFDict && object instanceof PDFDict) {
      const problem = dictionaryProblem(full, key, old, object, role);
      if (problem === undefined) allowed += 1;
      else changes.push(problem);
      continue;
    }
    changes.push(`${key} (${object instanceof PDFRawStream ? 'stream' : 'object'}) changed`);
  }
  if (changes.length === 0 && added === 0 && allowed === 0) {
    changes.push(`${tail.length} unsigned bytes follow the signed revision`);
  }
  return { kind: changes.length === 0 ? 'ltv-only' : 'changed', changes, added };
};

export const modificationCheck = (result: ModificationResult): CertificateCheck => {
  const details = { changes: result.changes, addedObjects: result.added };
  if (result.kind === 'none')
    return makeCertificateCheck('modified-after-signing', 'passed', 'UNMODIFIED');
  if (result.kind === 'ltv-only') {
    return makeCertificateCheck(
      'modified-after-signing',
      'passed',
      'MODIFIED_LTV_ONLY',
      {},
      { details },
    );
  }
  const shown = result.changes.slice(0, 5).join('; ');
  const more = result.changes.length > 5 ? ` (+${result.changes.length - 5} more)` : '';
  return makeCertificateCheck(
    'modified-after-signing',
    'failed',
    'ERR_MODIFIED_AFTER_SIGNING',
    { reason: `${shown}${more}` },
    { details },
  );
};
