// The bench's reference: the same certificate made the way a Node.js project would usually make
// one — pdf-lib drawing the page with Noto Sans JP embedded through @pdf-lib/fontkit (subset),
// the QR code drawn module by module, the credential attached as a file, then @signpdf adding a
// placeholder (placeholder-pdf-lib) and signing with its P12 signer (node-forge, RSA only, no
// signing-certificate-v2 and no time-stamp: it does not reach PAdES B-B). Known trap: pdf-lib's
// fontkit subsetting may drop CJK glyphs; the reference is measured for speed, not rendering.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
const FONT = readFileSync(
  require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
);

/** Returns `make(i)`: one reference certificate, sealed with the PKCS#12 file given. */
export const prepareReference = ({ p12, passphrase, credential, names }) => {
  const credentialJson = Buffer.from(JSON.stringify(credential, null, 2));
  return async (i) => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(FONT, { subset: true });
    const page = doc.addPage([841.89, 595.28]);
    const ink = rgb(0.1, 0.1, 0.2);
    page.drawText('修了証明書', { x: 330, y: 500, size: 32, font, color: ink });
    page.drawText('Certificate of Completion', { x: 300, y: 470, size: 18, font, color: ink });
    page.drawText(names[i % names.length], { x: 340, y: 400, size: 28, font, color: ink });
    page.drawText(credential.credentialSubject.achievement.name, {
      x: 300,
      y: 340,
      size: 20,
      font,
    });
    page.drawText(credential.issuer.name, { x: 330, y: 300, size: 16, font });
    page.drawText('令和7年4月1日', { x: 350, y: 270, size: 14, font });
    page.drawText(`No. ${String(i).padStart(6, '0')}`, { x: 60, y: 40, size: 10, font });
    const qr = QRCode.create(credential.id, { errorCorrectionLevel: 'M' }).modules;
    const cell = 3;
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) {
        if (qr.get(row, col)) {
          page.drawRectangle({
            x: 700 + col * cell,
            y: 140 - row * cell,
            width: cell,
            height: cell,
            color: rgb(0, 0, 0),
          });
        }
      }
    }
    await doc.attach(credentialJson, 'credential.json', {
      mimeType: 'application/vc+ld+json',
      description: 'Open Badges 3.0 credential',
    });
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: 'Certificate seal',
      contactInfo: 'registrar@example.ac.jp',
      name: 'Akashi Bench Seal',
      location: 'Tokyo',
      subFilter: 'ETSI.CAdES.detached',
    });
    const unsigned = await doc.save({ useObjectStreams: false });
    // The P12 signer parses the file in its constructor; a fresh one per document, as its
    // examples do.
    const signer = new P12Signer(p12, { passphrase });
    return new SignPdf().sign(Buffer.from(unsigned), signer);
  };
};
