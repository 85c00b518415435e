/**
 * The W3C VC Data Model 2.0 rules a credential or presentation must meet that JSON-LD safe mode
 * does not already enforce (VC 1.1 credentials are read by the same rules, with `issuanceDate` /
 * `expirationDate` for the validity period): the first context, `type`, single-URL `id`s, the
 * issuer, non-empty subjects, date-time stamps, and a `type` on every status, schema, refresh,
 * terms-of-use and evidence object. Issuing refuses a credential with any problem; verifying
 * reports them as a failed check. Each problem names the field (a JSON Pointer) in both languages.
 */
import { CREDENTIALS_V1_URL, CREDENTIALS_V2_URL, type LocalizedMessage } from '@akashi/core';

export interface VcProblem {
  /** JSON Pointer inside the credential (or presentation); `''` for the whole. */
  readonly path: string;
  readonly message: LocalizedMessage;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An absolute URL or other IRI with a scheme (`https:`, `did:`, `urn:`). */
export const isUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value);

const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const problem = (path: string, en: string, ja: string): VcProblem => ({
  path,
  message: { en, ja },
});

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

export const typesOf = (value: unknown): string[] =>
  asList(value).filter((t): t is string => typeof t === 'string');

/** The `@context` entries, in order (a single value counts as a one-entry set). */
export const contextsOf = (document: Json): unknown[] => {
  const context = document['@context'];
  return context === undefined ? [] : asList(context);
};

/** Whether this is a VC 1.1-era document (first context the v1 one). */
export const isVc1 = (document: Json): boolean => contextsOf(document)[0] === CREDENTIALS_V1_URL;

const checkContext = (document: Json, problems: VcProblem[]): void => {
  const contexts = contextsOf(document);
  if (contexts.length === 0) {
    problems.push(problem('/@context', `@context is missing.`, `@context がありません。`));
    return;
  }
  const first = contexts[0];
  if (first !== CREDENTIALS_V2_URL && first !== CREDENTIALS_V1_URL) {
    problems.push(
      problem(
        '/@context/0',
        `The first @context entry must be ${CREDENTIALS_V2_URL}.`,
        `@context の最初の項目は ${CREDENTIALS_V2_URL} である必要があります。`,
      ),
    );
  }
  contexts.forEach((entry, index) => {
    if (!isUrl(entry) && !isObject(entry)) {
      problems.push(
        problem(
          `/@context/${index}`,
          'Each @context entry must be a URL or an object.',
          '@context の各項目は URL かオブジェクトである必要があります。',
        ),
      );
    }
  });
};

const checkType = (document: Json, required: string, problems: VcProblem[]): void => {
  const types = asList(document.type);
  if (document.type === undefined || types.some((t) => typeof t !== 'string')) {
    problems.push(
      problem(
        '/type',
        `"type" must be a string or an array of strings.`,
        `"type" は文字列か文字列の配列である必要があります。`,
      ),
    );
  } else if (!types.includes(required)) {
    problems.push(
      problem(
        '/type',
        `"type" must include ${required}.`,
        `"type" には ${required} を含める必要があります。`,
      ),
    );
  }
};

const checkId = (value: unknown, path: string, problems: VcProblem[]): void => {
  if (value !== undefined && !isUrl(value)) {
    problems.push(
      problem(path, 'An "id" must be a single URL.', '"id" は 1 つの URL である必要があります。'),
    );
  }
};

/** The issuer's id: `issuer` itself or `issuer.id` (undefined when neither is a string). */
export const issuerIdOf = (credential: Json): string | undefined => {
  const { issuer } = credential;
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
};

const checkIssuer = (credential: Json, problems: VcProblem[]): void => {
  const { issuer } = credential;
  if (issuer === undefined) {
    problems.push(problem('/issuer', '"issuer" is missing.', '"issuer" がありません。'));
    return;
  }
  const id = issuerIdOf(credential);
  if (id === undefined || !isUrl(id)) {
    problems.push(
      problem(
        typeof issuer === 'string' ? '/issuer' : '/issuer/id',
        'The issuer must be a URL, or an object whose "id" is a URL.',
        '発行者は URL か、"id" が URL のオブジェクトである必要があります。',
      ),
    );
  }
};

const checkSubjects = (credential: Json, problems: VcProblem[]): void => {
  const { credentialSubject } = credential;
  const subjects = asList(credentialSubject);
  if (credentialSubject === undefined || subjects.length === 0) {
    problems.push(
      problem(
        '/credentialSubject',
        '"credentialSubject" is missing.',
        '"credentialSubject" がありません。',
      ),
    );
    return;
  }
  subjects.forEach((subject, index) => {
    const path = Array.isArray(credentialSubject)
      ? `/credentialSubject/${index}`
      : '/credentialSubject';
    if (!isObject(subject) || Object.keys(subject).length === 0) {
      problems.push(
        problem(
          path,
          'Each credential subject must be an object with at least one claim.',
          '各 credentialSubject は、少なくとも 1 つの主張を持つオブジェクトである必要があります。',
        ),
      );
    } else checkId(subject.id, `${path}/id`, problems);
  });
};

