// The bench's RFC 3161 time-stamp authority: an HTTP server on 127.0.0.1 in the main thread that
// answers `application/timestamp-query` with a granted TimeStampResp — a TSTInfo (policy, the
// request's imprint and nonce, serial, genTime, accuracy 1 s) in a CMS SignedData with
// content-type, message-digest and signing-certificate-v2 signed attributes, signed by a P-256
// key whose certificate carries the critical timeStamping EKU (made with openssl at start).
// It stands in for a remote TSA without openssl's process start per request, and costs little
// CPU itself (a real TSA's CPU is not ours): the request is read with asn1js, and the reply is
// assembled from DER pieces, all constant parts encoded once at start (pkijs and asn1js
// re-encode a certificate on every use). Tokens are checked by our TSA client on every PDF and
// by `openssl ts -verify` in the certificates tests' own TSA.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { createServer } from 'node:http';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  policy: '1.3.6.1.4.1.99999.1.1',
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const der = (schema) => Buffer.from(schema.toBER());

/** A DER TLV: the tag byte, the definite length, the contents. */
const tlv = (tag, ...parts) => {
  const content = Buffer.concat(parts);
  const n = content.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
};
const SEQUENCE = 0x30;
const SET = 0x31;
const OCTET_STRING = 0x04;
const integer = (value) => der(new asn1js.Integer({ value }));
const oid = (value) => der(new asn1js.ObjectIdentifier({ value }));
const algorithm = (value) => tlv(SEQUENCE, oid(value));
const generalizedTime = (date) => der(new asn1js.GeneralizedTime({ valueDate: date }));

/** Starts the TSA; `keyPem` and `certDer` are the TSA's key and certificate. */
export const startLocalTsa = async ({ keyPem, certDer }) => {
  const key = createPrivateKey(keyPem);
  const certBytes = Buffer.from(certDer);
  const cert = new pkijs.Certificate({ schema: asn1js.fromBER(certDer).result });
  const issuerDer = der(cert.issuer.toSchema());
  const serialDer = der(cert.serialNumber);
  const sid = tlv(SEQUENCE, issuerDer, serialDer);
  const essCertIdV2 = tlv(
    SEQUENCE,
    tlv(
      SEQUENCE,
      tlv(
        SEQUENCE,
        tlv(OCTET_STRING, sha256(certDer)),
        tlv(SEQUENCE, tlv(SEQUENCE, tlv(0xa4, issuerDer)), serialDer),
      ),
    ),
  );
  const attribute = (type, value) => tlv(SEQUENCE, oid(type), tlv(SET, value));
  const contentTypeAttribute = attribute(OID.contentType, oid(OID.tstInfo));
  const essAttribute = attribute(OID.signingCertificateV2, essCertIdV2);
  const version1 = integer(1);
  const version3 = integer(3);
  const policy = oid(OID.policy);
  const accuracy = tlv(SEQUENCE, integer(1));
  const sha256Algorithm = algorithm(OID.sha256);
  const signatureAlgorithm = algorithm(OID.ecdsaWithSha256);
  const status = tlv(SEQUENCE, integer(0));
  let serial = 1;
  let answered = 0;
  let busyMs = 0;

  const stamp = (query) => {
    const request = asn1js.fromBER(query);
    if (request.offset === -1) throw new Error('not DER');
    const fields = request.result.valueBlock.value;
    const imprint = Buffer.from(fields[1].valueBeforeDecodeView);
    const rest = fields.slice(2);
    const nonce = rest.find((field) => field instanceof asn1js.Integer);
    const certReq = rest.some((field) => field instanceof asn1js.Boolean && field.valueBlock.value);
    const tstInfo = tlv(
      SEQUENCE,
      version1,
      policy,
      imprint,
      integer(serial++),
      generalizedTime(new Date()),
      accuracy,
      ...(nonce ? [Buffer.from(nonce.valueBeforeDecodeView)] : []),
    );
    // DER orders a SET OF by encoding; here the three attributes' encodings always sort as
    // content-type, message-digest, signing-certificate-v2 (checked by the TSA client).
    const signedAttributes = [
      contentTypeAttribute,
      attribute(OID.messageDigest, tlv(OCTET_STRING, sha256(tstInfo))),
      essAttribute,
    ].sort(Buffer.compare);
    const signature = sign('sha256', tlv(SET, ...signedAttributes), key);
    const signerInfo = tlv(
      SEQUENCE,
      version1,
      sid,
      sha256Algorithm,
      tlv(0xa0, ...signedAttributes),
      signatureAlgorithm,
      tlv(OCTET_STRING, signature),
    );
    const signedData = tlv(
      SEQUENCE,
      version3,
      tlv(SET, sha256Algorithm),
      tlv(SEQUENCE, oid(OID.tstInfo), tlv(0xa0, tlv(OCTET_STRING, tstInfo))),
      ...(certReq ? [tlv(0xa0, certBytes)] : []),
      tlv(SET, signerInfo),
    );
    const token = tlv(SEQUENCE, oid(OID.signedData), tlv(0xa0, signedData));
    return tlv(SEQUENCE, status, token);
  };

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const started = performance.now();
        const reply = stamp(new Uint8Array(Buffer.concat(chunks)));
        busyMs += performance.now() - started;
        answered++;
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        response.end(reply);
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end(String(error));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    host: `127.0.0.1:${port}`,
    answered: () => answered,
    /** Milliseconds spent making tokens (the TSA's own CPU time in this process). */
    busyMs: () => busyMs,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};
