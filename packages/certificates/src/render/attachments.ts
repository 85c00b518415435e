/**
 * The credential travels inside the PDF: the OB 3.0 credential (and the OB 2.0 assertion) as
 * embedded files that are also associated files of the document (PDF/A-3 style: `/AF` on the
 * catalog, `/AFRelationship /Data`), plus XMP metadata. {@link extractEmbeddedCredentials} reads
 * any PDF's embedded files back, byte for byte.
 */
import {
  AFRelationship,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export const CREDENTIAL_FILE_NAME = 'credential.json';
export const ASSERTION_FILE_NAME = 'assertion.json';

/** Attaches the credential (and assertion) as associated files. */
export async function attachCredentials(
  doc: PDFDocument,
  credential: Uint8Array,
  assertion: Uint8Array | undefined,
  now: Date,
): Promise<void> {
  const dates = { creationDate: now, modificationDate: now };
  await doc.attach(credential, CREDENTIAL_FILE_NAME, {
    mimeType: 'application/ld+json',
    description: 'Open Badges 3.0 credential (W3C Verifiable Credential)',
    afRelationship: AFRelationship.Data,
    ...dates,
  });
  if (assertion !== undefined) {
    await doc.attach(assertion, ASSERTION_FILE_NAME, {
      mimeType: 'application/json',
      description: 'Open Badges 2.0 assertion',
      afRelationship: AFRelationship.Data,
      ...dates,
    });
  }
}

export interface DocumentInfo {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords: readonly string[];
  readonly language: string;
  readonly now: Date;
}

const CREATOR_TOOL = 'Akashi (@akashi/certificates)';

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sets the Info dictionary and an XMP metadata stream (Dublin Core, XMP, PDF schemas). */
export function setDocumentInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author !== undefined) doc.setAuthor(info.author);
  if (info.subject !== undefined) doc.setSubject(info.subject);
  doc.setKeywords([...info.keywords]);
  doc.setCreator(CREATOR_TOOL);
  doc.setProducer(`${CREATOR_TOOL} with pdf-lib`);
  doc.setCreationDate(info.now);
  doc.setModificationDate(info.now);
  doc.setLanguage(info.language);
  const date = info.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const packet = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>${
     info.author === undefined
       ? ''
       : `\n   <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>`
   }${
     info.subject === undefined
       ? ''
       : `\n   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>`
   }
   <dc:language><rdf:Bag><rdf:li>${xml(info.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${CREATOR_TOOL}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <pdf:Producer>${CREATOR_TOOL} with pdf-lib</pdf:Producer>
   <pdf:Keywords>${xml(info.keywords.join(', '))}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  const stream = doc.context.stream(new TextEncoder().encode(packet), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

export interface EmbeddedAttachment {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mimeType?: string;
  readonly description?: string;
  readonly afRelationship?: string;
}

const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

function readFileSpec(key: string, spec: PDFDict): EmbeddedAttachment | undefined {
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const raw = ef?.lookup(PDFName.of('UF')) ?? ef?.lookup(PDFName.of('F'));
  const stream = raw instanceof PDFRawStream ? raw : undefined;
  if (stream === undefined) return undefined;
  const name = text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F'))) ?? key;
  const subtype = stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  const description = text(spec.lookup(PDFName.of('Desc')));
  const rel = spec.lookupMaybe(PDFName.of('AFRelationship'), PDFName)?.decodeText();
  return {
    name,
    bytes: decodePDFRawStream(stream).decode(),
    ...(subtype === undefined ? {} : { mimeType: subtype }),
    ...(description === undefined ? {} : { description }),
    ...(rel === undefined ? {} : { afRelationship: rel }),
  };
}

/**
 * The embedded files of a PDF (the `/EmbeddedFiles` name tree), by file name; a certificate
 * holds `credential.json` (OB 3.0) and, when there is one, `assertion.json` (OB 2.0).
 */
export async function extractEmbeddedCredentials(
  pdfBytes: Uint8Array,
): Promise<Map<string, EmbeddedAttachment>> {
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, ignoreEncryption: true });
  const found = new Map<string, EmbeddedAttachment>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (node === undefined || seen.has(node) || depth > 32) return;
    seen.add(node);
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs !== undefined && i + 1 < pairs.size(); i += 2) {
      const key = text(pairs.lookup(i)) ?? `attachment-${i / 2}`;
      const spec = pairs.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const file = readFileSpec(key, spec);
      if (file !== undefined && !found.has(file.name)) found.set(file.name, file);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids !== undefined && i < kids.size(); i += 1) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  walk(root, 0);
  return found;
}
