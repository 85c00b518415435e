/**
 * Test support: reads enough of an RFC 5322 / MIME message to check it — the headers (unfolded),
 * the subject decoded from RFC 2047 encoded-words, and the text and HTML parts decoded from
 * base64 or quoted-printable — and finds the links in it. An independent reading of what
 * nodemailer wrote, not nodemailer's own parser. Not for production code.
 */
export interface TestMail {
  readonly raw: string;
  /** The envelope recipients (RCPT TO), when received over SMTP. */
  readonly rcptTo: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly to: string;
  readonly from: string;
  readonly text: string;
  readonly html: string;
}

const splitHead = (part: string): { head: string; body: string } => {
  const index = part.search(/\r?\n\r?\n/);
  if (index < 0) return { head: part, body: '' };
  const separator = /\r?\n\r?\n/.exec(part.slice(index))?.[0] ?? '\n\n';
  return { head: part.slice(0, index), body: part.slice(index + separator.length) };
};

const parseHeaders = (head: string): Map<string, string> => {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
};

const decodeQuotedPrintable = (text: string): Buffer => {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] as string, 'utf8'));
    }
  }
  return Buffer.from(bytes);
};

/** `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words, adjacent words joined (RFC 2047 section 6.2). */
export const decodeEncodedWords = (value: string): string =>
  value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_whole, _charset: string, kind: string, data: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );

const decodeBody = (body: string, encoding: string | undefined): string => {
  switch (encoding?.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body).toString('utf8');
    default:
      return body;
  }
};

interface Leaf {
  readonly type: string;
  readonly content: string;
}

const collectLeaves = (headers: Map<string, string>, body: string, into: Leaf[]): void => {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary !== undefined) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const { head, body: partBody } = splitHead(part.replace(/^\r?\n/, ''));
      collectLeaves(parseHeaders(head), partBody, into);
    }
    return;
  }
  into.push({
    type: contentType.split(';')[0]?.trim().toLowerCase() ?? 'text/plain',
    content: decodeBody(body, headers.get('content-transfer-encoding')),
  });
};

export const readTestMail = (raw: string, rcptTo: readonly string[] = []): TestMail => {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const leaves: Leaf[] = [];
  collectLeaves(headers, body, leaves);
  return {
    raw,
    rcptTo,
    headers,
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    to: decodeEncodedWords(headers.get('to') ?? ''),
    from: decodeEncodedWords(headers.get('from') ?? ''),
    text: leaves.find((leaf) => leaf.type === 'text/plain')?.content ?? '',
    html: leaves.find((leaf) => leaf.type === 'text/html')?.content ?? '',
  };
};

/** The first link in the mail's text that starts with `prefix`. */
export const findLink = (mail: TestMail, prefix: string): string => {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S*`).exec(mail.text);
  if (match === null) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return match[0];
};

/** The `token` query parameter of the first link starting with `prefix`. */
export const findLinkToken = (mail: TestMail, prefix: string): string => {
  const token = new URL(findLink(mail, prefix)).searchParams.get('token');
  if (token === null) throw new Error(`the link has no token: ${findLink(mail, prefix)}`);
  return token;
};
