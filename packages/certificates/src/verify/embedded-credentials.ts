/**
 * Pulls Open Badges credentials out of a PDF's attachments: the `/EmbeddedFiles` name tree of
 * the catalog's `/Names` and the PDF/A-3 `/AF` associated files, read with pdf-lib's low-level
 * objects. A file is a credential when it is an OB 3.0 credential (JSON or a VC-JWT) or an
 * OB 2.0 assertion; other attachments are ignored.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { CredentialGeneration } from './certificate-report.js';
import { resolve, textOf } from './pdf-structure.js';

export interface ExtractedFile {
  readonly file: string;
  readonly generation?: CredentialGeneration;
  readonly credential?: string | Record<string, unknown>;
  readonly problem?: string;
}

const MAX_FILE = 4 * 1024 * 1024;
const MAX_NODES = 10_000;
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The file specifications of the name tree (Names pairs and Kids), depth-limited. */
const nameTreeValues = (context: PDFContext, root: PDFObject | undefined): PDFObject[] => {
  const values: PDFObject[] = [];
  const stack: { node: PDFObject | undefined; depth: number }[] = [{ node: root, depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const entry = stack.pop();
    visited += 1;
    const node = resolve(context, entry?.node);
    if (!(node instanceof PDFDict) || entry === undefined || entry.depth > 32) continue;
    const names = resolve(context, node.get(PDFName.of('Names')));
    if (names instanceof PDFArray) {
      const items = names.asArray();
      for (let i = 1; i < items.length; i += 2) {
        const value = items[i];
        if (value !== undefined) values.push(value);
      }
    }
    const kids = resolve(context, node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) stack.push({ node: kid, depth: entry.depth + 1 });
    }
  }
  return values;
};

const classify = (text: string): Pick<ExtractedFile, 'generation' | 'credential'> => {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (JWS.test(trimmed)) return { generation: 'ob3', credential: trimmed };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['type'] ?? [], record['@type'] ?? []);
  const contexts = ([] as unknown[]).concat(record['@context'] ?? []);
  const ob3 =
    types.some((type) =>
      ['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential'].includes(
        String(type),
      ),
    ) ||
    contexts.some((context) => String(context).startsWith('https://www.w3.org/ns/credentials/'));
  if (ob3) return { generation: 'ob3', credential: record };
  const ob2 = types.includes('Assertion') || contexts.includes('https://w3id.org/openbadges/v2');
  return ob2 ? { generation: 'ob2', credential: record } : {};
};

const readFileSpec = (context: PDFContext, spec: PDFDict): ExtractedFile | undefined => {
  const file =
    textOf(resolve(context, spec.get(PDFName.of('UF')))) ??
    textOf(resolve(context, spec.get(PDFName.of('F')))) ??
    '(unnamed)';
  const ef = resolve(context, spec.get(PDFName.of('EF')));
  if (!(ef instanceof PDFDict)) return undefined;
  const stream = resolve(context, ef.get(PDFName.of('UF')) ?? ef.get(PDFName.of('F')));
  if (!(stream instanceof PDFRawStream)) return { file, problem: 'no embedded file stream' };
  let data: Uint8Array;
  try {
    data = decodePDFRawStream(stream).decode();
  } catch (error) {
    return { file, problem: error instanceof Error ? error.message : String(error) };
  }
  if (data.length > MAX_FILE) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
  const found = classify(text);
  return found.generation === undefined ? undefined : { file, ...found };
};

/** Every embedded OB credential (deduplicated by file specification). */
export const extractCredentials = (context: PDFContext): ExtractedFile[] => {
  const catalog = resolve(context, context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) return [];
  const names = resolve(context, catalog.get(PDFName.of('Names')));
  const specs: PDFObject[] =
    names instanceof PDFDict ? nameTreeValues(context, names.get(PDFName.of('EmbeddedFiles'))) : [];
  const associated = resolve(context, catalog.get(PDFName.of('AF')));
  if (associated instanceof PDFArray) specs.push(...associated.asArray());
  const seen = new Set<PDFObject>();
  const files: ExtractedFile[] = [];
  for (const item of specs) {
    const spec = resolve(context, item);
    if (!(spec instanceof PDFDict) || seen.has(spec)) continue;
    seen.add(spec);
    const file = readFileSpec(context, spec);
    if (file !== undefined) files.push(file);
  }
  return files;
};
