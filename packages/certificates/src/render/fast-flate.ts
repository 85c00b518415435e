/**
 * Native (node:zlib) compression for a pdf-lib document. pdf-lib deflates every stream with
 * pako in JavaScript, a few milliseconds per certificate; zlib does the same work several times
 * faster. {@link useNativeDeflate} makes the document's embedders (fonts, files) use zlib, and
 * {@link deflateContentStreams} turns the page content streams into zlib-deflated raw streams
 * just before saving.
 */
import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';

const deflate = (bytes: Uint8Array): Uint8Array => new Uint8Array(deflateSync(bytes, { level: 6 }));

/** Replaces `context.flateStream` (used by pdf-lib's embedders) with a zlib version. */
export function useNativeDeflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) => {
    const bytes =
      typeof contents === 'string' ? Uint8Array.from(contents, (c) => c.charCodeAt(0)) : contents;
    return context.stream(deflate(bytes), { ...dict, Filter: 'FlateDecode' });
  };
}

/** Re-encodes every page content stream with zlib (call after drawing, before saving). */
export function deflateContentStreams(doc: PDFDocument): void {
  const context = doc.context;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    const dict = object.dict.clone(context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    dict.delete(PDFName.of('Length'));
    context.assign(ref, PDFRawStream.of(dict, deflate(object.getUnencodedContents())));
  }
}