const checkDates = (credential: Json, problems: VcProblem[]): void => {
  const [fromName, untilName] = isVc1(credential)
    ? ['issuanceDate', 'expirationDate']
    : ['validFrom', 'validUntil'];
  const parsed: Record<string, number> = {};
  for (const name of [fromName, untilName]) {
    const value = credential[name];
    if (value === undefined) continue;
    if (
      typeof value !== 'string' ||
      !DATE_TIME_STAMP.test(value) ||
      Number.isNaN(Date.parse(value))
    ) {
      problems.push(
        problem(
          `/${name}`,
          `"${name}" must be a date-time with a time zone (e.g. 2026-04-01T00:00:00Z).`,
          `"${name}" はタイムゾーン付きの日時（例: 2026-04-01T00:00:00Z）である必要があります。`,
        ),
      );
    } else parsed[name] = Date.parse(value);
  }
  const from = parsed[fromName];
  const until = parsed[untilName];
  if (from !== undefined && until !== undefined && until < from) {
    problems.push(
      problem(
        `/${untilName}`,
        `"${untilName}" is before "${fromName}".`,
        `"${untilName}" が "${fromName}" より前です。`,
      ),
    );
  }
};

const TYPED_PROPERTIES = [
  'credentialStatus',
  'credentialSchema',
  'refreshService',
  'termsOfUse',
  'evidence',
] as const;

const checkTypedObjects = (credential: Json, problems: VcProblem[]): void => {
  for (const name of TYPED_PROPERTIES) {
    const value = credential[name];
    if (value === undefined) continue;
    asList(value).forEach((item, index) => {
      const path = Array.isArray(value) ? `/${name}/${index}` : `/${name}`;
      if (!isObject(item) || typesOf(item.type).length === 0) {
        problems.push(
          problem(
            path,
            `Each "${name}" must be an object with a "type".`,
            `各 "${name}" は "type" を持つオブジェクトである必要があります。`,
          ),
        );
      } else checkId(item.id, `${path}/id`, problems);
    });
  }
};

/** Every BitstringStatusListEntry anywhere in the document must be well-formed (spec §2.1). */
const checkStatusEntries = (
  value: unknown,
  path: string,
  problems: VcProblem[],
  depth = 0,
): void => {
  if (depth > 32) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkStatusEntries(item, `${path}/${index}`, problems, depth + 1);
    });
    return;
  }
  if (!isObject(value)) return;
  if (typesOf(value.type).includes('BitstringStatusListEntry')) {
    const index = value.statusListIndex;
    if (typeof index !== 'string' || !/^(0|[1-9]\d*)$/.test(index)) {
      problems.push(
        problem(
          `${path}/statusListIndex`,
          '"statusListIndex" must be a non-negative integer written as a base-10 string.',
          '"statusListIndex" は 0 以上の整数を 10 進の文字列で表したものである必要があります。',
        ),
      );
    }
    if (!isUrl(value.statusListCredential)) {
      problems.push(
        problem(
          `${path}/statusListCredential`,
          '"statusListCredential" must be a URL.',
          '"statusListCredential" は URL である必要があります。',
        ),
      );
    }
    if (typeof value.statusPurpose !== 'string') {
      problems.push(
        problem(
          `${path}/statusPurpose`,
          '"statusPurpose" must be a string.',
          '"statusPurpose" は文字列である必要があります。',
        ),
      );
    }
  }
  for (const [key, child] of Object.entries(value)) {
    checkStatusEntries(
      child,
      `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      problems,
      depth + 1,
    );
  }
};

/** The data-model problems of a credential (none: it is well-formed). */
export const checkCredentialDataModel = (credential: Json): VcProblem[] => {
  const problems: VcProblem[] = [];
  checkContext(credential, problems);
  checkId(credential.id, '/id', problems);
  checkType(credential, 'VerifiableCredential', problems);
  checkIssuer(credential, problems);
  checkSubjects(credential, problems);
  checkDates(credential, problems);
  checkTypedObjects(credential, problems);
  checkStatusEntries(credential, '', problems);
  return problems;
};

/** The data-model problems of a presentation itself (its credentials are checked one by one). */
export const checkPresentationDataModel = (presentation: Json): VcProblem[] => {
  const problems: VcProblem[] = [];
  checkContext(presentation, problems);
  checkId(presentation.id, '/id', problems);
  checkType(presentation, 'VerifiablePresentation', problems);
  checkId(
    isObject(presentation.holder) ? presentation.holder.id : presentation.holder,
    isObject(presentation.holder) ? '/holder/id' : '/holder',
    problems,
  );
  const credentials = presentation.verifiableCredential;
  if (credentials !== undefined) {
    asList(credentials).forEach((item, index) => {
      if (!isObject(item)) {
        problems.push(
          problem(
            Array.isArray(credentials) ? `/verifiableCredential/${index}` : '/verifiableCredential',
            'Each verifiable credential must be an object.',
            '各 verifiableCredential はオブジェクトである必要があります。',
          ),
        );
      }
    });
  }
  return problems;
};
